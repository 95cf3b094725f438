package cn.huiqi.engine.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A multi-year schedule: the formula for the year of support the claim is in, e.g. "第一年补贴50%，第二年补贴50%，第三年
 * 补贴30%". A year the schedule does not list gets nothing.
 *
 * @param year a count fact: 1 for the first year of support
 * @param years the formula per year of support, in order
 * @param source the words of the text that give the schedule, verbatim
 */
public record ByYear(String path, FactDefinition year, Map<Integer, AwardFormula> years, String source,
        Optional<Bilingual> label) implements AwardFormula {

    public ByYear {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(year, "year");
        if (year.type() != FactType.COUNT) {
            throw new IllegalArgumentException("the year of a schedule is a count fact: " + year.name());
        }
        years = Collections.unmodifiableSortedMap(new TreeMap<>(years));
        if (years.isEmpty() || years.keySet().stream().anyMatch(y -> y < 1)) {
            throw new IllegalArgumentException("a schedule lists years 1, 2, …: " + path);
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(label, "label");
    }

    /** The formula for a year of support, if the schedule lists it. */
    public Optional<AwardFormula> forYear(int y) {
        return Optional.ofNullable(years.get(y));
    }

    /** The last year the schedule supports. */
    public int lastYear() {
        return years.keySet().stream().max(Integer::compare).orElseThrow();
    }
}
