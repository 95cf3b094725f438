package cn.huiqi.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * The document's rule on combining awards (e.g. "符合同类政策事项，可按最优执行，但不重复执行") as its own sentence, and the
 * groups of clauses it makes 同类: within a group an applicant gets at most one award per matter.
 */
public record Stacking(String source, List<StackingGroup> groups) {

    public Stacking {
        Objects.requireNonNull(source, "source");
        groups = List.copyOf(groups);
    }

    /** A rule kept as text only, with no groups. */
    public Stacking(String source) {
        this(source, List.of());
    }
}
