package cn.huiqi.award.fund;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import cn.huiqi.engine.PolicyPack;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Money;
import cn.huiqi.support.problem.ProblemException;
import cn.huiqi.support.problem.UniqueViolation;
import cn.huiqi.support.security.Departments;

/**
 * Fund budgets: a department's fund for a year pays a set of clauses up to its total. What is committed, disbursed
 * and remaining is derived from the ledger; the fund's row is locked while a grant is weighed against it.
 */
@ApplicationScoped
public class FundService {

    private final EntityManager em;

    public FundService(EntityManager em) {
        this.em = em;
    }

    /** Creates a fund; each clause must exist, be the department's, and not be paid by another fund that year. */
    @Transactional
    public FundView create(FundRequest r, PolicyPack pack, String createdBy) {
        List<String> clauseIds = new ArrayList<>(new LinkedHashSet<>(r.clauseIds().stream().map(String::trim)
                .toList()));
        List<String> unknown = clauseIds.stream().filter(id -> pack.clause(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new ProblemException(422, "unknown-clause", "Unknown clause",
                    "no clause " + String.join(", ", unknown) + " in the policy pack", Map.of("clauseIds", unknown));
        }
        String department = r.department().trim();
        List<String> others = clauseIds.stream().filter(id -> !Departments.covers(List.of(department),
                pack.clause(id).map(Clause::department).orElseThrow().zh())).toList();
        if (!others.isEmpty()) {
            throw new ProblemException(422, "clause-of-another-department", "Clause of another department",
                    "the fund's department " + department + " is not responsible for " + String.join(", ", others),
                    Map.of("clauseIds", others));
        }
        List<String> funded = em.createNativeQuery("SELECT clause_id FROM fund_clause WHERE year = ?1 AND clause_id"
                + " = ANY(?2)", String.class).setParameter(1, r.year()).setParameter(2, clauseIds.toArray(
                        new String[0]))
                .getResultList();
        if (!funded.isEmpty()) {
            throw alreadyFunded(funded, r.year());
        }
        FundEntity f = new FundEntity();
        f.id = UUID.randomUUID();
        f.name = r.name().trim();
        f.department = department;
        f.year = r.year();
        f.total = Money.of(r.total());
        f.createdBy = createdBy;
        f.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            f.persist();
            for (String clauseId : clauseIds) {
                em.createNativeQuery("INSERT INTO fund_clause (fund_id, clause_id, year) VALUES (?1, ?2, ?3)")
                        .setParameter(1, f.id).setParameter(2, clauseId).setParameter(3, f.year).executeUpdate();
            }
            em.flush();
        } catch (PersistenceException e) {
            throw UniqueViolation.in(e) ? alreadyFunded(clauseIds, r.year()) : e;
        }
        return view(f);
    }

    private static ProblemException alreadyFunded(List<String> clauseIds, int year) {
        return new ProblemException(409, "clause-already-funded", "Clause already funded",
                "another fund already pays " + String.join(", ", clauseIds) + " in " + year,
                Map.of("clauseIds", clauseIds, "year", year));
    }

    public FundView get(UUID id) {
        FundEntity f = FundEntity.findById(id);
        if (f == null) {
            throw ProblemException.notFound("fund", id.toString());
        }
        return view(f);
    }

    public List<FundView> list(Integer year, int offset, int limit) {
        var query = year == null
                ? FundEntity.<FundEntity>find("order by year desc, createdAt, id")
                : FundEntity.<FundEntity>find("year = ?1 order by createdAt, id", year);
        return query.range(offset, offset + limit - 1).list().stream().map(this::view).toList();
    }

    /** The fund paying a clause in a year, locked until the transaction ends. */
    public Optional<FundEntity> lockFundOf(String clauseId, int year) {
        List<FundEntity> funds = em.createNativeQuery("SELECT f.* FROM fund f JOIN fund_clause c ON c.fund_id = f.id"
                + " WHERE c.clause_id = ?1 AND c.year = ?2 FOR UPDATE OF f", FundEntity.class)
                .setParameter(1, clauseId).setParameter(2, year).getResultList();
        return funds.stream().findFirst();
    }

