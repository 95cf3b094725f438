package cn.huiqi.engine.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Bands (分档) over a numeric fact: the whole base falls in one band, which gives a fixed amount or a rate of the base,
 * e.g. "营业收入1000万元以上的给予20万元". Below the first band there is nothing.
 *
 * @param bands ascending by lower bound; a base falls in the last band whose lower bound it meets
 */
public record Tiered(String path, FactDefinition base, List<Band> bands, Optional<Bilingual> label)
        implements
            AwardFormula {

    /**
     * One band.
     *
     * @param from the lower bound, in the base's unit
     * @param inclusive whether the bound itself belongs to the band (以上、达到: yes; 超过: no)
     * @param amount the band's fixed amount, or
     * @param rate the band's share of the base (exactly one of the two)
     * @param quote the words of the text for this band
     */
    public record Band(BigDecimal from, boolean inclusive, Optional<BigDecimal> amount, Optional<BigDecimal> rate,
            Optional<String> quote) {

        public Band {
            Objects.requireNonNull(from, "from");
            amount = amount.map(Money::of);
            Objects.requireNonNull(rate, "rate");
            if (amount.isPresent() == rate.isPresent()) {
                throw new IllegalArgumentException("a band gives an amount or a rate, not both or neither");
            }
            if (rate.isPresent() && (rate.get().signum() < 0 || rate.get().compareTo(BigDecimal.ONE) > 0)) {
                throw new IllegalArgumentException("a rate is between 0 and 1: " + rate.get().toPlainString());
            }
            Objects.requireNonNull(quote, "quote");
        }

        /** Whether the base meets this band's lower bound. */
        public boolean admits(BigDecimal base) {
            int c = base.compareTo(from);
            return inclusive ? c >= 0 : c > 0;
        }
    }

    public Tiered {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(base, "base");
        if (!base.type().isNumeric()) {
            throw new IllegalArgumentException("bands are over a numeric fact: " + base.name());
        }
        bands = List.copyOf(bands);
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("tiered needs at least one band: " + path);
        }
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).from().compareTo(bands.get(i - 1).from()) <= 0) {
                throw new IllegalArgumentException("bands ascend by their lower bound: " + path);
            }
        }
        if (base.type() != FactType.MONEY && bands.stream().anyMatch(b -> b.rate().isPresent())) {
            throw new IllegalArgumentException("a band rate is a share of a money base: " + path);
        }
        Objects.requireNonNull(label, "label");
    }

    /** The band the base falls in, if any. */
    public Optional<Band> bandFor(BigDecimal value) {
        Band found = null;
        for (Band b : bands) {
            if (b.admits(value)) {
                found = b;
            }
        }
        return Optional.ofNullable(found);
    }
}
