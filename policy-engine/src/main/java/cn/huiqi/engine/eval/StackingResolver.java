package cn.huiqi.engine.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.huiqi.engine.PolicyPack;
import cn.huiqi.engine.model.Bilingual;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.CountLimit;
import cn.huiqi.engine.model.Money;
import cn.huiqi.engine.model.Policy;
import cn.huiqi.engine.model.StackingGroup;
import cn.huiqi.engine.model.StackingRule;

/**
 * Applies the documents' stacking groups and count limits to the awards one applicant qualifies for in one year.
 * Within a group only one award is kept: the best ("可按最优执行，但不重复执行"), or the one the applicant chooses
 * ("企业自主选择", "二选一"; the platform recommends the largest). Then each count limit ("同一年度最多不超过2项",
 * "连续3年只能获得一次") keeps the largest awards that still fit under it. Each award set aside says why and in
 * favour of which.
 */
public final class StackingResolver {

    /** An award that is not paid because another of its group, or the limit, is taken instead. */
    public record SetAside(AwardResult award, Optional<StackingGroup> group, Optional<CountLimit> limit,
            List<String> keptClauseIds, Bilingual reason) {

        public SetAside {
            Objects.requireNonNull(award, "award");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(limit, "limit");
            keptClauseIds = List.copyOf(keptClauseIds);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The outcome of a group whose rule lets the applicant choose.
     *
     * @param recommendedClauseId the largest award of the group, which the platform recommends
     * @param chosenByApplicant whether {@code keptClauseId} is the applicant's recorded choice (else the
     *        recommendation)
     */
    public record Choice(StackingGroup group, String keptClauseId, String recommendedClauseId,
            boolean chosenByApplicant, Bilingual note) {
    }

    /** The awards kept, in the order given, those set aside, and the choices made in 'choose' groups. */
    public record Resolution(List<AwardResult> kept, List<SetAside> setAside, List<Choice> choices) {

        public Resolution {
            kept = List.copyOf(kept);
            setAside = List.copyOf(setAside);
            choices = List.copyOf(choices);
        }

        public Optional<SetAside> setAside(String clauseId) {
            return setAside.stream().filter(s -> s.award().clauseId().equals(clauseId)).findFirst();
        }

        public Optional<Choice> choice(String groupId) {
            return choices.stream().filter(c -> c.group().id().equals(groupId)).findFirst();
        }
    }

    private static final Comparator<AwardResult> BETTER = Comparator.comparing(AwardResult::amount)
            .thenComparing(AwardResult::clauseId, Comparator.reverseOrder());

    private final Map<String, StackingGroup> groupOfClause = new HashMap<>();
    private final Map<String, StackingGroup> groups = new HashMap<>();
    private final List<CountLimit> limits = new ArrayList<>();

    public StackingResolver(PolicyPack pack) {
        for (Policy policy : pack.policies()) {
            policy.stacking().ifPresent(s -> s.groups().forEach(g -> {
                groups.put(g.id(), g);
                g.clauseIds().forEach(id -> groupOfClause.put(id, g));
            }));
            Set<String> seen = new LinkedHashSet<>();
            for (Clause c : policy.clauses()) {
                for (CountLimit l : c.award().limits()) {
                    if (seen.add(l.id())) {
                        limits.add(l);
                    }
                }
            }
        }
    }

    /** The group a clause belongs to, if any. */
    public Optional<StackingGroup> group(String clauseId) {
        return Optional.ofNullable(groupOfClause.get(clauseId));
    }

    /** A group by its id. */
    public Optional<StackingGroup> groupById(String groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }

    /** {@link #resolve(List, Map)} with no recorded choices: 'choose' groups keep the recommendation. */
    public Resolution resolve(List<AwardResult> awards) {
        return resolve(awards, Map.of());
    }

    /**
     * Keeps one award per group and what fits under each count limit.
     *
     * @param choices the applicant's choice per 'choose' group: group id → clause id
     * @throws IllegalArgumentException if a choice names an unknown group, a group whose rule is not 'choose', or a
     *         clause outside the group
     */
    public Resolution resolve(List<AwardResult> awards, Map<String, String> choices) {
        for (Map.Entry<String, String> c : choices.entrySet()) {
            StackingGroup g = groups.get(c.getKey());
            if (g == null) {
                throw new IllegalArgumentException("no stacking group '" + c.getKey() + "'");
            }
            if (g.rule() != StackingRule.CHOOSE) {
                throw new IllegalArgumentException("group " + g.id() + " is not the applicant's choice: its rule is '"
                        + g.rule().code() + "'");
            }
            if (!g.clauseIds().contains(c.getValue())) {
                throw new IllegalArgumentException(
                        "clause '" + c.getValue() + "' is not in group " + g.id() + " " + g.clauseIds());
            }
        }
        Map<StackingGroup, AwardResult> best = new LinkedHashMap<>();
        for (AwardResult a : awards) {
            StackingGroup g = groupOfClause.get(a.clauseId());
            if (g != null) {
                best.merge(g, a, (x, y) -> BETTER.compare(x, y) >= 0 ? x : y);
            }
        }
        Map<StackingGroup, AwardResult> winners = new HashMap<>(best);
        List<Choice> made = new ArrayList<>();
        for (Map.Entry<StackingGroup, AwardResult> e : best.entrySet()) {
            StackingGroup g = e.getKey();
            if (g.rule() != StackingRule.CHOOSE) {
                continue;
            }
            AwardResult recommended = e.getValue();
            String chosenId = choices.get(g.id());
            Optional<AwardResult> chosen = chosenId == null
                    ? Optional.empty()
                    : awards.stream().filter(a -> a.clauseId().equals(chosenId)).findFirst();
            AwardResult kept = chosen.orElse(recommended);
            winners.put(g, kept);
            boolean byApplicant = chosen.isPresent();
            Bilingual note = byApplicant
                    ? new Bilingual("企业已选择 " + kept.clauseId() + "（" + Money.format(kept.amount()) + "）"
                            + (kept == recommended
                                    ? "，即金额最高者"
                                    : "；金额最高者为 " + recommended.clauseId() + "（"
                                            + Money.format(recommended.amount()) + "）"),
                            "the applicant chose " + kept.clauseId() + " (" + Money.format(kept.amount()) + ")"
                                    + (kept == recommended
                                            ? ", the largest"
                                            : "; the largest is "
                                                    + recommended.clauseId() + " (" + Money.format(recommended.amount())
                                                    + ")"))
                    : new Bilingual("由企业自主选择其一；平台推荐金额最高的 " + kept.clauseId() + "（" + Money.format(kept.amount())
                            + "）",
                            "the applicant chooses one; the platform recommends the largest, " + kept.clauseId()
                                    + " (" + Money.format(kept.amount()) + ")");
            made.add(new Choice(g, kept.clauseId(), recommended.clauseId(), byApplicant, note));
        }
        List<AwardResult> kept = new ArrayList<>();
        List<SetAside> setAside = new ArrayList<>();
        for (AwardResult a : awards) {
            StackingGroup g = groupOfClause.get(a.clauseId());
            AwardResult winner = g == null ? a : winners.get(g);
            if (winner == a) {
                kept.add(a);
            } else {
                setAside.add(new SetAside(a, Optional.of(g), Optional.empty(), List.of(winner.clauseId()),
                        groupReason(g, winner, a)));
            }
        }
        for (CountLimit limit : limits) {
            applyLimit(limit, kept, setAside);
        }
        return new Resolution(kept, setAside, made);
    }

    /** Keeps the largest awards under the limit that still fit in its window; sets the others aside. */
    private static void applyLimit(CountLimit limit, List<AwardResult> kept, List<SetAside> setAside) {
        List<AwardResult> covered = kept.stream()
                .filter(a -> limit.clauseIds().contains(a.clauseId()) && a.amount().signum() > 0)
                .collect(Collectors.toList());
        int counted = covered.stream().flatMap(a -> a.limitsApplied().stream())
                .filter(l -> l.limit().id().equals(limit.id())).mapToInt(LimitApplication::counted).max().orElse(0);
        int slots = Math.max(0, limit.atMost() - counted);
        if (covered.size() <= slots) {
            return;
        }
        List<AwardResult> ranked = covered.stream().sorted(BETTER.reversed()).collect(Collectors.toList());
        List<AwardResult> keep = ranked.subList(0, slots);
        List<String> keepIds = keep.stream().map(AwardResult::clauseId).collect(Collectors.toList());
        for (AwardResult a : ranked.subList(slots, ranked.size())) {
            kept.remove(a);
            Bilingual rule = limit.describe();
            String zhKept = keepIds.isEmpty() ? "窗口内已获 " + counted + " 项" : "已保留金额较高的 " + String.join("、", keepIds);
            String enKept = keepIds.isEmpty()
                    ? counted + " already received in the window"
                    : "kept the larger " + String.join(", ", keepIds);
            setAside.add(new SetAside(a, Optional.empty(), Optional.of(limit), keepIds,
                    new Bilingual(limit.source() + "（" + rule.zh() + "）：" + zhKept + "，本项 " + Money.format(a.amount())
                            + " 不予支持",
                            rule.en() + ": " + enKept + ", so this " + Money.format(a.amount()) + " is set aside")));
        }
    }

    private static Bilingual groupReason(StackingGroup g, AwardResult winner, AwardResult a) {
        if (g.rule() == StackingRule.CHOOSE) {
            return new Bilingual(
                    "同类政策事项（" + g.matter().zh() + "）" + g.rule().zh() + "：按 " + winner.clauseId() + " 计 "
                            + Money.format(winner.amount()) + "，本项 " + Money.format(a.amount()) + " 不同时享受",
                    "same kind of matter (" + g.matter().en() + "), " + g.rule().en() + ": " + winner.clauseId()
                            + " pays " + Money.format(winner.amount()) + ", so this " + Money.format(a.amount())
                            + " is not paid as well");
        }
        return new Bilingual(
                "同类政策事项（" + g.matter().zh() + "）" + g.rule().zh() + "：已按 " + winner.clauseId() + " 计 "
                        + Money.format(winner.amount()) + "，本项 " + Money.format(a.amount()) + " 不予重复享受",
                "same kind of matter (" + g.matter().en() + "), " + g.rule().en() + ": " + winner.clauseId() + " pays "
                        + Money.format(winner.amount()) + ", so this " + Money.format(a.amount()) + " is set aside");
    }
}
