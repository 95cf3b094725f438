package cn.huiqi.engine.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Immutable, typed fact values by name, checked against a {@link Vocabulary}.
 *
 * <p>
 * Values are held as: {@link BigDecimal} for money (scale 2), count (scale 0), decimal and ratio; {@link Boolean};
 * {@link LocalDate}; {@link String} for enum and text; an unmodifiable {@code Set<String>} for multiple enums; an
 * unmodifiable {@code List<Facts>} (one per item, typed by the item fields) for items.
 */
public final class Facts {

    private final Vocabulary vocabulary;
    private final Map<String, Object> values;

    private Facts(Vocabulary vocabulary, Map<String, Object> values) {
        this.vocabulary = vocabulary;
        this.values = values;
    }

    public static Facts empty(Vocabulary vocabulary) {
        return new Facts(Objects.requireNonNull(vocabulary, "vocabulary"), Map.of());
    }

    /**
     * Converts raw values (as parsed from JSON: numbers as Integer, Long, BigInteger, BigDecimal or decimal String;
     * booleans as Boolean or "true"/"false"; dates as LocalDate or ISO String; multiple enums as a collection) to
     * typed values. A null value means "not provided" and is left out.
     *
     * @throws FactsException listing every unknown fact and every value of the wrong type
     */
    public static Facts of(Vocabulary vocabulary, Map<String, ?> raw) {
        Objects.requireNonNull(vocabulary, "vocabulary");
        Map<String, Object> typed = new TreeMap<>();
        List<FactsException.Problem> problems = new ArrayList<>();
        for (Map.Entry<String, ?> e : raw.entrySet()) {
            String name = e.getKey();
            if (e.getValue() == null) {
                continue;
            }
            Optional<FactDefinition> def = vocabulary.fact(name);
            if (def.isEmpty()) {
                problems.add(new FactsException.Problem(name, "unknown fact (not in the vocabulary)"));
                continue;
            }
            try {
                typed.put(name, convert(def.get(), e.getValue()));
            } catch (IllegalArgumentException ex) {
                problems.add(new FactsException.Problem(name, ex.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new FactsException(problems);
        }
        return new Facts(vocabulary, Collections.unmodifiableMap(typed));
    }

    /** These facts overridden by {@code other}'s values where both have a fact. */
    public Facts merge(Facts other) {
        if (other.vocabulary != vocabulary) {
            throw new IllegalArgumentException("cannot merge facts of different vocabularies");
        }
        if (other.values.isEmpty()) {
            return this;
        }
        Map<String, Object> merged = new TreeMap<>(values);
        merged.putAll(other.values);
        return new Facts(vocabulary, Collections.unmodifiableMap(merged));
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The typed value, or null when not provided. For the engine's hot path; callers prefer {@link #get}. */
    public Object valueOrNull(String name) {
        return values.get(name);
    }

    public Optional<Object> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A money, count, decimal or ratio value. */
    public Optional<BigDecimal> number(String name) {
        return typed(name, BigDecimal.class);
    }

    public Optional<Boolean> bool(String name) {
        return typed(name, Boolean.class);
    }

    public Optional<LocalDate> date(String name) {
        return typed(name, LocalDate.class);
    }

    /** An enum (single) or text value. */
    public Optional<String> text(String name) {
        return typed(name, String.class);
    }

    /** The values of a multiple enum. */
    @SuppressWarnings("unchecked")
    public Optional<Set<String>> set(String name) {
        Object v = values.get(name);
        return v instanceof Set ? Optional.of((Set<String>) v) : Optional.empty();
    }

    /** The items of an items fact, each as facts of the item fields. */
    @SuppressWarnings("unchecked")
    public Optional<List<Facts>> items(String name) {
        Object v = values.get(name);
        return v instanceof List ? Optional.of((List<Facts>) v) : Optional.empty();
    }

    /** Names of the provided facts, sorted. */
    public Set<String> names() {
        return values.keySet();
    }

    /** The typed values by name, sorted by name. */
    public Map<String, Object> asMap() {
        return values;
    }

    private <T> Optional<T> typed(String name, Class<T> type) {
        Object v = values.get(name);
        return type.isInstance(v) ? Optional.of(type.cast(v)) : Optional.empty();
    }

    /**
     * Converts one raw value to the fact's type.
     *
     * @throws IllegalArgumentException with a message saying what was expected
     */
    public static Object convert(FactDefinition def, Object raw) {
        Objects.requireNonNull(raw, "raw");
        switch (def.type()) {
            case MONEY : {
                BigDecimal d = decimal(def, raw);
                if (d.stripTrailingZeros().scale() > Money.SCALE) {
                    throw new IllegalArgumentException(
                            "money has at most 2 decimals (fen), got " + d.toPlainString());
                }
                return d.setScale(Money.SCALE);
            }
            case COUNT : {
                BigDecimal d = decimal(def, raw);
                BigDecimal whole = d.stripTrailingZeros();
                if (whole.scale() > 0) {
                    throw new IllegalArgumentException("a count is a whole number, got " + d.toPlainString());
                }
                if (whole.signum() < 0) {
                    throw new IllegalArgumentException("a count cannot be negative, got " + d.toPlainString());
                }
                return whole.setScale(0);
            }
            case DECIMAL :
                return decimal(def, raw);
            case RATIO : {
                BigDecimal d = decimal(def, raw);
                if (d.signum() < 0 || d.compareTo(BigDecimal.ONE) > 0) {
                    throw new IllegalArgumentException(
                            "a ratio is between 0 and 1 (0.6 means 60%), got " + d.toPlainString());
                }
                return d;
            }
            case BOOLEAN :
                if (raw instanceof Boolean) {
                    return raw;
                }
                if ("true".equals(raw)) {
                    return Boolean.TRUE;
                }
                if ("false".equals(raw)) {
                    return Boolean.FALSE;
                }
                throw new IllegalArgumentException("expected true or false, got " + describe(raw));
            case DATE :
                if (raw instanceof LocalDate) {
                    return raw;
                }
                if (raw instanceof String) {
                    try {
                        return LocalDate.parse((String) raw);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("expected a date as yyyy-MM-dd, got " + describe(raw));
                    }
                }
                throw new IllegalArgumentException("expected a date as yyyy-MM-dd, got " + describe(raw));
            case ENUM :
                if (def.multiple()) {
                    if (!(raw instanceof Collection)) {
                        throw new IllegalArgumentException(
                                "expected a list of " + def.allowedValues() + ", got " + describe(raw));
                    }
                    Set<String> set = new LinkedHashSet<>();
                    for (Object item : (Collection<?>) raw) {
                        set.add(enumValue(def, item));
                    }
                    return Collections.unmodifiableSet(set);
                }
                return enumValue(def, raw);
            case TEXT :
                if (raw instanceof String) {
                    return raw;
                }
                throw new IllegalArgumentException("expected text, got " + describe(raw));
            case ITEMS :
                return items(def, raw);
            default :
                throw new IllegalStateException("unhandled type " + def.type());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Facts> items(FactDefinition def, Object raw) {
        if (!(raw instanceof Collection)) {
            throw new IllegalArgumentException("expected a list of items (mappings of "
                    + def.itemFields().orElseThrow().facts().stream().map(FactDefinition::name).toList() + "), got "
                    + describe(raw));
        }
        List<Facts> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int i = 0;
        for (Object item : (Collection<?>) raw) {
            if (!(item instanceof Map)) {
                problems.add("[" + i + "]: expected a mapping of item fields, got " + describe(item));
            } else {
                // an item's fields are named item.* in the vocabulary; JSON gives them bare
                Map<String, Object> fields = new LinkedHashMap<>();
                ((Map<String, ?>) item).forEach((k, v) -> fields.put(k.startsWith("item.") ? k : "item." + k, v));
                try {
                    out.add(Facts.of(def.itemFields().orElseThrow(), fields));
                } catch (FactsException e) {
                    for (FactsException.Problem p : e.problems()) {
                        problems.add("[" + i + "]." + p.fact() + ": " + p.message());
                    }
                }
            }
            i++;
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return Collections.unmodifiableList(out);
    }

    private static String enumValue(FactDefinition def, Object raw) {
        if (raw instanceof String && def.allows((String) raw)) {
            return (String) raw;
        }
        throw new IllegalArgumentException("expected one of " + def.allowedValues() + ", got " + describe(raw));
    }

    private static BigDecimal decimal(FactDefinition def, Object raw) {
        if (raw instanceof BigDecimal) {
            return (BigDecimal) raw;
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof BigInteger) {
            return new BigDecimal((BigInteger) raw);
        }
        if (raw instanceof Double || raw instanceof Float) {
            throw new IllegalArgumentException("binary floating point (" + raw
                    + ") cannot carry a " + def.type().code()
                    + " exactly; send a BigDecimal, an integer or a decimal string");
        }
        if (raw instanceof String) {
            String s = ((String) raw).trim();
            if (s.matches("[+-]?\\d+(\\.\\d+)?")) {
                return new BigDecimal(s);
            }
            throw new IllegalArgumentException("expected a " + def.type().code() + " number, got " + describe(raw));
        }
        throw new IllegalArgumentException("expected a " + def.type().code() + " number, got " + describe(raw));
    }

    private static String describe(Object raw) {
        String s = raw instanceof String ? "\"" + raw + "\"" : String.valueOf(raw);
        return s + " (" + raw.getClass().getSimpleName() + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Facts && ((Facts) o).vocabulary == vocabulary && ((Facts) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Facts" + new LinkedHashMap<>(values);
    }
}
