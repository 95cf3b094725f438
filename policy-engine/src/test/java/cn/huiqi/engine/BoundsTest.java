package cn.huiqi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import cn.huiqi.engine.eval.EligibilityResult;
import cn.huiqi.engine.eval.Evaluator;
import cn.huiqi.engine.eval.Reason;
import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.engine.model.BoundWording;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Facts;
import cn.huiqi.engine.model.Operator;

/** Comparisons at and around their bounds, as the text's wording says (以上 includes, 超 and 不满 exclude...). */
class BoundsTest {

    static final PolicyPack SEED = PolicyPackLoader.fromClasspath("policies");
    static final PolicyPack ENGINE = PolicyPackLoader.fromClasspath("packs/engine");
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    final Evaluator evaluator = new Evaluator();

    /** 入园企业数达20家以上 (ge, 以上 includes 20) and 新赛道企业占比超60% (gt, 超 excludes 60%). */
    @ParameterizedTest(name = "{0} enterprises, share {1} → eligible {2}, shortfall {3} at {4}")
    @CsvSource({
            "20, 0.61, true, , ",
            "19, 0.61, false, 1, eligibility.all[2]",
            "0, 0.61, false, 20, eligibility.all[2]",
            "20, 0.6, false, , eligibility.all[3]",
            "20, 0.6001, true, , ",
            "20, 0.59, false, 0.01, eligibility.all[3]"})
    void featured_park(int enterprises, String share, boolean eligible, String shortfall, String path) {
        Map<String, Object> raw = new HashMap<>();
        raw.put("enterprise.legal_form", "limited_liability_company");
        raw.put("claim.park.is_featured_park", true);
        raw.put("claim.park.enterprise_count", enterprises);
        raw.put("claim.park.track_enterprise_share", share);
        EligibilityResult r = evaluator.checkEligibility(clause(SEED, "ccxq-2023-11.1a"),
                Facts.of(SEED.vocabulary(), raw), AS_OF);
        assertOutcome(r, eligible, shortfall, path);
    }

    /** 投资500万元以上: 5,000,000.00 qualifies, one fen less does not. */
    @ParameterizedTest(name = "investment {0} → eligible {1}, shortfall {2}")
    @CsvSource({
            "5000000, true, , ",
            "5000000.01, true, , ",
            "4999999.99, false, 0.01, eligibility.all[2]",
            "0, false, 5000000, eligibility.all[2]"})
    void benchmark_platform(String investment, boolean eligible, String shortfall, String path) {
        Facts facts = Facts.of(SEED.vocabulary(), Map.of("enterprise.legal_form", "limited_liability_company",
                "claim.industrial_internet.benchmark_platform", true,
                "claim.industrial_internet.platform_investment", investment));
        EligibilityResult r = evaluator.checkEligibility(clause(SEED, "ccxq-2023-11.3a"), facts, AS_OF);
        assertOutcome(r, eligible, shortfall, path);
    }

    /** 职工人数不满100人 (lt excludes 100) and 本科以上学历占比50%以下 (le includes 50%). */
    @ParameterizedTest(name = "{0} staff, share {1} → eligible {2}, over by {3}")
    @CsvSource({
            "99, 0.5, true, , ",
            "100, 0.5, false, 1, eligibility.all[1]",
            "120, 0.5, false, 21, eligibility.all[1]",
            "99, 0.51, false, 0.01, eligibility.all[2]",
            "0, 0, true, , "})
    void small_firm_staff(int staff, String share, boolean eligible, String excess, String path) {
        Facts facts = Facts.of(ENGINE.vocabulary(), Map.of("enterprise.size_class", "small",
                "claim.staff.count", staff, "claim.staff.graduate_share", share));
        EligibilityResult r = evaluator.checkEligibility(clause(ENGINE, "tp.staff"), facts,
                LocalDate.of(2024, 6, 1));
        assertOutcome(r, eligible, excess, path);
        if (!eligible && path.equals("eligibility.all[1]")) {
            assertThat(r.blockingReasons().get(0).message().zh())
                    .isEqualTo("职工人数：需低于100人，实际" + staff + "人，超出" + excess + "人。");
        }
    }

    @ParameterizedTest
    @EnumSource(BoundWording.class)
    void every_wording_maps_to_bounds_that_include_or_exclude_as_the_civil_code_says(BoundWording w) {
        Set<Operator> ops = w.operators();
        assertThat(ops).isNotEmpty().isSubsetOf(Operator.GE, Operator.LE, Operator.GT, Operator.LT);
        assertThat(ops.stream().allMatch(o -> o.isStrict() != w.includesBound())).isTrue();
        assertThat(BoundWording.fromToken(w.token())).contains(w);
        switch (w.token()) {
            case "以上" :
            case "达到" :
            case "满" :
                assertThat(ops).containsExactly(Operator.GE);
                break;
            case "以下" :
            case "不超过" :
                assertThat(ops).containsExactly(Operator.LE);
                break;
            case "超" :
            case "超过" :
            case "突破" :
                assertThat(ops).containsExactly(Operator.GT);
                break;
            case "不满" :
                assertThat(ops).containsExactly(Operator.LT);
                break;
            case "含" :
                assertThat(ops).containsExactlyInAnyOrder(Operator.GE, Operator.LE);
                break;
            case "不含" :
                assertThat(ops).containsExactlyInAnyOrder(Operator.GT, Operator.LT);
                break;
            default :
                break;
        }
    }

    private static void assertOutcome(EligibilityResult r, boolean eligible, String shortfall, String path) {
        assertThat(r.eligible()).as("%s", r.reasons()).isEqualTo(eligible);
        if (eligible) {
            return;
        }
        assertThat(r.blockingReasons()).hasSize(1);
        Reason reason = r.blockingReasons().get(0);
        assertThat(reason.conditionPath()).isEqualTo(path);
        Optional<BigDecimal> expected = shortfall == null ? Optional.empty() : Optional.of(new BigDecimal(shortfall));
        assertThat(reason.shortfall().map(BigDecimal::stripTrailingZeros))
                .isEqualTo(expected.map(BigDecimal::stripTrailingZeros));
    }

    private static Clause clause(PolicyPack pack, String id) {
        return pack.clause(id).orElseThrow();
    }
}
