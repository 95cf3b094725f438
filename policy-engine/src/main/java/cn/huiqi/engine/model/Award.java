package cn.huiqi.engine.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an eligible applicant gets under a clause: the formula, its rounding and the caps applied after it, what kind
 * of award it is and how far the text decides the amount.
 *
 * @param caps in the order they are applied: item caps first, then per enterprise per year, then cumulative
 * @param kind grant, investment (跟投, 先投后股) or non-monetary measure
 * @param basis computed, a maximum left to review, or not computable
 * @param notComputable why nothing can be computed, for {@link AmountBasis#NOT_COMPUTABLE} (and non-monetary) awards
 * @param limits the document's limits on how often awards under this clause (and others) may be received
 */
public record Award(AwardFormula formula, Rounding rounding, List<Cap> caps, AwardKind kind, AmountBasis basis,
        Optional<NonComputable> notComputable, List<CountLimit> limits) {

    /** The reason, from a closed list, and the words that explain it for this clause. */
    public record NonComputable(NonComputableReason reason, Bilingual explanation) {

        public NonComputable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    public Award {
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(rounding, "rounding");
        caps = caps.stream().sorted(Comparator.comparing(Cap::scope)).collect(Collectors.toUnmodifiableList());
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(notComputable, "notComputable");
        limits = List.copyOf(limits);
        if (kind == AwardKind.NON_MONETARY && basis != AmountBasis.NOT_COMPUTABLE) {
            throw new IllegalArgumentException("a non-monetary measure has no amount to compute");
        }
        boolean computes = basis != AmountBasis.NOT_COMPUTABLE;
        if (computes == (formula instanceof NoAmount)) {
            throw new IllegalArgumentException(computes
                    ? "a computed award needs a formula"
                    : "an award that computes nothing has no formula");
        }
        if (computes == notComputable.isPresent()) {
            throw new IllegalArgumentException(computes
                    ? "a computed award has no reason for not being computable"
                    : "an award that computes nothing says why");
        }
    }

    /** An award without count limits. */
    public Award(AwardFormula formula, Rounding rounding, List<Cap> caps, AwardKind kind, AmountBasis basis,
            Optional<NonComputable> notComputable) {
        this(formula, rounding, caps, kind, basis, notComputable, List.of());
    }

    /** A computed grant. */
    public Award(AwardFormula formula, Rounding rounding, List<Cap> caps) {
        this(formula, rounding, caps, AwardKind.GRANT, AmountBasis.COMPUTED, Optional.empty());
    }

    /** Whether the formula yields an amount (possibly a maximum left to review). */
    public boolean computable() {
        return notComputable.isEmpty();
    }
}
