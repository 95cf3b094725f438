package cn.huiqi.application.apply;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.huiqi.engine.PolicyPack;
import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.engine.model.Facts;
import cn.huiqi.engine.model.FactsException;
import cn.huiqi.support.problem.ProblemException;

/** The policy pack as application-service needs it: does a clause exist, do claims and profiles fit the vocabulary. */
@ApplicationScoped
public class ClauseCatalog {

    private final PolicyPack pack = PolicyPackLoader.fromClasspath("policies");

    /** The claim, checked: the clause exists, every key is a known {@code claim.*} fact with a value of its type. */
    public Map<String, Object> checkedClaim(String clauseId, Map<String, Object> claim) {
        if (pack.clause(clauseId).isEmpty()) {
            throw new ProblemException(422, "unknown-clause", "Unknown clause",
                    "no clause " + clauseId + " in the policy catalog", Map.of("clauseId", clauseId));
        }
        return checkedFacts("claim.", claim, "invalid-claim", "Invalid claim");
    }

    /**
     * The departments responsible for a clause as its {@code department.zh} names them (e.g. 人社局); officials are
     * scoped by it ({@code Caller.mustCoverDepartment}).
     */
    public Optional<String> department(String clauseId) {
        return pack.clause(clauseId).map(c -> c.department().zh());
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
