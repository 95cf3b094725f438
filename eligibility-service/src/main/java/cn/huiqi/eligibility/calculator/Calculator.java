package cn.huiqi.eligibility.calculator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import cn.huiqi.eligibility.catalog.PolicyCatalog;
import cn.huiqi.eligibility.determination.DeterminationService;
import cn.huiqi.eligibility.determination.EnterpriseProjectionEntity;
import cn.huiqi.engine.eval.AwardHistory;
import cn.huiqi.engine.eval.AwardResult;
import cn.huiqi.engine.eval.EligibilityResult;
import cn.huiqi.engine.eval.Evaluator;
import cn.huiqi.engine.eval.MissingFactException;
import cn.huiqi.engine.eval.Reason;
import cn.huiqi.engine.eval.ReasonKind;
import cn.huiqi.engine.eval.StackingResolver;
import cn.huiqi.engine.eval.TraceStep;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Facts;
import cn.huiqi.engine.model.FactsException;
import cn.huiqi.engine.model.Money;
import cn.huiqi.engine.model.PolicyStatus;
import cn.huiqi.support.problem.ProblemException;

/** 政策计算器: judges facts against the catalog without writing anything. */
@ApplicationScoped
public class Calculator {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final PolicyCatalog catalog;
    private final Evaluator evaluator = new Evaluator();
    private final StackingResolver stackingResolver;

    public Calculator(PolicyCatalog catalog) {
        this.catalog = catalog;
        this.stackingResolver = new StackingResolver(catalog.pack());
    }

    public CalculatorResult calculate(CalculatorRequest request) {
        LocalDate asOf = request.asOf() != null ? request.asOf() : LocalDate.now(CHINA);
        int year = request.year() != null ? request.year() : asOf.getYear();
        Facts facts = facts(request);
        List<Clause> clauses = clauses(request.clauseIds());

        List<CalculatorResult.ClauseResult> judged = new ArrayList<>();
        List<AwardResult> payable = new ArrayList<>();
        for (Clause clause : clauses) {
            judge(clause, facts, asOf, year, judged, payable);
        }
        // 同类政策事项，可按最优执行，但不重复执行: within a stacking group only the best (or the chosen) award
        // counts, and a count limit keeps the largest awards that fit under it.
        StackingResolver.Resolution stacking = resolve(payable, request.choices());
        List<CalculatorResult.ClauseResult> results = new ArrayList<>(judged.stream()
                .map(r -> stacking.setAside(r.clauseId()).map(s -> r.withSetAside(s.reason())).orElse(r))
                .map(r -> stacking.choices().stream().filter(c -> c.keptClauseId().equals(r.clauseId())).findFirst()
                        .map(c -> r.withChoice(c.note())).orElse(r))
                .toList());
        results.sort(ORDER);
        BigDecimal total = results.stream()
                .filter(r -> "eligible".equals(r.outcome()) && !r.preview() && "grant".equals(r.awardKind())
                        && r.setAside() == null)
                .map(CalculatorResult.ClauseResult::amount)
                .reduce(Money.ZERO, BigDecimal::add);
        return new CalculatorResult(asOf, year, total, results);
    }

    private StackingResolver.Resolution resolve(List<AwardResult> payable, Map<String, String> choices) {
        try {
            return stackingResolver.resolve(payable, choices == null ? Map.of() : choices);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(422, "invalid-choice", "Invalid choice", e.getMessage(),
                    Map.of("choices", choices));
        }
    }

    /** Paying clauses first (largest first), then near misses (fewest obstacles first), then the rest. */
    private static final Comparator<CalculatorResult.ClauseResult> ORDER = Comparator
            .comparingInt((CalculatorResult.ClauseResult r) -> rank(r))
            .thenComparing(CalculatorResult.ClauseResult::amount, Comparator.reverseOrder())
            .thenComparingInt(r -> (int) r.reasons().stream().filter(x -> !"note".equals(x.kind())).count())
            .thenComparing(CalculatorResult.ClauseResult::clauseId);

    private static int rank(CalculatorResult.ClauseResult r) {
        return switch (r.outcome()) {
            case "eligible" -> r.preview() ? 2 : r.setAside() != null ? 1 : 0;
            case "incomplete" -> 3;
            default -> 4;
        };
    }

