package cn.huiqi.infra;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid 统一社会信用代码 for tests, computed independently of application-service's validator (GB 11714 check on
 * the organization code, GB 32100-2015 check over the first 17 characters), so each checks the other.
 */
public final class TestUscc {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private TestUscc() {
    }

    /** A random valid code of an enterprise (登记管理部门 9, 类别 1) in the given six-digit division. */
    public static String random(String divisionCode) {
        StringBuilder org = new StringBuilder("MA");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            org.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return of("91" + divisionCode + org);
    }

    /** A random valid code registered in 长春高新技术产业开发区 (220173), inside 长春新区. */
    public static String random() {
        return random("220173");
    }

    /** Completes the first 16 characters with both check characters. */
    public static String of(String first16) {
        String body = first16.substring(8, 16);
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body.charAt(i);
            sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * ORG_WEIGHTS[i];
        }
        int r = 11 - sum % 11;
        String first17 = first16 + (r == 10 ? 'X' : r == 11 ? '0' : (char) ('0' + r));
        sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
