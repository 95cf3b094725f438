package cn.huiqi.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The area a policy applies in, e.g. {@code cn-jl-changchun-new-area} (吉林省长春市长春新区), with the administrative
 * divisions (GB/T 2260 codes, or their leading digits for a whole province or city) it covers.
 *
 * @param divisions divisions wholly inside the area: an enterprise registered in one is in the area
 * @param partial divisions partly inside it (a development zone straddling districts): an enterprise registered
 *        there may be in the area, which review confirms
 * @param note how the area is bounded, when the division codes cannot say it all
 */
public record Region(String code, Bilingual name, List<String> divisions, List<String> partial,
        Optional<Bilingual> note) {

    /** How an enterprise's registered division relates to the area. */
    public enum Match {
        IN, PARTLY, OUT, UNKNOWN
    }

    public Region {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        divisions = List.copyOf(divisions);
        partial = List.copyOf(partial);
        Objects.requireNonNull(note, "note");
    }

    /** An area whose divisions are not known to the pack: nothing can be matched. */
    public Region(String code, Bilingual name) {
        this(code, name, List.of(), List.of(), Optional.empty());
    }

    /** The divisions, as a reason states the requirement: "in 110108; partly 110115、110112". */
    public String divisionsInWords() {
        String in = divisions.isEmpty() ? "" : "in " + String.join("、", divisions);
        String part = partial.isEmpty() ? "" : "partly " + String.join("、", partial);
        return in.isEmpty() || part.isEmpty() ? in + part : in + "; " + part;
    }

    /** Where a registered division code lies; {@link Match#UNKNOWN} when the pack knows no divisions for the area. */
    public Match match(String divisionCode) {
        if (divisions.isEmpty() && partial.isEmpty()) {
            return Match.UNKNOWN;
        }
        String code = divisionCode == null ? "" : divisionCode.trim();
        if (divisions.stream().anyMatch(code::startsWith)) {
            return Match.IN;
        }
        if (partial.stream().anyMatch(code::startsWith)) {
            return Match.PARTLY;
        }
        return Match.OUT;
    }
}
