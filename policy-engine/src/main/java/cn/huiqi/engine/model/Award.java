package cn.huiqi.engine.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What an eligible applicant gets under a clause: the formula, its rounding and the caps applied after it.
 *
 * @param caps in the order they are applied: item caps first, then per enterprise per year, then cumulative
 */
public record Award(AwardFormula formula, Rounding rounding, List<Cap> caps) {

    public Award {
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(rounding, "rounding");
        caps = caps.stream().sorted(Comparator.comparing(Cap::scope)).collect(Collectors.toUnmodifiableList());
    }
}
