package cn.huiqi.engine.eval;

import java.math.BigDecimal;

import cn.huiqi.engine.model.Cap;
import cn.huiqi.engine.model.CountLimit;
import cn.huiqi.engine.model.Money;

/**
 * What one enterprise has already been awarded, as the caller's ledger knows it. The evaluator asks it once per cap
 * whose scope uses history; item caps never ask.
 */
@FunctionalInterface
public interface AwardHistory {

    /**
     * The total already awarded to this enterprise under the cap's clauses ({@link Cap#clauseIds()}): in the given
     * year for {@code ENTERPRISE_YEAR} caps, in all years for {@code ENTERPRISE_TOTAL} caps. Never negative, at most
     * two decimals.
     */
    BigDecimal alreadyAwarded(Cap cap, int year);

    /**
     * How many awards this enterprise received under the limit's clauses ({@link CountLimit#clauseIds()}) in the
     * award years {@code limit.firstYear(year)} to {@code year}. A history that cannot count refuses loudly rather
     * than let a limit pass unchecked.
     */
    default int awardsCounted(CountLimit limit, int year) {
        throw new UnsupportedOperationException(
                "this award history cannot count past awards, which limit " + limit.id() + " needs");
    }

    /** An enterprise with no awards yet. */
    static AwardHistory none() {
        return new AwardHistory() {
            @Override
            public BigDecimal alreadyAwarded(Cap cap, int year) {
                return Money.ZERO;
            }

            @Override
            public int awardsCounted(CountLimit limit, int year) {
                return 0;
            }
        };
    }
}
