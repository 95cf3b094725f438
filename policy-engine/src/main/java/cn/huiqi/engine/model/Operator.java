package cn.huiqi.engine.model;

import java.util.Arrays;
import java.util.Optional;

/** Comparison operators; which ones a fact type admits is checked at load. */
public enum Operator {
    EQ("eq", "=", "为", "equal to"), NE("ne", "≠", "不为", "not equal to"), GT("gt", ">", "超过", "more than"), GE("ge", "≥",
            "至少", "at least"), LT("lt", "<", "低于", "less than"), LE("le", "≤", "不超过", "at most"),
    /** The fact's value is one of the listed values. */
    IN("in", "∈", "为以下之一：", "one of"),
    /** For facts holding several enum values: the value is among them. */
    CONTAINS("contains", "∋", "包含", "including");

    private final String code;
    private final String symbol;
    private final String zh;
    private final String en;

    Operator(String code, String symbol, String zh, String en) {
        this.code = code;
        this.symbol = symbol;
        this.zh = zh;
        this.en = en;
    }

    public String code() {
        return code;
    }

    public String symbol() {
        return symbol;
    }

    /** The operator in a Chinese requirement, e.g. "需至少1人". */
    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** For gt/ge: the requirement is a lower bound; for lt/le an upper bound. */
    public boolean isLowerBound() {
        return this == GT || this == GE;
    }

    public boolean isUpperBound() { return this == LT || this == LE; }

    public boolean isStrict() { return this == GT || this == LT; }

    public static Optional<Operator> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
