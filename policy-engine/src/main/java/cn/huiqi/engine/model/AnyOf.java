package cn.huiqi.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** At least one of the conditions must hold (或). */
public record AnyOf(String path, List<Condition> conditions, Optional<Bilingual> label) implements Condition {

    public AnyOf {
        Objects.requireNonNull(path, "path");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(label, "label");
    }
}
