package cn.huiqi.engine.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A comparison's left side that adds numeric facts of one type and unit, e.g. masters + PhDs + postdocs hired for
 * "at least one qualifying hire".
 */
public record SumOfFacts(List<FactDefinition> facts) implements Operand {

    public SumOfFacts {
        facts = List.copyOf(facts);
        if (facts.size() < 2) {
            throw new IllegalArgumentException("a sum needs at least two facts");
        }
        FactDefinition head = facts.get(0);
        for (FactDefinition f : facts) {
            if (!f.type().isNumeric() || f.type() != head.type() || !f.unit().equals(head.unit())) {
                throw new IllegalArgumentException("a sum adds numeric facts of one type and unit: " + facts);
            }
        }
    }

    @Override
    public FactType type() {
        return facts.get(0).type();
    }

    @Override
    public String expression() {
        return facts.stream().map(FactDefinition::name).collect(Collectors.joining(" + "));
    }

    @Override
    public Bilingual label() {
        return new Bilingual(facts.stream().map(f -> f.label().zh()).collect(Collectors.joining("+")),
                facts.stream().map(f -> f.label().en()).collect(Collectors.joining(" + ")));
    }
}
