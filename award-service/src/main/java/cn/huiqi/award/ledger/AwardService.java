package cn.huiqi.award.ledger;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.huiqi.award.fund.BudgetHoldEntity;
import cn.huiqi.award.fund.FundAdjustmentRequest;
import cn.huiqi.award.fund.FundEntity;
import cn.huiqi.award.fund.FundService;
import cn.huiqi.award.fund.FundView;
import cn.huiqi.engine.PolicyPack;
import cn.huiqi.engine.eval.AwardResult;
import cn.huiqi.engine.eval.CapApplication;
import cn.huiqi.engine.eval.Evaluator;
import cn.huiqi.engine.eval.StackingResolver;
import cn.huiqi.engine.eval.TraceStep;
import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Facts;
import cn.huiqi.engine.model.Money;
import cn.huiqi.engine.model.StackingGroup;
import cn.huiqi.engine.model.StackingRule;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.ApplicationStateChangedV1;
import cn.huiqi.events.payload.AwardAwaitingBudgetV1;
import cn.huiqi.events.payload.AwardCorrectedV1;
import cn.huiqi.events.payload.AwardGrantedV1;
import cn.huiqi.events.payload.AwardProposedV1;
import cn.huiqi.events.payload.AwardReleasedV1;
import cn.huiqi.events.payload.EligibilityDeterminedV1;
import cn.huiqi.support.outbox.Outbox;
import cn.huiqi.support.problem.ProblemException;

/**
 * The award ledger: computes awards with the policy engine against what the enterprise already holds, applies the
 * stacking groups, and follows each award through grant, disbursement, clawback and release. Every write happens under
 * a lock on the enterprise's account row, so racing awards see each other's entries before a cap or group is applied.
 */
@ApplicationScoped
public class AwardService {

    static final String SOURCE = "huiqi/award-service";

    private final PolicyPack pack = PolicyPackLoader.fromClasspath("policies");
    private final String packVersion = PackVersion.ofClasspath("policies");
    private final StackingResolver stacking = new StackingResolver(pack);
    private final Evaluator evaluator = new Evaluator();
    private final EntityManager em;
    private final Outbox outbox;
    private final FundService funds;
    private final TxRetry tx;

    public AwardService(EntityManager em, Outbox outbox, FundService funds, TxRetry tx) {
        this.tx = tx;
        this.em = em;
        this.outbox = outbox;
        this.funds = funds;
    }

    public PolicyPack pack() {
        return pack;
    }

    /** sha256 of the pack's files: the version every decision record names. */
    public String packVersion() {
        return packVersion;
    }

