package cn.huiqi.engine.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** A fixed sum, e.g. "给予园区运营单位100万元奖励". */
public record FixedAmount(String path, BigDecimal amount, Optional<Bilingual> label) implements AwardFormula {

    public FixedAmount {
        Objects.requireNonNull(path, "path");
        amount = Money.of(amount);
        Objects.requireNonNull(label, "label");
    }
}
