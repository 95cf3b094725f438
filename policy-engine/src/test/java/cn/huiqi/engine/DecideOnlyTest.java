package cn.huiqi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.huiqi.engine.bench.SyntheticEnterprises;
import cn.huiqi.engine.eval.AwardHistory;
import cn.huiqi.engine.eval.AwardResult;
import cn.huiqi.engine.eval.EligibilityResult;
import cn.huiqi.engine.eval.Evaluator;
import cn.huiqi.engine.eval.Reason;
import cn.huiqi.engine.eval.ReasonKind;
import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.engine.model.Bilingual;
import cn.huiqi.engine.model.Cap;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.CountLimit;
import cn.huiqi.engine.model.Facts;
import cn.huiqi.engine.model.Money;
import cn.huiqi.engine.model.WorkedExample;

/**
 * {@link Evaluator#decideOnly()} answers exactly as the explaining evaluator does — outcome, reasons' kinds, paths,
 * facts and shortfalls, amounts, caps and limits with every figure, exceptions — for every clause of the seed pack and
 * the engine's test pack, against every worked example and a few hundred synthetic enterprises.
 */
class DecideOnlyTest {

    static final PolicyPack SEED_PACK = PolicyPackLoader.fromClasspath("policies");
    static final PolicyPack ENGINE_PACK = PolicyPackLoader.fromClasspath("packs/engine");
    static final int ENTERPRISES = 300;
    /** Before most policies, while most are in force, after many have lapsed. */
    static final List<LocalDate> DATES = List.of(LocalDate.of(2025, 6, 30), LocalDate.of(2019, 3, 1),
            LocalDate.of(2031, 1, 1));

    final Evaluator explaining = new Evaluator();
    final Evaluator deciding = Evaluator.decideOnly();

    /** What the comparisons went through, so that a test that compared nothing interesting fails. */
    final Set<EligibilityResult.Outcome> outcomes = EnumSet.noneOf(EligibilityResult.Outcome.class);
    int comparisons;
    int previews;
    int bindingCaps;
    int reachedLimits;
    int refusedForMissingFacts;

    @Test
    void the_modes_are_told_apart() {
        assertThat(explaining.explains()).isTrue();
        assertThat(deciding.explains()).isFalse();
    }

    @Test
    void every_clause_of_the_seed_pack_decides_the_same_for_synthetic_enterprises() {
        List<String> differences = compareSynthetic(SEED_PACK, 42);
        assertThat(differences).as("first differences of %d", differences.size()).isEmpty();
        assertThat(SEED_PACK.clauses()).hasSizeGreaterThan(390);
        assertThat(comparisons).isEqualTo(SEED_PACK.clauses().size() * ENTERPRISES);
        assertCoverage();
    }

    @Test
    void every_clause_of_the_engine_pack_decides_the_same_for_synthetic_enterprises() {
        List<String> differences = compareSynthetic(ENGINE_PACK, 7);
        assertThat(differences).as("first differences of %d", differences.size()).isEmpty();
        assertThat(comparisons).isEqualTo(ENGINE_PACK.clauses().size() * ENTERPRISES);
    }

    @Test
    void every_worked_example_decides_the_same() {
        List<String> differences = new ArrayList<>();
        int examples = 0;
        for (PolicyPack pack : List.of(SEED_PACK, ENGINE_PACK)) {
            for (Clause clause : pack.clauses()) {
                for (WorkedExample example : clause.examples()) {
                    examples++;
                    AwardHistory history = new AwardHistory() {
                        @Override
                        public BigDecimal alreadyAwarded(Cap cap, int year) {
                            return example.history().getOrDefault(cap.id(), Money.ZERO);
                        }

                        @Override
                        public int awardsCounted(CountLimit limit, int year) {
                            return example.counts().getOrDefault(limit.id(), 0);
                        }
                    };
                    compare(clause, example.facts(), example.asOf(), history, example.year(),
                            clause.id() + " example " + example.name(), differences);
                }
            }
        }
        assertThat(differences).as("first differences of %d", differences.size()).isEmpty();
        assertThat(examples).isGreaterThan(SEED_PACK.clauses().size());
        assertThat(bindingCaps).isPositive();
        assertThat(reachedLimits).isPositive();
    }

