package cn.huiqi.engine.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.huiqi.engine.PolicyPack;
import cn.huiqi.engine.model.Bilingual;
import cn.huiqi.engine.model.Money;
import cn.huiqi.engine.model.Policy;
import cn.huiqi.engine.model.StackingGroup;

/**
 * Applies the documents' stacking groups to the awards one applicant qualifies for on one matter: within a group
 * only the best award is kept ("可按最优执行，但不重复执行"), and each award set aside says why and in favour of which.
 */
public final class StackingResolver {

    /** An award that is not paid because a better one of its group is. */
    public record SetAside(AwardResult award, StackingGroup group, String keptClauseId, Bilingual reason) {
    }

    /** The awards kept, in the order given, and those set aside. */
    public record Resolution(List<AwardResult> kept, List<SetAside> setAside) {

        public Resolution {
            kept = List.copyOf(kept);
            setAside = List.copyOf(setAside);
        }

        public Optional<SetAside> setAside(String clauseId) {
            return setAside.stream().filter(s -> s.award().clauseId().equals(clauseId)).findFirst();
        }
    }

    private final Map<String, StackingGroup> groupOfClause = new HashMap<>();

    public StackingResolver(PolicyPack pack) {
        for (Policy policy : pack.policies()) {
            policy.stacking().ifPresent(s -> s.groups()
                    .forEach(g -> g.clauseIds().forEach(id -> groupOfClause.put(id, g))));
        }
    }

    /** The group a clause belongs to, if any. */
    public Optional<StackingGroup> group(String clauseId) {
        return Optional.ofNullable(groupOfClause.get(clauseId));
    }

    /** Keeps the largest award of each group (ties: the first clause id); awards outside any group are all kept. */
    public Resolution resolve(List<AwardResult> awards) {
        Map<StackingGroup, AwardResult> best = new HashMap<>();
        Comparator<AwardResult> better = Comparator.comparing(AwardResult::amount)
                .thenComparing(AwardResult::clauseId, Comparator.reverseOrder());
        for (AwardResult a : awards) {
            StackingGroup g = groupOfClause.get(a.clauseId());
            if (g != null) {
                best.merge(g, a, (x, y) -> better.compare(x, y) >= 0 ? x : y);
            }
        }
        List<AwardResult> kept = new ArrayList<>();
        List<SetAside> setAside = new ArrayList<>();
        for (AwardResult a : awards) {
            StackingGroup g = groupOfClause.get(a.clauseId());
            AwardResult winner = g == null ? a : best.get(g);
            if (winner == a) {
                kept.add(a);
            } else {
                setAside.add(new SetAside(a, g, winner.clauseId(), new Bilingual(
                        "同类政策事项（" + g.matter().zh() + "）" + g.rule().zh() + "：已按 " + winner.clauseId() + " 计 "
                                + Money.format(winner.amount()) + "，本项 " + Money.format(a.amount()) + " 不予重复享受",
                        "same kind of matter (" + g.matter().en() + "), " + g.rule().en() + ": "
                                + winner.clauseId() + " pays " + Money.format(winner.amount()) + ", so this "
                                + Money.format(a.amount()) + " is set aside")));
            }
        }
        return new Resolution(kept, setAside);
    }
}