    /**
     * Takes a determination: an eligible one is proposed. A determination of a later revision (the application was
     * resubmitted with more material) first releases the proposal of the earlier one, then proposes again from the new
     * facts if eligible. The same or a lower revision than the proposal the ledger holds adds nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void determine(EligibilityDeterminedV1 d, UUID causedBy) {
        lockAccount(d.uscc());
        if (em.find(ClosedApplicationEntity.class, d.applicationId()) != null) {
            return;
        }
        Optional<LedgerEntryEntity> previous = entry(d.applicationId(), LedgerEntryEntity.PROPOSED);
        if (previous.isPresent()) {
            LedgerEntryEntity p = previous.get();
            if (d.revision() <= p.revision) {
                return;
            }
            if (entry(d.applicationId(), LedgerEntryEntity.RELEASED).isEmpty()) {
                BigDecimal held = held(d.applicationId());
                LedgerEntryEntity released = newEntry(d.applicationId(), p.uscc, p.clauseId, p.year, p.revision,
                        LedgerEntryEntity.RELEASED, held, held.negate(), causedBy, "补充材料后重新核算：按第 "
                                + d.revision() + " 次补充后的认定" + (d.eligible() ? "重新拟定" : "（不符合条件）")
                                + "，原拟奖励 " + Money.format(held) + " 释放");
                released.fundId = fundOf(d.applicationId());
                released.stackingGroup = p.stackingGroup;
                released.persist();
                publishReleased(released);
            }
        }
        if (d.eligible()) {
            propose(d, causedBy);
        }
    }

    private void propose(EligibilityDeterminedV1 d, UUID causedBy) {
        Clause clause = pack.clause(d.clauseId())
                .orElseThrow(() -> new IllegalStateException("eligible for unknown clause " + d.clauseId()));
        Facts facts = Facts.of(pack.vocabulary(), d.facts());
        RecordedHistory history = RecordedHistory.recording(new LedgerHistory(em, d.uscc()));
        AwardResult result = evaluator.computeAward(clause, facts, history, d.year());

        List<String> binding = bounds(result);
        BigDecimal held = result.amount();
        String reason = null;
        Optional<StackingGroup> group = stacking.group(d.clauseId());
        if (group.isPresent() && held.signum() > 0) {
            reason = applyGroup(group.get(), clause, d.uscc(), d.year(), d.applicationId(), held);
            if (reason != null) {
                held = Money.ZERO;
                binding.add(reason);
            }
        }
        if (reason == null && held.signum() == 0 && result.amount().compareTo(result.uncappedAmount()) < 0) {
            reason = "已无剩余额度：" + String.join("；", binding);
        }

        LedgerEntryEntity e = newEntry(d.applicationId(), d.uscc(), d.clauseId(), d.year(), d.revision(),
                LedgerEntryEntity.PROPOSED, held, held, causedBy, reason);
        e.uncappedAmount = result.uncappedAmount();
        e.computedAmount = result.amount();
        e.trace = result.trace().stream().map(TraceStep::zh).toList();
        e.capsApplied = binding;
        e.awardKind = result.kind().code();
        e.amountBasis = result.basis().code();
        e.facts = d.facts();
        e.packVersion = packVersion;
        e.clauseHash = PackVersion.ofClause(clause);
        e.history = history.record();
        e.stackingGroup = group.map(StackingGroup::id).orElse(null);
        e.persist();
        outbox.publish(Topics.AWARD, EventEnvelope.of(EventTypes.AWARD_PROPOSED, SOURCE, d.uscc(),
                new AwardProposedV1(e.applicationId, e.uscc, e.clauseId, e.year, e.amount, e.uncappedAmount, e.trace,
                        e.capsApplied, e.awardKind, e.amountBasis)));
    }

    /**
     * 从优不重复 / 企业自主选择 against the ledger: the enterprise holds awards under one clause of a group per year. A
     * larger award replaces the held ones of the group's other clauses (they are released) unless one of them was
     * disbursed; a smaller or equal one is set aside. Returns why the new award is set aside, or null when it is held.
     */
    private String applyGroup(StackingGroup group, Clause clause, String uscc, int year, UUID applicationId,
            BigDecimal amount) {
        List<Object[]> competing = competing(group, clause, uscc, year);
        if (competing.isEmpty()) {
            return null;
        }
        BigDecimal total = competing.stream().map(r -> (BigDecimal) r[2]).reduce(BigDecimal.ZERO, BigDecimal::add);
        String matter = "同类政策事项（" + group.matter().zh() + "）" + group.rule().zh() + "（" + group.id() + "）";
        String kept = String.join("、", competing.stream().map(r -> r[1] + " " + Money.format((BigDecimal) r[2])
                + "（申请 " + r[0] + "）").toList());
        if (group.rule() == StackingRule.CHOOSE) {
            return chosen(group, competing, amount);
        }
        for (Object[] r : competing) {
            if (entry((UUID) r[0], LedgerEntryEntity.DISBURSED).isPresent()) {
                return matter + "：已按 " + kept + " 拨付，本项 " + Money.format(amount) + " 不再另行享受，也不改按本项执行";
            }
        }
        if (amount.compareTo(total) <= 0) {
            return matter + "：已按 " + kept + " 计，本项 " + Money.format(amount) + " 不予重复享受";
        }
        for (Object[] r : competing) {
            UUID other = (UUID) r[0];
            LedgerEntryEntity proposal = entry(other, LedgerEntryEntity.PROPOSED).orElseThrow();
            BigDecimal otherHeld = (BigDecimal) r[2];
            LedgerEntryEntity released = newEntry(other, uscc, proposal.clauseId, year, proposal.revision,
                    LedgerEntryEntity.RELEASED,
                    otherHeld, otherHeld.negate(), applicationId, matter + "：改按更优的 " + clause.id() + " "
                            + Money.format(amount) + "（申请 " + applicationId + "）执行，本项 " + Money.format(otherHeld)
                            + " 释放");
            released.fundId = fundOf(other);
            released.stackingGroup = proposal.stackingGroup;
            released.persist();
            publishReleased(released);
        }
        return null;
    }

    /**
     * 企业自主选择: the enterprise's application is its choice ("同一年度只能选择一项进行申报"). While an earlier
     * application of the group holds money, a later one is set aside whatever its amount; the enterprise changes its
     * choice by withdrawing the first (then a new determination or a correction proposes the other).
     */
    private static String chosen(StackingGroup group, List<Object[]> competing, BigDecimal amount) {
        String kept = String.join("、", competing.stream().map(r -> r[1] + "（申请 " + r[0] + "，"
                + Money.format((BigDecimal) r[2]) + "）").toList());
        return "同类政策事项（" + group.matter().zh() + "）企业自主选择（" + group.id() + "）：企业已选择 " + kept
                + "，同一年度只能选择一项进行申报，本项 " + Money.format(amount) + " 不予支持；如需改选，请先撤回已选择的申请";
    }

    /**
     * The awards of the group the enterprise holds in the year that compete with a new award under the clause: each
     * as (application id, clause id, held). Awards under the same clause do not compete when the clause bounds an
     * enterprise's yearly or cumulative sum itself (several projects a year, docs/award-ledger.md).
     */
    private List<Object[]> competing(StackingGroup group, Clause clause, String uscc, int year) {
        boolean separateItems = clause.award().caps().stream().anyMatch(c -> c.scope().usesHistory());
        List<Object[]> rows = em.createQuery("select e.applicationId, e.clauseId, sum(e.heldDelta)"
                + " from LedgerEntryEntity e where e.uscc = :uscc and e.stackingGroup = :group and e.year = :year"
                + " group by e.applicationId, e.clauseId having sum(e.heldDelta) > 0", Object[].class)
                .setParameter("uscc", uscc).setParameter("group", group.id()).setParameter("year", year)
                .getResultList();
        return rows.stream().filter(r -> !(separateItems && clause.id().equals(r[1]))).toList();
    }

