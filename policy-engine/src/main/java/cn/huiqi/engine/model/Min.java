package cn.huiqi.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The smallest of the parts, e.g. "按实际租金补贴，每月不超过40元/㎡" as min(rent, 40 × area). */
public record Min(String path, List<AwardFormula> parts, Optional<Bilingual> label) implements AwardFormula {

    public Min {
        Objects.requireNonNull(path, "path");
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("Min needs at least one part: " + path);
        }
        Objects.requireNonNull(label, "label");
    }
}
