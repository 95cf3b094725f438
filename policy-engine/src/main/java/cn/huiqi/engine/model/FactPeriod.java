package cn.huiqi.engine.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The period a figure covers, so a front end asks for the right one: a year's revenue, a quarter's (一季度营业收入), a
 * month's.
 */
public enum FactPeriod {
    YEAR("year", "年度", "of a year"), QUARTER("quarter", "季度", "of a quarter"), MONTH("month", "月度", "of a month");

    private final String code;
    private final String zh;
    private final String en;

    FactPeriod(String code, String zh, String en) {
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

    public static Optional<FactPeriod> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
