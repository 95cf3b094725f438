package cn.huiqi.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Every one of the conditions must hold (且). */
public record AllOf(String path, List<Condition> conditions, Optional<Bilingual> label) implements Condition {

    public AllOf {
        Objects.requireNonNull(path, "path");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(label, "label");
    }
}
