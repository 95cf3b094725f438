package cn.huiqi.engine.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * An amount for each completed step of a numeric fact above a threshold (每满 / 每增加), e.g. "营业收入每增加1000万元奖励
 * 10万元" as 100,000 × ⌊(revenue − above) / 10,000,000⌋. Incomplete steps count for nothing.
 *
 * @param above where counting starts (0, or last year's value for 每增加 over a base fact); a fact or a literal
 */
public record PerStep(String path, FactDefinition base, BigDecimal step, BigDecimal amountPerStep,
        Optional<FactDefinition> aboveFact, BigDecimal above, Optional<BigDecimal> maxSteps, Optional<Bilingual> label)
        implements
            AwardFormula {

    public PerStep {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(base, "base");
        if (!base.type().isNumeric()) {
            throw new IllegalArgumentException("steps are counted over a numeric fact: " + base.name());
        }
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("a step is positive: " + path);
        }
        amountPerStep = Money.of(amountPerStep);
        Objects.requireNonNull(aboveFact, "aboveFact");
        aboveFact.ifPresent(f -> {
            if (f.type() != base.type() || !f.unit().equals(base.unit())) {
                throw new IllegalArgumentException("the starting fact has the base's type and unit: " + f.name());
            }
        });
        Objects.requireNonNull(above, "above");
        Objects.requireNonNull(maxSteps, "maxSteps");
        Objects.requireNonNull(label, "label");
    }

    /** The completed steps from {@code start} to {@code value}; none when the value does not exceed the start. */
    public BigDecimal steps(BigDecimal value, BigDecimal start) {
        BigDecimal over = value.subtract(start);
        if (over.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal n = over.divide(step, 0, RoundingMode.DOWN);
        return maxSteps.isPresent() ? n.min(maxSteps.get()) : n;
    }
}
