package cn.huiqi.engine.eval;

import java.math.BigDecimal;
import java.util.Objects;

import cn.huiqi.engine.model.Cap;

/**
 * One cap as applied to an award.
 *
 * @param alreadyAwarded what the history reported in the cap's scope (zero for item caps)
 * @param remaining the limit less what was already awarded, never below zero
 * @param amountBefore the amount reaching this cap
 * @param amountAfter the amount leaving it
 * @param cut how much this cap took off
 */
public record CapApplication(Cap cap, BigDecimal limit, BigDecimal alreadyAwarded, BigDecimal remaining,
        BigDecimal amountBefore, BigDecimal amountAfter, BigDecimal cut) {

    public CapApplication {
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(alreadyAwarded, "alreadyAwarded");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(amountBefore, "amountBefore");
        Objects.requireNonNull(amountAfter, "amountAfter");
        Objects.requireNonNull(cut, "cut");
    }

    /** Whether this cap reduced the amount. */
    public boolean binding() {
        return cut.signum() > 0;
    }
}
