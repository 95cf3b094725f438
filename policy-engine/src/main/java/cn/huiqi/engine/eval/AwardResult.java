package cn.huiqi.engine.eval;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import cn.huiqi.engine.model.AmountBasis;
import cn.huiqi.engine.model.AwardKind;
import cn.huiqi.engine.model.Money;

/**
 * The award under a clause for one application: the payable amount, the amount before caps, each step of the
 * computation and each cap applied.
 *
 * @param uncappedAmount the formula's result after rounding, before caps (scale 2)
 * @param amount the payable amount (scale 2); for {@link AmountBasis#REVIEW_MAXIMUM} the most review can grant
 * @param kind grant, investment or non-monetary measure
 * @param basis whether the amount is computed, a maximum left to review, or not computable (then zero)
 * @param limitsApplied the count limits ("连续3年只能获得一次") checked against the history, in order
 */
public record AwardResult(String clauseId, int year, BigDecimal uncappedAmount, BigDecimal amount,
        List<TraceStep> trace, List<CapApplication> capsApplied, AwardKind kind, AmountBasis basis,
        List<LimitApplication> limitsApplied) {

    /** An award no count limit applies to. */
    public AwardResult(String clauseId, int year, BigDecimal uncappedAmount, BigDecimal amount, List<TraceStep> trace,
            List<CapApplication> capsApplied, AwardKind kind, AmountBasis basis) {
        this(clauseId, year, uncappedAmount, amount, trace, capsApplied, kind, basis, List.of());
    }

    /** A computed grant. */
    public AwardResult(String clauseId, int year, BigDecimal uncappedAmount, BigDecimal amount, List<TraceStep> trace,
            List<CapApplication> capsApplied) {
        this(clauseId, year, uncappedAmount, amount, trace, capsApplied, AwardKind.GRANT, AmountBasis.COMPUTED);
    }

    public AwardResult {
        Objects.requireNonNull(clauseId, "clauseId");
        uncappedAmount = Money.of(uncappedAmount);
        amount = Money.of(amount);
        trace = List.copyOf(trace);
        capsApplied = List.copyOf(capsApplied);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(basis, "basis");
        limitsApplied = List.copyOf(limitsApplied);
    }

    /** Whether review decides the amount (择优、定档评级): {@link #amount()} is then the maximum. */
    public boolean reviewDetermined() {
        return basis == AmountBasis.REVIEW_MAXIMUM;
    }

    /** Whether this is money that must be paid back or becomes equity (跟投、先投后股), not a grant. */
    public boolean investment() {
        return kind == AwardKind.INVESTMENT;
    }

    /** The caps that reduced the amount. */
    public List<CapApplication> bindingCaps() {
        return capsApplied.stream().filter(CapApplication::binding).collect(Collectors.toUnmodifiableList());
    }

    /** The count limits already reached, which refuse this award. */
    public List<LimitApplication> reachedLimits() {
        return limitsApplied.stream().filter(LimitApplication::reached).collect(Collectors.toUnmodifiableList());
    }

    /** Everything the caps and limits took off. */
    public BigDecimal cut() {
        return uncappedAmount.subtract(amount);
    }
}
