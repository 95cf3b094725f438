package cn.huiqi.engine.model;

import java.util.Optional;

/**
 * How the uncapped award is computed: typed nodes over money literals and facts, evaluated exactly in
 * {@link java.math.BigDecimal} and rounded once at the end (see {@link Rounding}).
 */
public sealed interface AwardFormula permits
        FixedAmount, RateOfBase, PerUnit, Sum, Min, Max, ByLevel, Tiered, PerStep, PerUnitPeriod, ForEachItem,
        NoAmount, ByYear {

    /** Where the node sits in its clause, e.g. {@code award.formula.sum[0]}. */
    String path();

    /** Words for this part of the award in the trace, e.g. 硕士. */
    Optional<Bilingual> label();
}
