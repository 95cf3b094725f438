package cn.huiqi.engine.eval;

import java.util.List;

/** An award was asked for without the facts its formula needs; {@code checkEligibility} reports them first. */
public final class MissingFactException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> facts;

    public MissingFactException(String clauseId, List<String> facts) {
        super("clause " + clauseId + " needs facts that were not provided: " + facts);
        this.facts = List.copyOf(facts);
    }

    public List<String> facts() {
        return facts;
    }
}
