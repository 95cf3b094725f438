package cn.huiqi.engine.model;

import java.util.Objects;
import java.util.Optional;

/** The condition must not hold (exclusions such as "不含分支机构"). */
public record Not(String path, Condition condition, Optional<Bilingual> label) implements Condition {

    public Not {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(label, "label");
    }
}
