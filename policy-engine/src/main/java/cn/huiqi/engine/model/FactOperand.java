package cn.huiqi.engine.model;

import java.util.List;
import java.util.Objects;

/** A comparison's left side that reads one fact. */
public record FactOperand(FactDefinition fact) implements Operand {

    public FactOperand {
        Objects.requireNonNull(fact, "fact");
    }

    @Override
    public FactType type() {
        return fact.type();
    }

    @Override
    public List<FactDefinition> facts() {
        return List.of(fact);
    }

    @Override
    public String expression() {
        return fact.name();
    }

    @Override
    public Bilingual label() {
        return fact.label();
    }
}
