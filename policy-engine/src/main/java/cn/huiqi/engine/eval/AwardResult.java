package cn.huiqi.engine.eval;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import cn.huiqi.engine.model.Money;

/**
 * The award under a clause for one application: the payable amount, the amount before caps, each step of the
 * computation and each cap applied.
 *
 * @param uncappedAmount the formula's result after rounding, before caps (scale 2)
 * @param amount the payable amount (scale 2)
 */
public record AwardResult(String clauseId, int year, BigDecimal uncappedAmount, BigDecimal amount,
        List<TraceStep> trace, List<CapApplication> capsApplied) {

    public AwardResult {
        Objects.requireNonNull(clauseId, "clauseId");
        uncappedAmount = Money.of(uncappedAmount);
        amount = Money.of(amount);
        trace = List.copyOf(trace);
        capsApplied = List.copyOf(capsApplied);
    }

    /** The caps that reduced the amount. */
    public List<CapApplication> bindingCaps() {
        return capsApplied.stream().filter(CapApplication::binding).collect(Collectors.toUnmodifiableList());
    }

    /** Everything the caps took off. */
    public BigDecimal cut() {
        return uncappedAmount.subtract(amount);
    }
}
