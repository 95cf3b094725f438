package cn.huiqi.engine.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One factor of a {@link PerUnitPeriod}: a literal or a fact, optionally limited to at most a number or to a number
 * that depends on a level, e.g. "补贴面积…成长期企业不超过500㎡" as area limited by the enterprise's stage.
 *
 * @param source the words of the text that set the limit
 */
public record Quantity(Optional<FactDefinition> fact, Optional<BigDecimal> value, Optional<BigDecimal> atMost,
        Optional<LevelTable> atMostByLevel, Optional<String> source, Optional<Bilingual> label) {

    public Quantity {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(value, "value");
        if (fact.isPresent() == value.isPresent()) {
            throw new IllegalArgumentException("a quantity is a fact or a literal value");
        }
        fact.ifPresent(f -> {
            if (!f.type().isNumeric()) {
                throw new IllegalArgumentException("a quantity is numeric: " + f.name());
            }
        });
        Objects.requireNonNull(atMost, "atMost");
        Objects.requireNonNull(atMostByLevel, "atMostByLevel");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(label, "label");
    }

    public Bilingual effectiveLabel(Bilingual fallback) {
        return label.orElseGet(() -> fact.map(FactDefinition::label).orElse(fallback));
    }
}
