package cn.huiqi.engine.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A price per unit per period times units times periods, each factor limited as the text says, e.g. "首年按照每月不超过
 * 40元/㎡的标准给予100%租金补贴…成长期企业补贴面积原则上不超过500㎡": min(rent per m² per month, 40) × min(area, 500)
 * × min(months, 12).
 */
public record PerUnitPeriod(String path, Quantity price, Quantity quantity, Quantity periods,
        Optional<Bilingual> label) implements AwardFormula {

    public PerUnitPeriod {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(periods, "periods");
        if (price.fact().isPresent() && price.fact().get().type() != FactType.MONEY) {
            throw new IllegalArgumentException("a price is a money fact: " + price.fact().get().name());
        }
        price.value().ifPresent(Money::of);
        Objects.requireNonNull(label, "label");
    }
}
