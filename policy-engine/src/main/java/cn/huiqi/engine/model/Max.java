package cn.huiqi.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The largest of the parts, e.g. "就高不就低" across funding levels. */
public record Max(String path, List<AwardFormula> parts, Optional<Bilingual> label) implements AwardFormula {

    public Max {
        Objects.requireNonNull(path, "path");
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("Max needs at least one part: " + path);
        }
        Objects.requireNonNull(label, "label");
    }
}
