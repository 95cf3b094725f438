package cn.huiqi.engine.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every fact a policy may refer to, and the units they are measured in. */
public final class Vocabulary {

    private final Map<String, FactDefinition> facts;
    private final Map<String, Unit> units;

    public Vocabulary(Collection<FactDefinition> facts, Collection<Unit> units) {
        Map<String, FactDefinition> f = new LinkedHashMap<>();
        for (FactDefinition d : facts) {
            if (f.put(d.name(), d) != null) {
                throw new IllegalArgumentException("fact declared twice: " + d.name());
            }
        }
        Map<String, Unit> u = new LinkedHashMap<>();
        for (Unit unit : units) {
            if (u.put(unit.code(), unit) != null) {
                throw new IllegalArgumentException("unit declared twice: " + unit.code());
            }
        }
        this.facts = Collections.unmodifiableMap(f);
        this.units = Collections.unmodifiableMap(u);
    }

    public Optional<FactDefinition> fact(String name) {
        return Optional.ofNullable(facts.get(name));
    }

    /** The definition of a fact that must exist. */
    public FactDefinition require(String name) {
        FactDefinition d = facts.get(name);
        if (d == null) {
            throw new IllegalArgumentException("unknown fact: " + name);
        }
        return d;
    }

    /** All facts, in declaration order. */
    public Collection<FactDefinition> facts() {
        return facts.values();
    }

    public Optional<Unit> unit(String code) {
        return Optional.ofNullable(units.get(code));
    }

    public Collection<Unit> units() {
        return units.values();
    }

    @Override
    public String toString() {
        return "Vocabulary" + facts.keySet();
    }
}
