package cn.huiqi.engine.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** An amount per unit of a count or decimal fact, e.g. "每引进一名硕士生给予5000元" (5,000 × masters hired). */
public record PerUnit(String path, BigDecimal amountPerUnit, FactDefinition quantity, Optional<Bilingual> label)
        implements
            AwardFormula {

    public PerUnit {
        Objects.requireNonNull(path, "path");
        amountPerUnit = Money.of(amountPerUnit);
        if (quantity.type() != FactType.COUNT && quantity.type() != FactType.DECIMAL) {
            throw new IllegalArgumentException("the quantity of a per-unit amount is a count or decimal fact: "
                    + quantity.name());
        }
        Objects.requireNonNull(label, "label");
    }
}
