package cn.huiqi.engine.model;

import java.util.Arrays;
import java.util.Optional;

/** How a {@link StackingGroup} picks the one award an applicant receives. */
public enum StackingRule {
    /** 从优（就高）不重复: the largest award of the group; the others are set aside. */
    BEST("best", "按最优执行，不重复执行", "the best one, not several"),
    /**
     * 企业自主选择 / 二选一 / 只能选择一种: the applicant chooses one of the group; the platform recommends the largest
     * and records the choice.
     */
    CHOOSE("choose", "由企业自主选择其一", "the applicant chooses one");

    private final String code;
    private final String zh;
    private final String en;

    StackingRule(String code, String zh, String en) {
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

    public static Optional<StackingRule> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
