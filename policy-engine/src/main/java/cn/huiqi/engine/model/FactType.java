package cn.huiqi.engine.model;

import java.util.Arrays;
import java.util.Optional;

/** The type of a fact in the vocabulary; it decides which literals, operators and formulas a fact may take. */
public enum FactType {
    /** CNY amount, exact to the fen (BigDecimal scale 2). */
    MONEY("money"),
    /** A whole, non-negative number of something (persons, enterprises, products). */
    COUNT("count"),
    /** Any exact decimal number with a unit (area in m², months). */
    DECIMAL("decimal"),
    /** A share between 0 and 1 inclusive (0.6 is 60%). */
    RATIO("ratio"), BOOLEAN("boolean"),
    /** A calendar date (ISO yyyy-MM-dd). */
    DATE("date"),
    /** One of the values listed in the vocabulary (or a set of them when the fact is declared multiple). */
    ENUM("enum"), TEXT("text"),
    /** A list of items (products, contracts, persons), each with the fields the vocabulary declares. */
    ITEMS("items");

    private final String code;

    FactType(String code) {
        this.code = code;
    }

    /** The name used in the YAML files. */
    public String code() {
        return code;
    }

    public boolean isNumeric() { return this == MONEY || this == COUNT || this == DECIMAL || this == RATIO; }

    /** Whether gt/ge/lt/le make sense for this type. */
    public boolean isOrdered() {
        return isNumeric() || this == DATE;
    }

    public static Optional<FactType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
