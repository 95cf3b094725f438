package cn.huiqi.engine.model;

import java.util.List;

/** The left side of a comparison: one fact, or the sum of several numeric facts of one type and unit. */
public sealed interface Operand permits FactOperand, SumOfFacts {

    FactType type();

    /** The facts read, in order. */
    List<FactDefinition> facts();

    /** The fact name, or the names joined with " + ". */
    String expression();

    /** Words for the operand in messages. */
    Bilingual label();

    /** The first fact; its type and unit are the operand's. */
    default FactDefinition first() {
        return facts().get(0);
    }
}
