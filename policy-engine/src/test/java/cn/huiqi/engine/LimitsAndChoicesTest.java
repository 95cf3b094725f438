package cn.huiqi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.huiqi.engine.eval.AwardHistory;
import cn.huiqi.engine.eval.AwardResult;
import cn.huiqi.engine.eval.Evaluator;
import cn.huiqi.engine.eval.StackingResolver;
import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.engine.load.PolicyValidationException;
import cn.huiqi.engine.model.Cap;
import cn.huiqi.engine.model.CountLimit;
import cn.huiqi.engine.model.FactPeriod;
import cn.huiqi.engine.model.Money;

/** Count limits, the applicant's choice in a group, and multi-year schedules (packs/engine/engine-limits.yaml). */
class LimitsAndChoicesTest {

    static final PolicyPack PACK = PolicyPackLoader.fromClasspath("packs/engine");
    static final Evaluator EVALUATOR = new Evaluator();
    static final StackingResolver RESOLVER = new StackingResolver(PACK);

    static AwardResult award(String clauseId, Map<String, Object> facts, int counted) {
        AwardHistory history = new AwardHistory() {
            @Override
            public BigDecimal alreadyAwarded(Cap cap, int year) {
                return Money.ZERO;
            }

            @Override
            public int awardsCounted(CountLimit limit, int year) {
                return counted;
            }
        };
        return EVALUATOR.computeAward(PACK.clause(clauseId).orElseThrow(), PACK.facts(facts), history, 2025);
    }

    static final Map<String, Object> LANDED = Map.of("claim.landed", true, "claim.support_year", 1,
            "claim.annual_rent", 3000000, "claim.q1_revenue_increase", 20000000);

    @Test
    void without_a_choice_the_platform_recommends_the_largest_and_says_the_applicant_chooses() {
        AwardResult landing = award("tl.landing", LANDED, 0); // 1,000,000
        AwardResult rent = award("tl.rent", LANDED, 0); // 50% of 3,000,000 = 1,500,000
        StackingResolver.Resolution r = RESOLVER.resolve(List.of(landing, rent));
        assertThat(r.kept()).extracting(AwardResult::clauseId).containsExactly("tl.rent");
        assertThat(r.choice("tl/S1")).get().satisfies(c -> {
            assertThat(c.recommendedClauseId()).isEqualTo("tl.rent");
            assertThat(c.chosenByApplicant()).isFalse();
            assertThat(c.note().zh()).contains("由企业自主选择其一").contains("推荐金额最高的 tl.rent");
        });
        assertThat(r.setAside("tl.landing")).get()
                .satisfies(s -> assertThat(s.reason().zh()).contains("由企业自主选择其一").contains("不同时享受"));
    }

    @Test
    void the_applicants_choice_is_kept_even_when_smaller_and_the_larger_is_named() {
        AwardResult landing = award("tl.landing", LANDED, 0);
        AwardResult rent = award("tl.rent", LANDED, 0);
        StackingResolver.Resolution r = RESOLVER.resolve(List.of(landing, rent), Map.of("tl/S1", "tl.landing"));
        assertThat(r.kept()).extracting(AwardResult::clauseId).containsExactly("tl.landing");
        assertThat(r.choice("tl/S1").orElseThrow().chosenByApplicant()).isTrue();
        assertThat(r.choice("tl/S1").orElseThrow().note().zh()).contains("金额最高者为 tl.rent");
        assertThat(r.setAside("tl.rent")).isPresent();
    }

