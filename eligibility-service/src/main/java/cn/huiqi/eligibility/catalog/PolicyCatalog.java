package cn.huiqi.eligibility.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.huiqi.engine.PolicyPack;
import cn.huiqi.engine.eval.EligibilityResult;
import cn.huiqi.engine.eval.Evaluator;
import cn.huiqi.engine.eval.Reason;
import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Facts;
import cn.huiqi.engine.model.FactsException;
import cn.huiqi.events.payload.ReasonV1;

/** The policy pack loaded at start-up (a bad pack stops the service), and determinations against it. */
@ApplicationScoped
public class PolicyCatalog {

    private final PolicyPack pack = PolicyPackLoader.fromClasspath("policies");
    private final Evaluator evaluator = new Evaluator();

    /** The outcome of one determination, with its reasons in event form. */
    public record Outcome(boolean eligible, List<ReasonV1> reasons) {
    }

    public PolicyPack pack() {
        return pack;
    }

    public Optional<Clause> clause(String clauseId) {
        return pack.clause(clauseId);
    }

    /** Judges the facts (enterprise and claim, by vocabulary name) against the clause as the text read on asOf. */
    public Outcome determine(String clauseId, Map<String, Object> facts, LocalDate asOf) {
        Optional<Clause> clause = pack.clause(clauseId);
        if (clause.isEmpty()) {
            return new Outcome(false, List.of(new ReasonV1(clauseId, "clause", null, null, null, null,
                    "政策目录中没有条款 " + clauseId, "no clause " + clauseId + " in the policy catalog", null,
                    "condition_not_met")));
        }
        Facts typed;
        try {
            typed = Facts.of(pack.vocabulary(), facts);
        } catch (FactsException e) {
            return new Outcome(false, e.problems().stream().map(p -> new ReasonV1(clauseId, "facts", p.fact(), null,
                    null, null, "事实数据无效：" + p.message(), "invalid fact: " + p.message(),
                    clause.get().source(), "fact_missing")).toList());
        }
        EligibilityResult result = evaluator.checkEligibility(clause.get(), typed, asOf);
        return new Outcome(result.eligible(), result.reasons().stream().map(PolicyCatalog::toEvent).toList());
    }

    public static ReasonV1 toEvent(Reason r) {
        return new ReasonV1(r.clauseId(), r.conditionPath(), r.fact().orElse(null), r.expected().orElse(null),
                r.actual().orElse(null), r.shortfall().orElse(null), r.message().zh(), r.message().en(), r.source(),
                r.kind().code());
    }
}
