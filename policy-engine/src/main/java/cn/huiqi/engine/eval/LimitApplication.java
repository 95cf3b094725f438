package cn.huiqi.engine.eval;

import java.util.Objects;

import cn.huiqi.engine.model.CountLimit;

/**
 * One count limit as applied to an award.
 *
 * @param counted the awards the history reported under the limit's clauses in its window
 * @param reached whether the limit was already reached, so this award is refused (its amount becomes zero)
 */
public record LimitApplication(CountLimit limit, int counted, boolean reached) {

    public LimitApplication {
        Objects.requireNonNull(limit, "limit");
        if (counted < 0) {
            throw new IllegalArgumentException("counted is never negative");
        }
    }
}