    private void judge(Clause clause, Facts facts, LocalDate asOf, int year,
            List<CalculatorResult.ClauseResult> judged, List<AwardResult> payable) {
        EligibilityResult eligibility = evaluator.checkEligibility(clause, facts, asOf);
        boolean draft = catalog.pack().policy(clause.policyId())
                .map(p -> p.validity().status() == PolicyStatus.DRAFT_FOR_COMMENT).orElse(false);
        List<Reason> blocking = eligibility.blockingReasons();
        // A draft's clause whose only obstacle is that the draft is not in force is shown as a preview.
        boolean preview = draft && !blocking.isEmpty()
                && blocking.stream().allMatch(r -> r.kind() == ReasonKind.NOT_IN_FORCE);
        String outcome = preview ? "eligible" : switch (eligibility.outcome()) {
            case ELIGIBLE -> "eligible";
            case INCOMPLETE -> "incomplete";
            case NOT_ELIGIBLE -> "not_eligible";
        };
        Optional<AwardResult> award = Optional.empty();
        List<String> missing = new ArrayList<>(eligibility.reasons().stream()
                .filter(r -> r.kind() == ReasonKind.FACT_MISSING).flatMap(r -> r.fact().stream()).distinct().toList());
        if ("eligible".equals(outcome)) {
            try {
                award = Optional.of(evaluator.computeAward(clause, facts, AwardHistory.none(), year));
            } catch (MissingFactException e) {
                outcome = "incomplete";
                missing.addAll(e.facts());
            }
        }
        if (award.isPresent() && !preview) {
            payable.add(award.get());
        }
        judged.add(new CalculatorResult.ClauseResult(clause.id(), clause.policyId(), clause.number(), clause.title(),
                outcome, preview, award.map(AwardResult::amount).orElse(Money.ZERO),
                award.map(AwardResult::uncappedAmount).orElse(Money.ZERO),
                award.map(a -> a.kind().code()).orElse(clause.award().kind().code()),
                award.map(a -> a.basis().code()).orElse(clause.award().basis().code()),
                award.map(a -> a.trace().stream().map(TraceStep::zh).toList()).orElse(List.of()),
                award.map(a -> a.bindingCaps().stream().map(c -> c.cap().id()).toList()).orElse(List.of()), missing,
                eligibility.reasons().stream().map(PolicyCatalog::toEvent).toList(), clause.source(), null, null));
    }

    private Facts facts(CalculatorRequest request) {
        Map<String, Object> raw = new TreeMap<>();
        if (request.uscc() != null && !request.uscc().isBlank()) {
            EnterpriseProjectionEntity e = EnterpriseProjectionEntity.findById(request.uscc().trim().toUpperCase());
            if (e == null) {
                throw unknownEnterprise(request.uscc());
            }
            raw.putAll(DeterminationService.enterpriseFacts(e));
        }
        if (request.facts() != null) {
            raw.putAll(request.facts());
        }
        try {
            return Facts.of(catalog.pack().vocabulary(), raw);
        } catch (FactsException e) {
            List<Map<String, String>> violations = e.problems().stream()
                    .map(p -> Map.of("fact", p.fact(), "message", p.message())).toList();
            throw new ProblemException(422, "invalid-facts", "Invalid facts", e.getMessage(),
                    Map.of("violations", violations));
        }
    }

    private List<Clause> clauses(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return catalog.pack().clauses();
        }
        List<String> unknown = ids.stream().filter(id -> catalog.clause(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new ProblemException(422, "unknown-clause", "Unknown clause",
                    "no clause " + String.join(", ", unknown) + " in the policy catalog", Map.of("clauseIds", unknown));
        }
        return ids.stream().distinct().map(id -> catalog.clause(id).orElseThrow()).toList();
    }

    /** The answer for a code with no known facts; another enterprise's code gets the same (no probing). */
    static ProblemException unknownEnterprise(String uscc) {
        return new ProblemException(422, "unknown-enterprise", "Enterprise not known",
                "eligibility-service has no facts of enterprise " + uscc, Map.of("uscc", uscc));
    }
}
