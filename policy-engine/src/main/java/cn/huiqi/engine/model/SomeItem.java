package cn.huiqi.engine.model;

import java.util.Objects;
import java.util.Optional;

/** At least one item of an items fact meets the condition, e.g. "at least one product in the listed catalogues". */
public record SomeItem(String path, FactDefinition items, Condition where, Optional<Bilingual> label)
        implements
            Condition {

    public SomeItem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(items, "items");
        if (items.type() != FactType.ITEMS) {
            throw new IllegalArgumentException("some_item reads an items fact: " + items.name());
        }
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(label, "label");
    }
}
