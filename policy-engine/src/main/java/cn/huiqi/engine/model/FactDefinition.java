package cn.huiqi.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One fact of the vocabulary: its dotted name ({@code enterprise.*} for profile facts, {@code claim.*} for what an
 * application claims), type, unit and, for enums, the allowed values with their labels.
 *
 * @param values for enums: the allowed values in declaration order, each with its label; empty otherwise
 * @param multiple for enums only: the fact holds a set of the allowed values (e.g. industry tags)
 * @param itemFields for items facts only: the fields of each item, named {@code item.*}
 * @param period for figures: the period they cover (a year, a quarter, a month), when the vocabulary says
 */
public record FactDefinition(String name, FactType type, Optional<Unit> unit, Map<String, Bilingual> values,
        boolean multiple, Bilingual label, Bilingual description, Optional<Vocabulary> itemFields,
        Optional<FactPeriod> period) {

    /** A fact with no stated period. */
    public FactDefinition(String name, FactType type, Optional<Unit> unit, Map<String, Bilingual> values,
            boolean multiple, Bilingual label, Bilingual description, Optional<Vocabulary> itemFields) {
        this(name, type, unit, values, multiple, label, description, itemFields, Optional.empty());
    }

    /** A fact that is not a list of items. */
    public FactDefinition(String name, FactType type, Optional<Unit> unit, Map<String, Bilingual> values,
            boolean multiple, Bilingual label, Bilingual description) {
        this(name, type, unit, values, multiple, label, description, Optional.empty(), Optional.empty());
    }

    public FactDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        if (multiple && type != FactType.ENUM) {
            throw new IllegalArgumentException("only enum facts can hold several values: " + name);
        }
        if ((type == FactType.ENUM) == values.isEmpty()) {
            throw new IllegalArgumentException("enum facts, and only they, list allowed values: " + name);
        }
        Objects.requireNonNull(itemFields, "itemFields");
        if ((type == FactType.ITEMS) != itemFields.isPresent()) {
            throw new IllegalArgumentException("items facts, and only they, declare item fields: " + name);
        }
        Objects.requireNonNull(period, "period");
        if (period.isPresent() && type != FactType.MONEY && type != FactType.COUNT && type != FactType.DECIMAL) {
            throw new IllegalArgumentException("only figures (money, count, decimal) cover a period: " + name);
        }
    }

    /** The allowed enum values, in declaration order. */
    public List<String> allowedValues() {
        return List.copyOf(values.keySet());
    }

    public boolean allows(String value) {
        return values.containsKey(value);
    }

    public String unitZh() {
        return unit.map(Unit::zh).orElse("");
    }

    public String unitEn() {
        return unit.map(Unit::en).orElse("");
    }
}
