package cn.huiqi.engine.model;

import java.util.Objects;

/**
 * The document's rule on combining awards (e.g. "符合同类政策事项，可按最优执行，但不重复执行"), kept as source text.
 * Stacking groups that the engine enforces come later; this records what the document says.
 */
public record Stacking(String source) {

    public Stacking {
        Objects.requireNonNull(source, "source");
    }
}
