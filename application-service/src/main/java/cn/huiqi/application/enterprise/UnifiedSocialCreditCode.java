package cn.huiqi.application.enterprise;

import java.util.Locale;
import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters — registration authority, entity type, six-digit administrative
 * division, the nine-character organization code (GB 11714, with its own check character) and a check character over
 * the first 17, from the alphabet 0-9 A-H J-N P-R T-U W-Y (no I, O, Z, S, V).
 */
public final class UnifiedSocialCreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /** Which rule of the standard a code breaks, with a message a person can act on. */
    public record Violation(String rule, String message) {
    }

    private UnifiedSocialCreditCode() {
    }

    /** Trims and upper-cases, the two liberties a clerk's typing deserves. */
    public static String normalize(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    /** The first rule the (normalized) code breaks, or empty when it is a valid code. */
    public static Optional<Violation> check(String code) {
        if (code == null || code.length() != 18) {
            return Optional.of(new Violation("length", "must be 18 characters, got "
                    + (code == null ? 0 : code.length())));
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of(new Violation("charset", "character " + (i + 1) + " '" + code.charAt(i)
                        + "' is not allowed (allowed: 0-9 and A-Y except I, O, S, V, Z)"));
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Optional.of(new Violation("division-code",
                        "characters 3-8 are the administrative division code and must be digits, got '"
                                + code.substring(2, 8) + "'"));
            }
        }
        char orgCheck = organizationCheckCharacter(code.substring(8, 16));
        if (code.charAt(16) != orgCheck) {
            return Optional.of(new Violation("organization-code-check",
                    "character 17 is the organization code's check character (GB 11714): expected '" + orgCheck
                            + "', got '" + code.charAt(16) + "'"));
        }
        char check = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != check) {
            return Optional.of(new Violation("check-digit",
                    "character 18 is the check character (GB 32100-2015): expected '" + check + "', got '"
                            + code.charAt(17) + "'"));
        }
        return Optional.empty();
    }

    /** The check character over the first 17 characters. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** GB 11714: digits count as themselves, letters A=10 .. Z=35; 10 is written X and 11 is written 0. */
    static char organizationCheckCharacter(String body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body8.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * ORG_WEIGHTS[i];
        }
        int r = 11 - sum % 11;
        return r == 10 ? 'X' : r == 11 ? '0' : (char) ('0' + r);
    }
}
