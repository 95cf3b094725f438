package cn.huiqi.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.huiqi.engine.model.Bilingual;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Facts;
import cn.huiqi.engine.model.Policy;
import cn.huiqi.engine.model.Vocabulary;

/** A validated set of policy documents and the vocabulary their clauses are written in. Immutable. */
public final class PolicyPack {

    private final Vocabulary vocabulary;
    private final List<Policy> policies;
    private final Map<String, Policy> policiesById;
    private final Map<String, Clause> clausesById;
    private final List<Clause> clauses;
    private final Map<String, Bilingual> industries;

    public PolicyPack(Vocabulary vocabulary, List<Policy> policies) {
        this(vocabulary, policies, Map.of());
    }

    /**
     * @param industries the industry classification the policies use: code → name, in order
     */
    public PolicyPack(Vocabulary vocabulary, List<Policy> policies, Map<String, Bilingual> industries) {
        this.industries = Collections.unmodifiableMap(new LinkedHashMap<>(industries));
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.policies = List.copyOf(policies);
        Map<String, Policy> byId = new LinkedHashMap<>();
        Map<String, Clause> clauses = new LinkedHashMap<>();
        for (Policy p : this.policies) {
            if (byId.put(p.id(), p) != null) {
                throw new IllegalArgumentException("policy id used twice: " + p.id());
            }
            for (Clause c : p.clauses()) {
                if (clauses.put(c.id(), c) != null) {
                    throw new IllegalArgumentException("clause id used twice: " + c.id());
                }
            }
        }
        this.policiesById = Collections.unmodifiableMap(byId);
        this.clausesById = Collections.unmodifiableMap(clauses);
        this.clauses = List.copyOf(clauses.values());
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The industries the policies are classified under (code → name), empty when the pack classifies none. */
    public Map<String, Bilingual> industries() {
        return industries;
    }

    /**
     * Facts in this pack's vocabulary, from raw values as JSON gives them (see {@link Facts#of}).
     *
     * @throws cn.huiqi.engine.model.FactsException listing every unknown fact and wrongly typed value
     */
    public Facts facts(Map<String, ?> raw) {
        return Facts.of(vocabulary, raw);
    }

    /** The policy documents, in the order of the pack's index. */
    public List<Policy> policies() {
        return policies;
    }

    public Optional<Policy> policy(String policyId) {
        return Optional.ofNullable(policiesById.get(policyId));
    }

    public Optional<Clause> clause(String clauseId) {
        return Optional.ofNullable(clausesById.get(clauseId));
    }

    /** Every clause of every policy, in pack order. */
    public List<Clause> clauses() {
        return clauses;
    }

    @Override
    public String toString() {
        return "PolicyPack" + policiesById.keySet();
    }
}