    /**
     * Recomputes an award from corrected facts and writes the difference, never overwriting: a TOP_UP, or a REVERSAL
     * (a CLAWED_BACK once disbursed), each a decision record with the reason. The difference is the change of the
     * engine's amount, applied to what the application holds, so a grant review reduced stays reduced; the caps are
     * applied against the enterprise's other awards. No difference, no entry.
     */
    @Transactional
    public AwardView correct(UUID applicationId, CorrectionRequest r, UUID correctionId) {
        LedgerEntryEntity proposal = entry(applicationId, LedgerEntryEntity.PROPOSED)
                .orElseThrow(() -> ProblemException.notFound("award for application", applicationId.toString()));
        lockAccount(proposal.uscc);
        BigDecimal held = held(applicationId);
        Optional<StackingGroup> choice = stacking.group(proposal.clauseId)
                .filter(g -> g.rule() == StackingRule.CHOOSE);
        // an application set aside because the enterprise had chosen another of its 企业自主选择 group
        boolean setAsideByChoice = held.signum() == 0 && choice.isPresent() && proposal.amount.signum() == 0
                && proposal.computedAmount.signum() > 0 && entry(applicationId, LedgerEntryEntity.RELEASED).isEmpty()
                && entry(applicationId, LedgerEntryEntity.GRANTED).isEmpty();
        if (held.signum() == 0 && !setAsideByChoice) {
            throw new ProblemException(409, "award-not-held", "Award holds nothing",
                    "the award of application " + applicationId + " holds nothing (released, set aside or refused): "
                            + "there is nothing to correct",
                    java.util.Map.of("applicationId", applicationId.toString()));
        }
        Clause clause = pack.clause(proposal.clauseId).orElseThrow();
        java.util.Map<String, Object> merged = new java.util.LinkedHashMap<>(proposal.facts);
        List<LedgerEntryEntity> corrections = LedgerEntryEntity.list("applicationId = ?1 and kind in ?2 and facts"
                + " is not null and seq > ?3 order by seq", applicationId,
                List.of(LedgerEntryEntity.TOP_UP,
                        LedgerEntryEntity.REVERSAL, LedgerEntryEntity.CLAWED_BACK),
                proposal.seq);
        LedgerEntryEntity last = corrections.isEmpty() ? proposal : corrections.get(corrections.size() - 1);
        merged.putAll(last.facts);
        merged.putAll(r.facts());
        Facts facts = facts(merged);
        RecordedHistory history = RecordedHistory.recording(new LedgerHistory(em, proposal.uscc, applicationId));
        AwardResult result = evaluator.computeAward(clause, facts, history, proposal.year);
        BigDecimal diff = result.amount().subtract(last.computedAmount);
        BigDecimal newHeld = held.add(diff).max(Money.ZERO);
        String reason = r.reason().trim();
        if (setAsideByChoice) {
            String stillChosen = result.amount().signum() == 0
                    ? null
                    : applyGroup(choice.get(), clause, proposal.uscc, proposal.year, applicationId, result.amount());
            if (stillChosen != null) {
                throw new ProblemException(409, "other-choice-held", "Another award of the group is chosen",
                        stillChosen, java.util.Map.of("applicationId", applicationId.toString(), "stackingGroup",
                                choice.get().id()));
            }
            // the earlier choice was released: the award is proposed now, in full
            newHeld = result.amount();
            reason = reason + "（" + choice.get().id() + " 原选择已释放，改按本项申报）";
        }
        diff = newHeld.subtract(held);
        if (diff.signum() != 0) {
            UUID fundId = fundOf(applicationId);
            String kind = diff.signum() > 0
                    ? LedgerEntryEntity.TOP_UP
                    : entry(applicationId, LedgerEntryEntity.DISBURSED).isPresent()
                            ? LedgerEntryEntity.CLAWED_BACK
                            : LedgerEntryEntity.REVERSAL;
            if (kind.equals(LedgerEntryEntity.CLAWED_BACK) && entry(applicationId, kind).isPresent()) {
                kind = LedgerEntryEntity.REVERSAL;
            }
            if (fundId != null && diff.signum() > 0) {
                FundEntity f = funds.lockFundOf(proposal.clauseId, proposal.year).orElseThrow();
                BigDecimal remaining = f.total.subtract(funds.committed(f.id));
                if (diff.compareTo(remaining) > 0) {
                    throw new ProblemException(409, "budget-exceeded", "Fund budget exceeded",
                            "the top-up of " + Money.format(diff) + " exceeds what remains of " + f.name + " ("
                                    + Money.format(remaining) + "); nothing was written",
                            java.util.Map.of("fundId", f.id.toString(), "remaining", remaining.toPlainString()));
                }
            }
            LedgerEntryEntity e = newEntry(applicationId, proposal.uscc, proposal.clauseId, proposal.year,
                    proposal.revision, kind,
                    diff.abs(), diff, correctionId, reason);
            e.uncappedAmount = result.uncappedAmount();
            e.computedAmount = result.amount();
            e.trace = result.trace().stream().map(TraceStep::zh).toList();
            e.capsApplied = bounds(result);
            e.awardKind = result.kind().code();
            e.amountBasis = result.basis().code();
            e.facts = merged;
            e.packVersion = packVersion;
            e.clauseHash = PackVersion.ofClause(clause);
            e.history = history.record();
            e.stackingGroup = proposal.stackingGroup;
            e.fundId = fundId;
            e.persist();
            outbox.publish(Topics.AWARD, EventEnvelope.of(EventTypes.AWARD_CORRECTED, SOURCE, e.uscc,
                    new AwardCorrectedV1(applicationId, e.uscc, e.clauseId, e.year, kind, e.amount, newHeld, reason)));
        }
        return get(applicationId);
    }

