package cn.huiqi.engine.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An upper limit on awards, e.g. "每家企业每年最高奖励50万元".
 *
 * @param id unique in the pack; the caller's award history is asked per cap
 * @param limit the limit; for a cap by level, the highest of its levels
 * @param clauseIds the clauses whose awards count against the limit (for ITEM caps: the clause itself)
 * @param source the words of the text that set the limit, verbatim
 * @param limitByLevel for a limit that depends on a level (累计奖励金额不超过级别对应奖励额度): the limit per level. With
 *        a cumulative scope this is the upgrade differential (晋级享受差额): what was received at a lower level counts
 *        against the limit of the higher one.
 */
public record Cap(String id, CapScope scope, BigDecimal limit, List<String> clauseIds, String source,
        Optional<LevelTable> limitByLevel) {

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
        Objects.requireNonNull(limitByLevel, "limitByLevel");
        if (limitByLevel.isPresent() && limitByLevel.get().highest().compareTo(limit) != 0) {
            throw new IllegalArgumentException("the limit of a cap by level is its highest level: " + id);
        }
    }

    /** A cap with one limit. */
    public Cap(String id, CapScope scope, BigDecimal limit, List<String> clauseIds, String source) {
        this(id, scope, limit, clauseIds, source, Optional.empty());
    }
}
