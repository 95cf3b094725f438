package cn.huiqi.engine.model;

import java.util.Arrays;
import java.util.Optional;

/** Why a clause's amount cannot be computed: a closed list, so a catalogue can be checked and counted. */
public enum NonComputableReason {
    /** "按其营业收入分档" without the bands. */
    BANDS_NOT_PUBLISHED("bands_not_published", "分档标准未公布", "the bands are not published"),
    /** "给予补助" graded by review, with no amount and no maximum. */
    AMOUNT_LEFT_TO_REVIEW("amount_left_to_review", "金额由评审确定且未载明上限",
            "the amount is left to review and no maximum is given"),
    /** The measure pays nothing (包容期、首违不罚). */
    NOT_A_PAYMENT("not_a_payment", "非资金支付事项", "not a payment"),
    /** The text announces support and leaves the amount to implementing rules (实施细则、管理办法). */
    LEFT_TO_IMPLEMENTING_RULES("left_to_implementing_rules", "金额待实施细则或管理办法规定",
            "the amount is left to implementing rules");

    private final String code;
    private final String zh;
    private final String en;

    NonComputableReason(String code, String zh, String en) {
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    public String code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public static Optional<NonComputableReason> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