    /**
     * Recomputes, each in its own transaction, the open awards (holding money, not released nor clawed back) whose
     * latest decision record was computed from a clause encoding that differs in {@code newPack}, and writes each
     * difference as a TOP_UP, REVERSAL or CLAWED_BACK with the reason "政策包版本变更 old→new". The entries name the
     * new encoding, so running it again (a restart) writes nothing more. Returns the number of entries written.
     */
    public int recomputeForPack(PolicyPack newPack, String newVersion) {
        List<UUID> candidates = em.createNativeQuery("SELECT application_id FROM ledger_entry GROUP BY application_id"
                + " HAVING sum(held_delta) > 0 AND bool_or(pack_version IS NOT NULL AND pack_version <> ?1)",
                UUID.class).setParameter(1, newVersion).getResultList();
        int written = 0;
        for (UUID applicationId : candidates) {
            try {
                if (tx.inNewTransaction(() -> recompute(applicationId, newPack, newVersion))) {
                    written++;
                }
            } catch (RuntimeException e) {
                org.jboss.logging.Logger.getLogger(AwardService.class).warnf(e,
                        "award of application %s not recomputed for pack %s", applicationId, newVersion);
            }
        }
        return written;
    }

    private boolean recompute(UUID applicationId, PolicyPack newPack, String newVersion) {
        LedgerEntryEntity proposal = entry(applicationId, LedgerEntryEntity.PROPOSED).orElse(null);
        if (proposal == null) {
            return false;
        }
        lockAccount(proposal.uscc);
        BigDecimal held = held(applicationId);
        if (held.signum() == 0 || entry(applicationId, LedgerEntryEntity.RELEASED).isPresent()
                || entry(applicationId, LedgerEntryEntity.CLAWED_BACK).isPresent()) {
            return false;
        }
        Optional<Clause> changed = newPack.clause(proposal.clauseId);
        if (changed.isEmpty()) {
            return false; // a clause removed from the pack is left to the officials
        }
        LedgerEntryEntity last = latestDecision(proposal);
        String newHash = PackVersion.ofClause(changed.get());
        if (last.clauseHash != null ? last.clauseHash.equals(newHash) : newVersion.equals(last.packVersion)) {
            return false;
        }
        RecordedHistory history = RecordedHistory.recording(new LedgerHistory(em, proposal.uscc, applicationId));
        AwardResult result = evaluator.computeAward(changed.get(), Facts.of(newPack.vocabulary(), last.facts),
                history, proposal.year);
        BigDecimal newHeld = held.add(result.amount().subtract(last.computedAmount)).max(Money.ZERO);
        BigDecimal diff = newHeld.subtract(held);
        if (diff.signum() == 0) {
            return false;
        }
        UUID fundId = fundOf(applicationId);
        if (fundId != null && diff.signum() > 0) {
            FundEntity f = funds.lockFundOf(proposal.clauseId, proposal.year).orElseThrow();
            if (diff.compareTo(f.total.subtract(funds.committed(f.id))) > 0) {
                throw new IllegalStateException("the top-up of " + Money.format(diff) + " exceeds what remains of "
                        + f.name + ": left for an official's correction");
            }
        }
        String kind = diff.signum() > 0
                ? LedgerEntryEntity.TOP_UP
                : entry(applicationId, LedgerEntryEntity.DISBURSED).isPresent()
                        ? LedgerEntryEntity.CLAWED_BACK
                        : LedgerEntryEntity.REVERSAL;
        String reason = "政策包版本变更 " + shortVersion(last.packVersion) + "→" + shortVersion(newVersion);
        LedgerEntryEntity e = newEntry(applicationId, proposal.uscc, proposal.clauseId, proposal.year,
                proposal.revision, kind, diff.abs(), diff, null, reason);
        e.uncappedAmount = result.uncappedAmount();
        e.computedAmount = result.amount();
        e.trace = result.trace().stream().map(TraceStep::zh).toList();
        e.capsApplied = bounds(result);
        e.awardKind = result.kind().code();
        e.amountBasis = result.basis().code();
        e.facts = last.facts;
        e.packVersion = newVersion;
        e.clauseHash = newHash;
        e.history = history.record();
        e.stackingGroup = proposal.stackingGroup;
        e.fundId = fundId;
        e.persist();
        outbox.publish(Topics.AWARD, EventEnvelope.of(EventTypes.AWARD_CORRECTED, SOURCE, e.uscc,
                new AwardCorrectedV1(applicationId, e.uscc, e.clauseId, e.year, kind, e.amount, newHeld, reason)));
        return true;
    }

