package cn.huiqi.award.ledger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.huiqi.engine.PolicyPack;
import cn.huiqi.engine.eval.AwardResult;
import cn.huiqi.engine.eval.CapApplication;
import cn.huiqi.engine.eval.Evaluator;
import cn.huiqi.engine.eval.TraceStep;
import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Facts;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.AwardProposedV1;
import cn.huiqi.events.payload.EligibilityDeterminedV1;
import cn.huiqi.support.outbox.Outbox;
import cn.huiqi.support.problem.ProblemException;

/**
 * Computes awards with the policy engine against the enterprise's ledger, under a lock on the enterprise so that
 * racing awards see each other's entries before a cap is applied.
 */
@ApplicationScoped
public class AwardService {

    static final String SOURCE = "huiqi/award-service";

    private final PolicyPack pack = PolicyPackLoader.fromClasspath("policies");
    private final Evaluator evaluator = new Evaluator();
    private final EntityManager em;
    private final Outbox outbox;

    public AwardService(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /** Proposes the award for an eligible determination; a repeated determination adds nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void propose(EligibilityDeterminedV1 d) {
        lockAccount(d.uscc());
        if (LedgerEntryEntity.count("applicationId = ?1 and kind = ?2", d.applicationId(),
                LedgerEntryEntity.PROPOSED) > 0) {
            return;
        }
        Clause clause = pack.clause(d.clauseId())
                .orElseThrow(() -> new IllegalStateException("eligible for unknown clause " + d.clauseId()));
        Facts facts = Facts.of(pack.vocabulary(), d.facts());
        AwardResult result = evaluator.computeAward(clause, facts, new LedgerHistory(em, d.uscc()), d.year());

        LedgerEntryEntity e = new LedgerEntryEntity();
        e.id = UUID.randomUUID();
        e.applicationId = d.applicationId();
        e.uscc = d.uscc();
        e.clauseId = d.clauseId();
        e.year = d.year();
        e.kind = LedgerEntryEntity.PROPOSED;
        e.amount = result.amount();
        e.uncappedAmount = result.uncappedAmount();
        e.trace = result.trace().stream().map(TraceStep::zh).toList();
        List<String> binding = new java.util.ArrayList<>(result.bindingCaps().stream().map(AwardService::describe)
                .toList());
        result.reachedLimits().forEach(l -> binding.add(l.limit().id() + "：" + l.limit().describe().zh() + "，已获 "
                + l.counted() + " 项，本项不予支持（" + l.limit().source() + "）"));
        e.capsApplied = binding;
        e.awardKind = result.kind().code();
        e.amountBasis = result.basis().code();
        e.facts = d.facts();
        e.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        e.persist();
        outbox.publish(Topics.AWARD, EventEnvelope.of(EventTypes.AWARD_PROPOSED, SOURCE, d.uscc(),
                new AwardProposedV1(e.applicationId, e.uscc, e.clauseId, e.year, e.amount, e.uncappedAmount, e.trace,
                        e.capsApplied, e.awardKind, e.amountBasis)));
    }

    public AwardView get(UUID applicationId) {
        return LedgerEntryEntity.<LedgerEntryEntity>find("applicationId = ?1 and kind = ?2", applicationId,
                LedgerEntryEntity.PROPOSED).firstResultOptional().map(AwardView::of)
                .orElseThrow(() -> ProblemException.notFound("award for application", applicationId.toString()));
    }

    public List<AwardView> ofEnterprise(String uscc, int offset, int limit) {
        return LedgerEntryEntity.<LedgerEntryEntity>find("uscc = ?1 order by createdAt desc", uscc.trim())
                .range(offset, offset + limit - 1).list().stream().map(AwardView::of).toList();
    }

    /** One row per enterprise, locked for the rest of the transaction. */
    private void lockAccount(String uscc) {
        em.createNativeQuery("INSERT INTO award_account (uscc) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, uscc).executeUpdate();
        em.createNativeQuery("SELECT uscc FROM award_account WHERE uscc = ?1 FOR UPDATE").setParameter(1, uscc)
                .getSingleResult();
    }

    private static String describe(CapApplication c) {
        return c.cap().id() + ": " + c.cap().scope().zh() + "上限 " + c.limit().toPlainString() + "，已获 "
                + c.alreadyAwarded().toPlainString() + "，核减 " + c.cut().toPlainString() + "（" + c.cap().source()
                + "）";
    }
}