    /** Granted from the fund, less what reversals, clawbacks and releases gave back. */
    public BigDecimal committed(UUID fundId) {
        return Money.of((BigDecimal) em.createNativeQuery("SELECT coalesce(sum(CASE kind WHEN 'GRANTED' THEN amount"
                + " ELSE held_delta END), 0) FROM ledger_entry WHERE fund_id = ?1").setParameter(1, fundId)
                .getSingleResult());
    }

    public FundView view(FundEntity f) {
        List<String> clauseIds = em.createNativeQuery("SELECT clause_id FROM fund_clause WHERE fund_id = ?1 ORDER BY"
                + " clause_id", String.class).setParameter(1, f.id).getResultList();
        BigDecimal committed = committed(f.id);
        BigDecimal disbursed = Money.of((BigDecimal) em.createNativeQuery("SELECT coalesce(sum(amount), 0) FROM"
                + " ledger_entry WHERE fund_id = ?1 AND kind = 'DISBURSED'").setParameter(1, f.id)
                .getSingleResult());
        // an award withdrawn or rejected while it waited holds nothing and no longer waits
        Object[] waiting = (Object[]) em
                .createNativeQuery("SELECT coalesce(sum(h.amount), 0), count(*) FROM budget_hold h"
                        + " WHERE h.fund_id = ?1 AND h.granted_at IS NULL AND (SELECT coalesce(sum(e.held_delta), 0) FROM"
                        + " ledger_entry e WHERE e.application_id = h.application_id) > 0")
                .setParameter(1, f.id)
                .getSingleResult();
        List<Object[]> rows = em.createNativeQuery("SELECT previous_total, new_total, reason, adjusted_by, adjusted_at"
                + " FROM fund_adjustment WHERE fund_id = ?1 ORDER BY seq", Object[].class).setParameter(1, f.id)
                .getResultList();
        List<FundView.Adjustment> adjustments = rows.stream().map(r -> new FundView.Adjustment(
                Money.of((BigDecimal) r[0]), Money.of((BigDecimal) r[1]), (String) r[2], (String) r[3],
                adjustedAt(r[4]))).toList();
        return new FundView(f.id, f.name, f.department, f.year, clauseIds, f.total, committed, disbursed,
                f.total.subtract(committed), Money.of((BigDecimal) waiting[0]), ((Number) waiting[1]).intValue(),
                f.createdAt, adjustments);
    }

    private static OffsetDateTime adjustedAt(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    /** The fund by id, locked until the transaction ends. */
    public FundEntity lock(UUID id) {
        FundEntity f = em.find(FundEntity.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (f == null) {
            throw ProblemException.notFound("fund", id.toString());
        }
        return f;
    }

    /**
     * Changes the locked fund's total to {@code newTotal} (never below what is committed: 409), recorded append-only
     * with who and why. Returns the previous total.
     */
    public BigDecimal adjust(FundEntity f, FundAdjustmentRequest r, String actor) {
        if ((r.newTotal() == null) == (r.delta() == null)) {
            throw new ProblemException(422, "invalid-adjustment", "Invalid adjustment",
                    "give either newTotal or delta, not both and not neither", Map.of());
        }
        BigDecimal newTotal = Money.of(r.newTotal() != null ? r.newTotal() : f.total.add(r.delta()));
        if (newTotal.signum() <= 0) {
            throw new ProblemException(422, "invalid-adjustment", "Invalid adjustment",
                    "a fund's total must stay above 0.00; " + Money.format(newTotal) + " asked", Map.of(
                            "newTotal", newTotal.toPlainString()));
        }
        BigDecimal committed = committed(f.id);
        if (newTotal.compareTo(committed) < 0) {
            throw new ProblemException(409, "below-committed", "Below what is committed",
                    "the fund " + f.name + " has " + Money.format(committed) + " committed; its total cannot be"
                            + " lowered to " + Money.format(newTotal) + "; nothing was changed",
                    Map.of("committed", committed.toPlainString(), "newTotal", newTotal.toPlainString()));
        }
        BigDecimal previous = f.total;
        em.createNativeQuery("INSERT INTO fund_adjustment (id, fund_id, previous_total, new_total, reason, adjusted_by,"
                + " adjusted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)").setParameter(1, UUID.randomUUID())
                .setParameter(2, f.id).setParameter(3, previous).setParameter(4, newTotal)
                .setParameter(5, r.reason().trim()).setParameter(6, actor)
                .setParameter(7, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
        f.total = newTotal;
        em.flush();
        return previous;
    }
}
