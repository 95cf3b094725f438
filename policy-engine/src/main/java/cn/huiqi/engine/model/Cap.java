package cn.huiqi.engine.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An upper limit on awards, e.g. "每家企业每年最高奖励50万元".
 *
 * @param id unique in the pack; the caller's award history is asked per cap
 * @param clauseIds the clauses whose awards count against the limit (for ITEM caps: the clause itself)
 * @param source the words of the text that set the limit, verbatim
 */
public record Cap(String id, CapScope scope, BigDecimal limit, List<String> clauseIds, String source) {

    public Cap {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        limit = Money.of(limit);
        if (limit.signum() <= 0) {
            throw new IllegalArgumentException("a cap is positive: " + id);
        }
        clauseIds = List.copyOf(clauseIds);
        if (clauseIds.isEmpty()) {
            throw new IllegalArgumentException("a cap covers at least one clause: " + id);
        }
        Objects.requireNonNull(source, "source");
    }
}
