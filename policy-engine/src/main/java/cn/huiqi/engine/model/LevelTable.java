package cn.huiqi.engine.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A number for each value of an enum fact, e.g. "国家、省、市级…分别给予150万元、80万元、30万元" as national → 1,500,000,
 * provincial → 800,000, municipal → 300,000.
 *
 * @param values by enum value, in the order written; values not listed have no number
 */
public record LevelTable(FactDefinition level, Map<String, BigDecimal> values) {

    public LevelTable {
        Objects.requireNonNull(level, "level");
        if (level.type() != FactType.ENUM || level.multiple()) {
            throw new IllegalArgumentException("a level is a single-valued enum fact: " + level.name());
        }
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a level table lists at least one level: " + level.name());
        }
        for (String k : values.keySet()) {
            if (!level.allows(k)) {
                throw new IllegalArgumentException(level.name() + " has no value " + k);
            }
        }
    }

    public Optional<BigDecimal> get(String value) {
        return Optional.ofNullable(values.get(value));
    }

    /** The largest number of the table. */
    public BigDecimal highest() {
        return values.values().stream().max(BigDecimal::compareTo).orElseThrow();
    }
}
