package cn.huiqi.award.ledger;

import java.math.BigDecimal;

import jakarta.persistence.EntityManager;

import cn.huiqi.engine.eval.AwardHistory;
import cn.huiqi.engine.model.Cap;
import cn.huiqi.engine.model.CapScope;
import cn.huiqi.engine.model.CountLimit;
import cn.huiqi.engine.model.Money;

/**
 * What one enterprise's ledger already holds, as the engine asks for it: the amounts in a cap's scope and the number
 * of awards in a count limit's window. Read under the enterprise's account lock, so racing awards see each other.
 */
final class LedgerHistory implements AwardHistory {

    private final EntityManager em;
    private final String uscc;

    LedgerHistory(EntityManager em, String uscc) {
        this.em = em;
        this.uscc = uscc;
    }

    @Override
    public BigDecimal alreadyAwarded(Cap cap, int year) {
        String yearFilter = cap.scope() == CapScope.ENTERPRISE_YEAR ? " and e.year = :year" : "";
        var query = em.createQuery("select coalesce(sum(e.amount), 0) from LedgerEntryEntity e"
                + " where e.uscc = :uscc and e.clauseId in :clauses and e.kind = :kind" + yearFilter, BigDecimal.class)
                .setParameter("uscc", uscc).setParameter("clauses", cap.clauseIds())
                .setParameter("kind", LedgerEntryEntity.PROPOSED);
        if (!yearFilter.isEmpty()) {
            query.setParameter("year", year);
        }
        return Money.of(query.getSingleResult());
    }

    /** Awards with an amount under the limit's clauses in the award years of its window. */
    @Override
    public int awardsCounted(CountLimit limit, int year) {
        Long n = em.createQuery("select count(e) from LedgerEntryEntity e where e.uscc = :uscc"
                + " and e.clauseId in :clauses and e.kind = :kind and e.amount > 0"
                + " and e.year between :from and :to", Long.class).setParameter("uscc", uscc)
                .setParameter("clauses", limit.clauseIds()).setParameter("kind", LedgerEntryEntity.PROPOSED)
                .setParameter("from", limit.firstYear(year)).setParameter("to", year).getSingleResult();
        return Math.toIntExact(n);
    }
}
