package cn.huiqi.engine.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A price per unit per period times units times periods, each factor limited as the text says, e.g. "首年按照每月不超过
 * 40元/㎡的标准给予100%租金补贴…成长期企业补贴面积原则上不超过500㎡": min(rent per m² per month, 40) × min(area, 500)
 * × min(months, 12). With a {@code rate}, that product is the base of a share: "给予50%的租房补贴，补贴面积不超过500平方米
 * （按照实际面积与补贴标准孰低的原则）" is 50% × min(price, limit) × min(area, 500) × periods.
 *
 * @param rate the share of the product paid (0.5 for 50%), when the text pays a share of it
 */
public record PerUnitPeriod(String path, Quantity price, Quantity quantity, Quantity periods,
        Optional<BigDecimal> rate, Optional<Bilingual> label) implements AwardFormula {

    /** The whole product, no share. */
    public PerUnitPeriod(String path, Quantity price, Quantity quantity, Quantity periods,
            Optional<Bilingual> label) {
        this(path, price, quantity, periods, Optional.empty(), label);
    }

    public PerUnitPeriod {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(periods, "periods");
        if (price.fact().isPresent() && price.fact().get().type() != FactType.MONEY) {
            throw new IllegalArgumentException("a price is a money fact: " + price.fact().get().name());
        }
        price.value().ifPresent(Money::of);
        Objects.requireNonNull(rate, "rate");
        rate.ifPresent(r -> {
            if (r.signum() <= 0 || r.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("a rate is above 0 and at most 1: " + r.toPlainString());
            }
        });
        Objects.requireNonNull(label, "label");
    }
}