    /** The decision record the award stands on: its proposal, or the latest correction since. */
    private LedgerEntryEntity latestDecision(LedgerEntryEntity proposal) {
        List<LedgerEntryEntity> corrections = LedgerEntryEntity.list("applicationId = ?1 and kind in ?2 and facts"
                + " is not null and seq > ?3 order by seq", proposal.applicationId,
                List.of(LedgerEntryEntity.TOP_UP,
                        LedgerEntryEntity.REVERSAL, LedgerEntryEntity.CLAWED_BACK),
                proposal.seq);
        return corrections.isEmpty() ? proposal : corrections.get(corrections.size() - 1);
    }

    /** "sha256:0123456789ab…" → "0123456789ab": enough to tell versions apart in a reason. */
    private static String shortVersion(String version) {
        if (version == null) {
            return "未知";
        }
        String hex = version.startsWith("sha256:") ? version.substring(7) : version;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    /**
     * What the enterprise can still get in a year under each clause, given what its ledger holds (caps, count limits,
     * stacking groups held, and stacking among the clauses asked). Reads only.
     */
    @Transactional
    public EstimateView estimate(String uscc, EstimateRequest r) {
        String code = uscc.trim();
        int year = r.year() != null ? r.year() : java.time.LocalDate.now(ZoneOffset.UTC).getYear();
        List<String> unknown = r.clauseIds().stream().filter(id -> pack.clause(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new ProblemException(422, "unknown-clause", "Unknown clause",
                    "no clause " + String.join(", ", unknown) + " in the policy pack",
                    java.util.Map.of("clauseIds", unknown));
        }
        Facts facts = facts(r.facts());
        LedgerHistory history = new LedgerHistory(em, code);
        List<AwardResult> computed = new ArrayList<>();
        java.util.Map<String, List<String>> missing = new java.util.LinkedHashMap<>();
        for (String id : new java.util.LinkedHashSet<>(r.clauseIds())) {
            try {
                computed.add(evaluator.computeAward(pack.clause(id).orElseThrow(), facts, history, year));
            } catch (cn.huiqi.engine.eval.MissingFactException e) {
                missing.put(id, e.facts());
            }
        }
        StackingResolver.Resolution resolution;
        try {
            resolution = stacking.resolve(computed, r.choices() == null ? java.util.Map.of() : r.choices());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(422, "invalid-choice", "Invalid choice", e.getMessage(),
                    java.util.Map.of("choices", r.choices()));
        }
        List<EstimateView.Item> items = new ArrayList<>();
        BigDecimal total = Money.ZERO;
        for (AwardResult a : computed) {
            BigDecimal amount = a.amount();
            List<String> bound = bounds(a);
            String reason = null;
            Optional<StackingResolver.SetAside> among = resolution.setAside(a.clauseId());
            Optional<StackingGroup> group = stacking.group(a.clauseId());
            if (among.isPresent()) {
                reason = among.get().reason().zh();
                amount = Money.ZERO;
            } else if (group.isPresent() && amount.signum() > 0) {
                List<Object[]> held = competing(group.get(), pack.clause(a.clauseId()).orElseThrow(), code, year);
                BigDecimal sum = held.stream().map(x -> (BigDecimal) x[2]).reduce(Money.ZERO, BigDecimal::add);
                String matter = "同类政策事项（" + group.get().matter().zh() + "）" + group.get().rule().zh() + "：";
                String kept = String.join("、", held.stream().map(x -> x[1] + " " + Money.format((BigDecimal) x[2]))
                        .toList());
                boolean paid = held.stream().anyMatch(x -> entry((UUID) x[0], LedgerEntryEntity.DISBURSED)
                        .isPresent());
                if (!held.isEmpty() && group.get().rule() == StackingRule.CHOOSE) {
                    reason = chosen(group.get(), held, amount);
                    amount = Money.ZERO;
                } else if (!held.isEmpty() && (paid || amount.compareTo(sum) <= 0)) {
                    reason = matter + "已按 " + kept + (paid ? " 拨付" : " 计") + "，本项不予重复享受";
                    amount = Money.ZERO;
                } else if (!held.isEmpty()) {
                    reason = matter + "本项 " + Money.format(amount) + " 更优，将取代已占用的 " + kept + "，净增 "
                            + Money.format(amount.subtract(sum));
                    amount = amount.subtract(sum);
                }
            }
            if (reason == null && amount.signum() == 0 && a.amount().compareTo(a.uncappedAmount()) < 0) {
                reason = "已无剩余额度：" + String.join("；", bound);
            }
            total = total.add(amount);
            items.add(new EstimateView.Item(a.clauseId(), amount, a.uncappedAmount(), a.amount(), a.trace().stream()
                    .map(TraceStep::zh).toList(), bound, reason, List.of(), a.kind().code(), a.basis().code()));
        }
        missing.forEach((id, facts1) -> items.add(new EstimateView.Item(id, Money.ZERO, Money.ZERO, Money.ZERO,
                List.of(), List.of(), "缺少计算金额所需的事实：" + String.join("、", facts1), facts1, null, null)));
        return new EstimateView(code, year, total, items, resolution.choices().stream()
                .map(c -> new EstimateView.Choice(c.group().id(), c.keptClauseId(), c.recommendedClauseId(),
                        c.chosenByApplicant(), c.note().zh()))
                .toList());
    }

    private Facts facts(java.util.Map<String, ?> raw) {
        try {
            return Facts.of(pack.vocabulary(), raw);
        } catch (cn.huiqi.engine.model.FactsException e) {
            List<java.util.Map<String, String>> violations = e.problems().stream()
                    .map(p -> java.util.Map.of("fact", p.fact(), "message", p.message())).toList();
            throw new ProblemException(422, "invalid-facts", "Invalid facts", e.getMessage(),
                    java.util.Map.of("violations", violations));
        }
    }

    /** An application changed state in application-service: grant, disbursement, clawback or release. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onStateChanged(ApplicationStateChangedV1 s, UUID causedBy) {
        switch (s.toState()) {
            case "APPROVED" -> grant(s, causedBy);
            case "DISBURSED" -> record(s, LedgerEntryEntity.DISBURSED, causedBy);
            case "CLAWED_BACK" -> record(s, LedgerEntryEntity.CLAWED_BACK, causedBy);
            case "REJECTED", "WITHDRAWN" -> release(s, causedBy);
            default -> {
                // other transitions do not move money
            }
        }
    }

    private void grant(ApplicationStateChangedV1 s, UUID causedBy) {
        lockAccount(s.uscc());
        LedgerEntryEntity proposal = proposalOf(s);
        if (entry(s.applicationId(), LedgerEntryEntity.GRANTED).isPresent()
                || BudgetHoldEntity.findById(s.applicationId()) != null) {
            return;
        }
        BigDecimal held = held(s.applicationId());
        BigDecimal approved = s.amount() == null ? held : Money.of(s.amount());
        BigDecimal granted = approved.min(held);
        String reason = null;
        String reducedBy = null;
        if (granted.compareTo(approved) < 0) {
            String why = entry(s.applicationId(), LedgerEntryEntity.RELEASED).map(r -> r.reason)
                    .orElse(proposal.reason != null
                            ? proposal.reason
                            : String.join("；", proposal.capsApplied == null ? List.of() : proposal.capsApplied));
            reducedBy = why.isEmpty() ? "本申请占用的额度 " + Money.format(held) : why;
            reason = "批准金额 " + Money.format(approved) + " 超过本申请占用的额度 " + Money.format(held) + "，按 "
                    + Money.format(granted) + " 核定" + (why.isEmpty() ? "" : "（" + why + "）");
        }
        // the fund's row lock (always taken after the account's) serializes grants on one budget
        Optional<FundEntity> fund = funds.lockFundOf(proposal.clauseId, proposal.year);
        if (fund.isPresent() && granted.signum() > 0) {
            FundEntity f = fund.get();
            BigDecimal remaining = f.total.subtract(funds.committed(f.id));
            if (granted.compareTo(remaining) > 0) {
                BudgetHoldEntity hold = new BudgetHoldEntity();
                hold.applicationId = s.applicationId();
                hold.fundId = f.id;
                hold.uscc = s.uscc();
                hold.clauseId = proposal.clauseId;
                hold.year = proposal.year;
                hold.amount = granted;
                hold.reason = "待预算：" + f.name + "（" + f.department + "，" + f.year + "年）总额 " + Money.format(f.total)
                        + "，剩余 " + Money.format(remaining) + "，不足以支付批准金额 " + Money.format(granted) + "，差 "
                        + Money.format(granted.subtract(remaining)) + "；不核减，待追加预算";
                hold.causedBy = causedBy;
                hold.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
                hold.persist();
                outbox.publish(Topics.AWARD, EventEnvelope.of(EventTypes.AWARD_AWAITING_BUDGET, SOURCE, s.uscc(),
                        new AwardAwaitingBudgetV1(s.applicationId(), s.uscc(), proposal.clauseId, proposal.year,
                                granted, f.id, f.name, remaining, granted.subtract(remaining), hold.reason)));
                return;
            }
        }
        LedgerEntryEntity e = newEntry(s.applicationId(), s.uscc(), proposal.clauseId, proposal.year, proposal.revision,
                LedgerEntryEntity.GRANTED, granted, granted.subtract(held), causedBy, reason);
        e.fundId = fund.map(f -> f.id).orElse(null);
        e.stackingGroup = proposal.stackingGroup;
        e.persist();
        outbox.publish(Topics.AWARD, EventEnvelope.of(EventTypes.AWARD_GRANTED, SOURCE, s.uscc(),
                new AwardGrantedV1(s.applicationId(), s.uscc(), proposal.clauseId, proposal.year, granted, approved,
                        reducedBy, e.fundId, fund.map(f -> f.name).orElse(null))));
    }

    /**
     * Raises or lowers a fund (never below what is committed) and grants the awards awaiting its budget in the order
     * they began to wait, as far as the new remaining allows (the first that does not fit stops the queue). The
     * accounts of the waiting awards are locked before the fund, the order grants take them in.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public FundView adjustFund(UUID fundId, FundAdjustmentRequest r, String actor) {
        List<String> waitingAccounts = em.createNativeQuery("SELECT DISTINCT uscc FROM budget_hold WHERE fund_id = ?1"
                + " AND granted_at IS NULL ORDER BY uscc", String.class).setParameter(1, fundId).getResultList();
        waitingAccounts.forEach(this::lockAccount);
        FundEntity f = funds.lock(fundId);
        BigDecimal previous = funds.adjust(f, r, actor);
        BigDecimal remaining = f.total.subtract(funds.committed(f.id));
        List<BudgetHoldEntity> waiting = BudgetHoldEntity.list("fundId = ?1 and grantedAt is null order by seq",
                f.id);
        for (BudgetHoldEntity hold : waiting) {
            lockAccount(hold.uscc);
            BigDecimal held = held(hold.applicationId);
            if (held.signum() == 0) {
                continue; // released while it waited: nothing to grant
            }
            BigDecimal granted = hold.amount.min(held);
            if (granted.compareTo(remaining) > 0) {
                break;
            }
            LedgerEntryEntity proposal = entry(hold.applicationId, LedgerEntryEntity.PROPOSED).orElseThrow();
            LedgerEntryEntity e = newEntry(hold.applicationId, hold.uscc, hold.clauseId, hold.year, proposal.revision,
                    LedgerEntryEntity.GRANTED, granted, granted.subtract(held), hold.causedBy, "追加预算后核定："
                            + f.name + " 总额由 " + Money.format(previous) + " 调整为 " + Money.format(f.total) + "（"
                            + r.reason().trim() + "）");
            e.fundId = f.id;
            e.stackingGroup = proposal.stackingGroup;
            e.persist();
            hold.grantedAt = OffsetDateTime.now(ZoneOffset.UTC);
            remaining = remaining.subtract(granted);
            outbox.publish(Topics.AWARD, EventEnvelope.of(EventTypes.AWARD_GRANTED, SOURCE, hold.uscc,
                    new AwardGrantedV1(hold.applicationId, hold.uscc, hold.clauseId, hold.year, granted, hold.amount,
                            null, f.id, f.name)));
        }
        em.flush();
        return funds.view(f);
    }

    /** The fund a granted award draws on, which every later entry of the application names too. */
    private UUID fundOf(UUID applicationId) {
        return entry(applicationId, LedgerEntryEntity.GRANTED).map(g -> g.fundId).orElse(null);
    }

    private void record(ApplicationStateChangedV1 s, String kind, UUID causedBy) {
        lockAccount(s.uscc());
        LedgerEntryEntity proposal = proposalOf(s);
        if (entry(s.applicationId(), kind).isPresent()) {
            return;
        }
        if (s.amount() == null) {
            throw new IllegalStateException(kind + " of application " + s.applicationId() + " without an amount");
        }
        BigDecimal amount = Money.of(s.amount());
        BigDecimal delta = LedgerEntryEntity.CLAWED_BACK.equals(kind)
                ? amount.min(held(s.applicationId())).negate()
                : Money.ZERO;
        LedgerEntryEntity e = newEntry(s.applicationId(), s.uscc(), proposal.clauseId, proposal.year, proposal.revision,
                kind, amount,
                delta, causedBy, s.reason());
        e.fundId = fundOf(s.applicationId());
        e.stackingGroup = proposal.stackingGroup;
        e.persist();
    }

    private void release(ApplicationStateChangedV1 s, UUID causedBy) {
        lockAccount(s.uscc());
        Optional<LedgerEntryEntity> proposal = entry(s.applicationId(), LedgerEntryEntity.PROPOSED);
        if (proposal.isEmpty()) {
            // withdrawn or rejected before the proposal: none will be made
            if (em.find(ClosedApplicationEntity.class, s.applicationId()) == null) {
                ClosedApplicationEntity closed = new ClosedApplicationEntity();
                closed.applicationId = s.applicationId();
                closed.state = s.toState();
                closed.closedAt = OffsetDateTime.now(ZoneOffset.UTC);
                em.persist(closed);
            }
            return;
        }
        if (entry(s.applicationId(), LedgerEntryEntity.RELEASED).isPresent()) {
            return;
        }
        BigDecimal held = held(s.applicationId());
        String why = ("REJECTED".equals(s.toState()) ? "审核不通过" : "企业撤回申报")
                + (s.reason() == null || s.reason().isBlank() ? "" : "：" + s.reason());
        LedgerEntryEntity e = newEntry(s.applicationId(), s.uscc(), proposal.get().clauseId, proposal.get().year,
                proposal.get().revision,
                LedgerEntryEntity.RELEASED, held, held.negate(), causedBy, why);
        e.fundId = fundOf(s.applicationId());
        e.stackingGroup = proposal.get().stackingGroup;
        e.persist();
        publishReleased(e);
    }

    /** award.released.v1 for a release that gave money back (a set-aside award released holds nothing to tell). */
    private void publishReleased(LedgerEntryEntity r) {
        if (r.amount.signum() > 0) {
            outbox.publish(Topics.AWARD, EventEnvelope.of(EventTypes.AWARD_RELEASED, SOURCE, r.uscc,
                    new AwardReleasedV1(r.applicationId, r.uscc, r.clauseId, r.year, r.amount, r.reason)));
        }
    }

    private LedgerEntryEntity proposalOf(ApplicationStateChangedV1 s) {
        return entry(s.applicationId(), LedgerEntryEntity.PROPOSED).orElseThrow(() -> new IllegalStateException(
                "application " + s.applicationId() + " reached " + s.toState() + " without a proposed award"));
    }

    /** The decision record of an application's award, with every entry written for it since. */
    public AwardView get(UUID applicationId) {
        LedgerEntryEntity proposal = entry(applicationId, LedgerEntryEntity.PROPOSED)
                .orElseThrow(() -> ProblemException.notFound("award for application", applicationId.toString()));
        List<LedgerEntryEntity> entries = LedgerEntryEntity.list("applicationId = ?1 order by seq",
                applicationId);
        BudgetHoldEntity hold = BudgetHoldEntity.findById(applicationId);
        return AwardView.of(proposal, entries, hold == null || hold.grantedAt != null ? null : hold.reason);
    }

    public List<AwardView> ofEnterprise(String uscc, int offset, int limit) {
        // one per application: its latest proposal (a resubmitted application was proposed again)
        return LedgerEntryEntity.<LedgerEntryEntity>find("from LedgerEntryEntity e where e.uscc = ?1 and e.kind = ?2"
                + " and e.revision = (select max(p.revision) from LedgerEntryEntity p where p.applicationId"
                + " = e.applicationId and p.kind = ?2) order by e.seq desc", uscc.trim(), LedgerEntryEntity.PROPOSED)
                .range(offset, offset + limit - 1).list().stream()
                .map(p -> AwardView.of(p, List.of(), null)).toList();
    }

    /**
     * The enterprise's entries (newest first, one page) and its balances over all entries. The entries and the SQL sum
     * of their heldDelta come from one statement, so they see the same snapshot even while entries are being written
     * (two separate reads could disagree and report a ledger that does not balance).
     */
    public LedgerView ledger(String uscc, int offset, int limit) {
        String code = uscc.trim();
        List<Object[]> rows = em.createQuery("select e, (select coalesce(sum(x.heldDelta), 0) from LedgerEntryEntity x"
                + " where x.uscc = :uscc) from LedgerEntryEntity e where e.uscc = :uscc order by e.seq", Object[].class)
                .setParameter("uscc", code).getResultList();
        List<LedgerEntryEntity> all = rows.stream().map(r -> (LedgerEntryEntity) r[0]).toList();
        BigDecimal bySql = rows.isEmpty() ? BigDecimal.ZERO : (BigDecimal) rows.get(0)[1];
        Balances balances = Balances.of(all, Money.of(bySql));
        List<LedgerEntryView> page = IntStream.range(0, all.size())
                .mapToObj(i -> all.get(all.size() - 1 - i)).skip(offset).limit(limit).map(LedgerEntryView::of)
                .toList();
        return new LedgerView(code, balances, page);
    }

    /** What the application holds now against caps, limits and groups. */
    BigDecimal held(UUID applicationId) {
        return Money.of(em.createQuery("select coalesce(sum(e.heldDelta), 0) from LedgerEntryEntity e"
                + " where e.applicationId = :id", BigDecimal.class).setParameter("id", applicationId)
                .getSingleResult());
    }

    /**
     * The application's entry of a kind for its current revision: the latest proposal, or the step taken after it (a
     * resubmitted application starts again from a new proposal).
     */
    private Optional<LedgerEntryEntity> entry(UUID applicationId, String kind) {
        if (LedgerEntryEntity.PROPOSED.equals(kind)) {
            return LedgerEntryEntity.<LedgerEntryEntity>find("applicationId = ?1 and kind = ?2 order by revision desc",
                    applicationId, kind).firstResultOptional();
        }
        return LedgerEntryEntity.<LedgerEntryEntity>find("applicationId = ?1 and kind = ?2 and revision = (select"
                + " coalesce(max(p.revision), 0) from LedgerEntryEntity p where p.applicationId = ?1 and p.kind = ?3)",
                applicationId, kind, LedgerEntryEntity.PROPOSED).firstResultOptional();
    }

    private static LedgerEntryEntity newEntry(UUID applicationId, String uscc, String clauseId, int year,
            int revision, String kind, BigDecimal amount, BigDecimal heldDelta, UUID causedBy, String reason) {
        LedgerEntryEntity e = new LedgerEntryEntity();
        e.revision = revision;
        e.id = UUID.randomUUID();
        e.applicationId = applicationId;
        e.uscc = uscc;
        e.clauseId = clauseId;
        e.year = year;
        e.kind = kind;
        e.amount = Money.of(amount);
        e.heldDelta = Money.of(heldDelta);
        e.causedBy = causedBy;
        e.reason = reason;
        e.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return e;
    }

    /** One row per enterprise, locked for the rest of the transaction. */
    void lockAccount(String uscc) {
        em.createNativeQuery("INSERT INTO award_account (uscc) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, uscc).executeUpdate();
        em.createNativeQuery("SELECT uscc FROM award_account WHERE uscc = ?1 FOR UPDATE").setParameter(1, uscc)
                .getSingleResult();
    }

    /** The caps that bound and the count limits reached, each named with its source sentence. */
    static List<String> bounds(AwardResult result) {
        List<String> binding = new ArrayList<>(result.bindingCaps().stream().map(AwardService::describe).toList());
        result.reachedLimits().forEach(l -> binding.add(l.limit().id() + "：" + l.limit().describe().zh() + "，已获 "
                + l.counted() + " 项，本项不予支持（" + l.limit().source() + "）"));
        return binding;
    }

    private static String describe(CapApplication c) {
        return c.cap().id() + ": " + c.cap().scope().zh() + "上限 " + c.limit().toPlainString() + "，已获 "
                + c.alreadyAwarded().toPlainString() + "，核减 " + c.cut().toPlainString() + "（" + c.cap().source()
                + "）";
    }
}
