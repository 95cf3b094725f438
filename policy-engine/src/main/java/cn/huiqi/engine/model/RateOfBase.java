package cn.huiqi.engine.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** A share of a money fact, e.g. "按项目实际投资的40%" (rate 0.40 of the investment). */
public record RateOfBase(String path, BigDecimal rate, FactDefinition base, Optional<Bilingual> label)
        implements
            AwardFormula {

    public RateOfBase {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rate, "rate");
        if (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a rate is above 0 and at most 1: " + rate.toPlainString());
        }
        if (base.type() != FactType.MONEY) {
            throw new IllegalArgumentException("the base of a rate is a money fact: " + base.name());
        }
        Objects.requireNonNull(label, "label");
    }
}