    @Test
    void a_choice_outside_its_group_or_of_a_best_group_is_refused() {
        AwardResult landing = award("tl.landing", LANDED, 0);
        assertThatThrownBy(() -> RESOLVER.resolve(List.of(landing), Map.of("tl/S1", "tl.a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in group tl/S1");
        assertThatThrownBy(() -> RESOLVER.resolve(List.of(landing), Map.of("nope", "tl.a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no stacking group 'nope'");
    }

    @Test
    void at_most_two_a_year_keeps_the_two_largest_and_sets_the_third_aside() {
        List<AwardResult> awards = List.of(award("tl.a", LANDED, 0), award("tl.b", LANDED, 0),
                award("tl.c", LANDED, 0));
        StackingResolver.Resolution r = RESOLVER.resolve(awards);
        assertThat(r.kept()).extracting(AwardResult::clauseId).containsExactly("tl.b", "tl.c");
        assertThat(r.setAside("tl.a")).get().satisfies(s -> {
            assertThat(s.limit().orElseThrow().id()).isEqualTo("tl/two-a-year");
            assertThat(s.keptClauseIds()).containsExactly("tl.c", "tl.b");
            assertThat(s.reason().zh()).contains("同一年度最多 2 项").contains("不予支持");
        });
    }

    @Test
    void with_one_already_received_this_year_only_the_largest_fits() {
        List<AwardResult> awards = List.of(award("tl.a", LANDED, 1), award("tl.b", LANDED, 1),
                award("tl.c", LANDED, 1));
        assertThat(awards).allSatisfy(a -> assertThat(a.reachedLimits()).isEmpty());
        StackingResolver.Resolution r = RESOLVER.resolve(awards);
        assertThat(r.kept()).extracting(AwardResult::clauseId).containsExactly("tl.c");
        assertThat(r.setAside()).hasSize(2);
    }

    @Test
    void a_reached_limit_refuses_the_award_and_names_itself() {
        AwardResult once = award("tl.once", LANDED, 1);
        assertThat(once.amount()).isEqualByComparingTo("0.00");
        assertThat(once.uncappedAmount()).isEqualByComparingTo("500000.00");
        assertThat(once.reachedLimits()).singleElement()
                .satisfies(l -> assertThat(l.limit().id()).isEqualTo("tl/once-in-3-years"));
        assertThat(once.limitsApplied().get(0).limit().firstYear(2025)).isEqualTo(2023);
    }

    @Test
    void a_history_that_cannot_count_refuses_loudly_instead_of_passing_the_limit() {
        AwardHistory amountsOnly = (cap, year) -> Money.ZERO;
        assertThatThrownBy(() -> EVALUATOR.computeAward(PACK.clause("tl.once").orElseThrow(), PACK.facts(LANDED),
                amountsOnly, 2025)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("tl/once-in-3-years");
    }

    @Test
    void a_schedule_year_not_listed_pays_nothing_and_says_so() {
        // eligibility stops year 4 (连续三年); the formula alone also pays nothing for it
        AwardResult fourth = award("tl.rent", Map.of("claim.landed", true, "claim.support_year", 4,
                "claim.annual_rent", 3000000), 0);
        assertThat(fourth.amount()).isEqualByComparingTo("0.00");
        assertThat(fourth.trace()).anySatisfy(t -> assertThat(t.zh()).contains("第4年不在支持年限（第1—3年）内"));
    }

    @Test
    void a_quarterly_figure_says_its_period() {
        assertThat(PACK.vocabulary().require("claim.q1_revenue_increase").period()).contains(FactPeriod.QUARTER);
        assertThat(PACK.vocabulary().require("claim.annual_rent").period()).isEmpty();
    }

    @Test
    void broken_limits_and_schedules_are_refused_at_load_with_their_place(@TempDir Path dir) throws IOException {
        Path engine = Path.of("src/test/resources/packs/engine");
        for (String f : PackCopy.yamlFiles(engine)) {
            Files.copy(engine.resolve(f), dir.resolve(f));
        }
        String doc = Files.readString(dir.resolve("engine-limits.yaml"), StandardCharsets.UTF_8)
                .replace("clauses: [tl.a, tl.b, tl.c]", "clauses: [tl.a, tl.b, tl.zz]")
                .replace("at_most: 1\n", "at_most: 0\n")
                .replace("rule: choose", "rule: pick")
                .replace("history: {tl/two-a-year: 1}", "history: {tl/two-a-yr: 1}")
                .replace("            3: {rate_of_base", "            third: {rate_of_base");
        Files.writeString(dir.resolve("engine-limits.yaml"), doc, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PolicyPackLoader.fromDirectory(dir)).isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("engine-limits.yaml $.limits[0].clauses[2]: no clause 'tl.zz' in this policy")
                .hasMessageContaining(
                        "engine-limits.yaml $.limits[1].at_most: a limit allows at least one award, got 0")
                .hasMessageContaining("$.stacking.groups[0].rule: unknown value 'pick'; expected one of best, choose")
                .hasMessageContaining("'tl/two-a-yr' is not a cap or limit of this clause")
                .hasMessageContaining("a year of support is a whole number from 1, got 'third'");
    }
}
