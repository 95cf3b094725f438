package cn.huiqi.engine.model;

/**
 * An eligibility condition: a tree of {@link AllOf}, {@link AnyOf}, {@link Not} and {@link SomeItem} over
 * {@link Comparison}s of a fact with a literal. Typed and checked when the pack loads; not an expression language.
 */
public sealed interface Condition permits AllOf, AnyOf, Not, Comparison, SomeItem {

    /** Where the condition sits in its clause, e.g. {@code eligibility.all[1]}; reasons name it. */
    String path();
}
