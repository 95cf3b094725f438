package cn.huiqi.engine.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** CNY amounts: {@link BigDecimal} at scale 2 (fen), and their display with thousands separators. */
public final class Money {

    /** Fen: every amount the engine returns has this scale. */
    public static final int SCALE = 2;

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Money() {
    }

    /** An amount from its decimal text, e.g. {@code "5000"} or {@code "500000.00"}; more than two decimals fail. */
    public static BigDecimal of(String amount) {
        return of(new BigDecimal(amount));
    }

    /** The amount at scale 2; fails instead of rounding when it has fractions of a fen. */
    public static BigDecimal of(BigDecimal amount) {
        try {
            return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not a whole number of fen: " + amount.toPlainString(), e);
        }
    }

    /** {@code 1234567.8} → {@code "1,234,567.80"}; digits past the fen (intermediate results) are kept. */
    public static String format(BigDecimal amount) {
        BigDecimal v;
        if (amount.scale() <= SCALE) {
            v = amount.setScale(SCALE);
        } else {
            // products of rates and amounts carry more scale; show the fen, and further digits only if not zero
            BigDecimal fen = amount.setScale(SCALE, RoundingMode.DOWN);
            v = fen.compareTo(amount) == 0 ? fen : amount.stripTrailingZeros();
        }
        return group(v.toPlainString());
    }

    /** Inserts thousands separators into a plain decimal string. */
    static String group(String plain) {
        int start = plain.startsWith("-") ? 1 : 0;
        int dot = plain.indexOf('.');
        int end = dot < 0 ? plain.length() : dot;
        StringBuilder sb = new StringBuilder(plain.length() + 6);
        sb.append(plain, 0, start);
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(plain.charAt(i));
        }
        sb.append(plain, end, plain.length());
        return sb.toString();
    }
}
