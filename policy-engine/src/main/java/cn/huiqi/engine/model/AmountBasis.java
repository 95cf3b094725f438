package cn.huiqi.engine.model;

import java.util.Arrays;
import java.util.Optional;

/** How far the text decides the amount. */
public enum AmountBasis {
    /** The text gives everything needed: the amount is what the formula computes. */
    COMPUTED("computed", "按公式计算", "computed"),
    /** "最高X万元", graded by review (择优、定档评级、经评估): the formula gives the maximum, review decides the amount. */
    REVIEW_MAXIMUM("review_maximum", "最高额，具体金额由评审核定", "maximum; the amount is decided by review"),
    /** The text gives no amount and no maximum (e.g. bands not published): nothing can be computed. */
    NOT_COMPUTABLE("not_computable", "不可计算", "not computable");

    private final String code;
    private final String zh;
    private final String en;

    AmountBasis(String code, String zh, String en) {
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

    public static Optional<AmountBasis> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