    @Test
    void a_decided_reason_keeps_what_decides_and_leaves_the_words_out() {
        Clause talent = SEED_PACK.clause("ccxq-2023-11.12").orElseThrow();
        Facts none = Facts.of(SEED_PACK.vocabulary(), Map.of());
        EligibilityResult e = deciding.checkEligibility(talent, none, DATES.get(0));
        assertThat(e.outcome()).isEqualTo(EligibilityResult.Outcome.INCOMPLETE);
        assertThat(e.reasons()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.message()).isEqualTo(new Bilingual("", ""));
            assertThat(r.expected()).isEmpty();
            assertThat(r.actual()).isEmpty();
        });
        assertThat(missingFacts(e)).isNotEmpty()
                .isEqualTo(missingFacts(explaining.checkEligibility(talent, none, DATES.get(0))));
    }

    private static List<String> missingFacts(EligibilityResult e) {
        return e.reasons().stream().filter(r -> r.kind() == ReasonKind.FACT_MISSING).map(r -> r.fact().orElseThrow())
                .collect(Collectors.toList());
    }

    private List<String> compareSynthetic(PolicyPack pack, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < ENTERPRISES; i++) {
            // every third enterprise lacks about one fact in twenty, so that answers can be incomplete
            Facts facts = SyntheticEnterprises.enterprise(pack.vocabulary(), random, i % 3 == 2 ? 0.05 : 0);
            LocalDate asOf = DATES.get(i % DATES.size());
            AwardHistory history = history(i);
            for (Clause clause : pack.clauses()) {
                compare(clause, facts, asOf, history, asOf.getYear(), clause.id() + " enterprise " + i,
                        differences);
            }
        }
        return differences.size() > 20 ? differences.subList(0, 20) : differences;
    }

    /** Per enterprise and cap: nothing yet, 100,000.00, or the whole cap used up; 0–2 awards under each limit. */
    private static AwardHistory history(int enterprise) {
        return new AwardHistory() {
            @Override
            public BigDecimal alreadyAwarded(Cap cap, int year) {
                switch (Math.floorMod(enterprise + cap.id().hashCode(), 3)) {
                    case 0 :
                        return Money.ZERO;
                    case 1 :
                        return new BigDecimal("100000.00");
                    default :
                        return cap.limit().setScale(Money.SCALE);
                }
            }

            @Override
            public int awardsCounted(CountLimit limit, int year) {
                return Math.floorMod(enterprise + limit.id().hashCode(), 3);
            }
        };
    }

    private void compare(Clause clause, Facts facts, LocalDate asOf, AwardHistory history, int year, String where,
            List<String> differences) {
        comparisons++;
        EligibilityResult full = explaining.checkEligibility(clause, facts, asOf);
        EligibilityResult fast = deciding.checkEligibility(clause, facts, asOf);
        outcomes.add(full.outcome());
        if (full.outcome() != fast.outcome() || full.eligibleOnceInForce() != fast.eligibleOnceInForce()) {
            differences.add(where + ": outcome " + full.outcome() + "/" + full.eligibleOnceInForce() + " but decided "
                    + fast.outcome() + "/" + fast.eligibleOnceInForce());
        }
        if (!decisive(full.reasons()).equals(decisive(fast.reasons()))) {
            differences.add(where + ": reasons " + decisive(full.reasons()) + " but decided "
                    + decisive(fast.reasons()));
        }
        if (!full.eligible() && full.eligibleOnceInForce()) {
            previews++;
        }
        // the award is computed whatever the eligibility, to run every formula and cap
        AwardResult fullAward;
        try {
            fullAward = explaining.computeAward(clause, facts, history, year);
        } catch (RuntimeException e) {
            refusedForMissingFacts++;
            try {
                deciding.computeAward(clause, facts, history, year);
                differences.add(where + ": explaining threw " + e + " but deciding did not");
            } catch (RuntimeException d) {
                if (d.getClass() != e.getClass() || !d.getMessage().equals(e.getMessage())) {
                    differences.add(where + ": explaining threw " + e + " but deciding " + d);
                }
            }
            return;
        }
        AwardResult fastAward = deciding.computeAward(clause, facts, history, year);
        bindingCaps += fullAward.bindingCaps().isEmpty() ? 0 : 1;
        reachedLimits += fullAward.reachedLimits().isEmpty() ? 0 : 1;
        AwardResult fullDecided = new AwardResult(fullAward.clauseId(), fullAward.year(), fullAward.uncappedAmount(),
                fullAward.amount(), List.of(), fullAward.capsApplied(), fullAward.kind(), fullAward.basis(),
                fullAward.limitsApplied());
        if (!fullDecided.equals(fastAward)) {
            differences.add(where + ": award " + fullDecided + " but decided " + fastAward);
        }
        if (fullAward.trace().isEmpty()) {
            differences.add(where + ": the explaining evaluator wrote no trace");
        }
    }

    /** What a reason decides: everything but its words. */
    private static List<String> decisive(List<Reason> reasons) {
        List<String> out = new ArrayList<>(reasons.size());
        for (Reason r : reasons) {
            out.add(r.clauseId() + " " + r.kind() + " " + r.conditionPath() + " " + r.fact() + " " + r.shortfall()
                    + " " + r.source().hashCode());
        }
        return out;
    }

    private void assertCoverage() {
        assertThat(outcomes).as("outcomes met").containsExactlyInAnyOrder(EligibilityResult.Outcome.values());
        assertThat(previews).as("previews of clauses not in force").isPositive();
        assertThat(bindingCaps).as("awards cut by a cap").isPositive();
        assertThat(reachedLimits).as("awards refused by a count limit").isPositive();
        assertThat(refusedForMissingFacts).as("awards refused for missing facts").isPositive();
    }
}
