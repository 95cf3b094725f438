package cn.huiqi.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The sum of the parts, e.g. masters + PhDs + postdocs. */
public record Sum(String path, List<AwardFormula> parts, Optional<Bilingual> label) implements AwardFormula {

    public Sum {
        Objects.requireNonNull(path, "path");
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("Sum needs at least one part: " + path);
        }
        Objects.requireNonNull(label, "label");
    }
}
