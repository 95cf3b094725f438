package cn.huiqi.application.apply;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.huiqi.engine.PolicyPack;
import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Facts;
import cn.huiqi.engine.model.FactsException;
import cn.huiqi.engine.model.PolicyStatus;
import cn.huiqi.engine.model.Validity;
import cn.huiqi.support.problem.ProblemException;
import cn.huiqi.support.security.Departments;

/** The policy pack as application-service needs it: does a clause exist, do claims and profiles fit the vocabulary. */
@ApplicationScoped
public class ClauseCatalog {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final PolicyPack pack = PolicyPackLoader.fromClasspath("policies");

    /** The claim, checked: the clause exists, every key is a known {@code claim.*} fact with a value of its type. */
    public Map<String, Object> checkedClaim(String clauseId, Map<String, Object> claim) {
        Clause clause = pack.clause(clauseId).orElseThrow(() -> new ProblemException(422, "unknown-clause",
                "Unknown clause", "no clause " + clauseId + " in the policy catalog", Map.of("clauseId", clauseId)));
        checkInForce(clause, LocalDate.now(CHINA));
        return checkedFacts("claim.", claim, "invalid-claim", "Invalid claim");
    }

    /** A draft's claim, checked: the clause exists and the facts given fit the vocabulary (the policy may be anything). */
    public Map<String, Object> checkedDraftClaim(String clauseId, Map<String, Object> claim) {
        pack.clause(clauseId).orElseThrow(() -> new ProblemException(422, "unknown-clause", "Unknown clause",
                "no clause " + clauseId + " in the policy catalog", Map.of("clauseId", clauseId)));
        return checkedClaimFacts(claim);
    }

    /** Claim facts, checked: every key is a known {@code claim.*} fact with a value of its type. */
    public Map<String, Object> checkedClaimFacts(Map<String, Object> claim) {
        return checkedFacts("claim.", claim, "invalid-claim", "Invalid claim");
    }

    /**
     * Applications are accepted only for clauses of a policy in force on the day: not a draft for comment (征求意见稿),
     * not expired or repealed, inside the effective period where the text sets one. 422 {@code policy-not-in-force}.
     */
    static void checkInForce(Clause clause, LocalDate today) {
        Validity v = clause.validity();
        String why = null;
        if (v.status() != PolicyStatus.IN_FORCE) {
            why = "policy " + clause.policyId() + " is " + v.status().code();
        } else if (v.effectiveUntil().isPresent() && today.isAfter(v.effectiveUntil().get())) {
            why = "policy " + clause.policyId() + " expired on " + v.effectiveUntil().get();
        } else if (v.effectiveFrom().isPresent() && today.isBefore(v.effectiveFrom().get())) {
            why = "policy " + clause.policyId() + " is in force from " + v.effectiveFrom().get();
        }
        if (why != null) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("clauseId", clause.id());
            ext.put("policyStatus", v.status().code());
            v.effectiveFrom().ifPresent(d -> ext.put("effectiveFrom", d.toString()));
            v.effectiveUntil().ifPresent(d -> ext.put("effectiveUntil", d.toString()));
            ext.put("source", v.source());
            throw new ProblemException(422, "policy-not-in-force", "Policy not in force",
                    "no application for " + clause.id() + ": " + why + " (" + v.source() + ")", ext);
        }
    }

    /**
     * The departments responsible for a clause as its {@code department.zh} names them (e.g. 人社局); officials are
     * scoped by it ({@code Caller.mustCoverDepartment}).
     */
    public Optional<String> department(String clauseId) {
        return pack.clause(clauseId).map(c -> c.department().zh());
    }

    /** The clauses one of whose responsible departments is {@code department} (exact name, as tokens spell it). */
    public List<String> clausesOf(String department) {
        return pack.clauses().stream().filter(c -> Departments.covers(List.of(department), c.department().zh()))
                .map(Clause::id).toList();
    }

    /** Profile facts, checked: every key is a known {@code enterprise.*} fact with a value of its type. */
    public Map<String, Object> checkedProfile(Map<String, Object> facts) {
        return checkedFacts("enterprise.", facts, "invalid-fact", "Invalid profile fact");
    }

    private Map<String, Object> checkedFacts(String prefix, Map<String, Object> facts, String slug, String title) {
        List<Map<String, String>> problems = facts.keySet().stream()
                .filter(k -> !k.startsWith(prefix))
                .map(k -> Map.of("fact", k, "message", "must be named " + prefix + "*"))
                .toList();
        if (problems.isEmpty()) {
            try {
                Facts.of(pack.vocabulary(), facts);
            } catch (FactsException e) {
                problems = e.problems().stream().map(p -> Map.of("fact", p.fact(), "message", p.message())).toList();
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(422, slug, title,
                    problems.stream().map(p -> p.get("fact") + ": " + p.get("message")).reduce((a, b) -> a + "; " + b)
                            .orElseThrow(),
                    Map.of("violations", problems));
        }
        return facts;
    }
}
