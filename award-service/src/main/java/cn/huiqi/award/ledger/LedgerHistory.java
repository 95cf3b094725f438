package cn.huiqi.award.ledger;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import cn.huiqi.engine.eval.AwardHistory;
import cn.huiqi.engine.model.Cap;
import cn.huiqi.engine.model.CapScope;
import cn.huiqi.engine.model.CountLimit;
import cn.huiqi.engine.model.Money;

/**
 * What one enterprise's ledger holds, as the engine asks for it: the amounts held in a cap's scope (proposed and not
 * released, granted, less reversals and clawbacks) and the number of applications holding an amount in a count
 * limit's window. Read under the enterprise's account lock, so racing awards see each other.
 */
final class LedgerHistory implements AwardHistory {

    private final EntityManager em;
    private final String uscc;
    private final UUID excluded;

    LedgerHistory(EntityManager em, String uscc) {
        this(em, uscc, null);
    }

    /** The history without one application's own entries (recomputing that application's award). */
    LedgerHistory(EntityManager em, String uscc, UUID excluded) {
        this.em = em;
        this.uscc = uscc;
        this.excluded = excluded;
    }

    private String others() {
        return excluded == null ? "" : " and e.applicationId <> :excluded";
    }

    @Override
    public BigDecimal alreadyAwarded(Cap cap, int year) {
        String yearFilter = cap.scope() == CapScope.ENTERPRISE_YEAR ? " and e.year = :year" : "";
        var query = em.createQuery("select coalesce(sum(e.heldDelta), 0) from LedgerEntryEntity e"
                + " where e.uscc = :uscc and e.clauseId in :clauses" + yearFilter + others(), BigDecimal.class)
                .setParameter("uscc", uscc).setParameter("clauses", cap.clauseIds());
        if (excluded != null) {
            query.setParameter("excluded", excluded);
        }
        if (!yearFilter.isEmpty()) {
            query.setParameter("year", year);
        }
        return Money.of(query.getSingleResult().max(BigDecimal.ZERO));
    }

    /** Applications holding an amount under the limit's clauses in the award years of its window. */
    @Override
    public int awardsCounted(CountLimit limit, int year) {
        var query = em.createQuery("select e.applicationId from LedgerEntryEntity e where e.uscc = :uscc"
                + " and e.clauseId in :clauses and e.year between :from and :to" + others()
                + " group by e.applicationId having sum(e.heldDelta) > 0", Object.class).setParameter("uscc", uscc)
                .setParameter("clauses", limit.clauseIds()).setParameter("from", limit.firstYear(year))
                .setParameter("to", year);
        if (excluded != null) {
            query.setParameter("excluded", excluded);
        }
        return query.getResultList().size();
    }
}
