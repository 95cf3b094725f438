package cn.huiqi.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * 同类政策事项: clauses that pay for the same kind of matter (one project, asset, transaction or recognition), of which
 * an applicant receives one, chosen by the rule, however many it qualifies for.
 *
 * @param matter what the clauses share, e.g. "同一平台的建设投资"
 * @param source the group's own sentence, when the document states it apart from the document-wide rule
 */
public record StackingGroup(String id, StackingRule rule, List<String> clauseIds, Bilingual matter,
        Optional<String> source) {

    public StackingGroup(String id, StackingRule rule, List<String> clauseIds, Bilingual matter) {
        this(id, rule, clauseIds, matter, Optional.empty());
    }

    public StackingGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(matter, "matter");
        Objects.requireNonNull(source, "source");
        clauseIds = List.copyOf(clauseIds);
        if (clauseIds.size() < 2) {
            throw new IllegalArgumentException("a stacking group holds at least two clauses: " + id);
        }
    }
}
