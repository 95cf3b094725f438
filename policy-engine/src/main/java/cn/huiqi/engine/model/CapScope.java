package cn.huiqi.engine.model;

import java.util.Arrays;
import java.util.Optional;

/** What a cap limits: one application, or the sum over an enterprise's awards in a year or ever. */
public enum CapScope {
    /** 单个项目/单次/单个产品最高: this application's amount alone. */
    ITEM("item", "单项", "per item"),
    /** 每家企业每年最高: this enterprise's awards under the cap's clauses in the award year. */
    ENTERPRISE_YEAR("enterprise_year", "每家企业每年", "per enterprise per year"),
    /** 每家企业累计最高: this enterprise's awards under the cap's clauses in all years. */
    ENTERPRISE_TOTAL("enterprise_total", "每家企业累计", "per enterprise in total");

    private final String code;
    private final String zh;
    private final String en;

    CapScope(String code, String zh, String en) {
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

    /** Whether the cap depends on what was awarded before (the caller's award history). */
    public boolean usesHistory() {
        return this != ITEM;
    }

    public static Optional<CapScope> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
