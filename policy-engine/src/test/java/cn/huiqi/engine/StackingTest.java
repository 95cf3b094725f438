package cn.huiqi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
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
import cn.huiqi.engine.model.Policy;
import cn.huiqi.engine.model.StackingRule;

/** 符合同类政策事项，可按最优执行，但不重复执行: the groups of 长新管规〔2023〕11号 and their resolution. */
class StackingTest {

    static final PolicyPack PACK = PolicyPackLoader.fromClasspath("policies");
    static final Evaluator EVALUATOR = new Evaluator();

    @Test
    void documentDeclaresItsGroups() {
        Policy policy = PACK.policy("cn-jl-changchun-new-area-2023-11").orElseThrow();
        assertThat(policy.stacking().orElseThrow().groups())
                .extracting(g -> g.id())
                .containsExactly("ccxq-2023-11/S1", "ccxq-2023-11/S2", "ccxq-2023-11/S4", "ccxq-2023-11/S7");
        assertThat(policy.stacking().orElseThrow().groups()).allMatch(g -> g.rule() == StackingRule.BEST);
    }

    @Test
    void theBetterOfTwoPlatformSubsidiesIsKeptAndTheOtherSetAsideWithItsReason() {
        // One industrial-internet platform, 8,000,000 invested: (二) 40% = 3,200,000; (三) 30% = 2,400,000 → cap 3,000,000.
        AwardResult publicPlatform = award("ccxq-2023-11.2a",
                Map.of("enterprise.legal_form", "limited_liability_company",
                        "claim.platform.is_track_public_tech_platform", true, "claim.platform.newly_established", true,
                        "claim.platform.recognized_by_new_area", true, "claim.platform.actual_investment", 8000000));
        AwardResult benchmark = award("ccxq-2023-11.3a", Map.of("enterprise.legal_form", "limited_liability_company",
                "claim.industrial_internet.benchmark_platform", true,
                "claim.industrial_internet.platform_investment", 8000000));
        AwardResult talent = award("ccxq-2023-11.12", Map.of("enterprise.legal_form", "limited_liability_company",
                "claim.talent.masters_hired", 1, "claim.talent.phds_hired", 0, "claim.talent.postdocs_hired", 0));

        StackingResolver.Resolution r = new StackingResolver(PACK).resolve(List.of(benchmark, publicPlatform, talent));
        assertThat(r.kept()).extracting(AwardResult::clauseId).containsExactly("ccxq-2023-11.2a", "ccxq-2023-11.12");
        assertThat(r.setAside("ccxq-2023-11.3a")).get().satisfies(s -> {
            assertThat(s.keptClauseIds()).containsExactly("ccxq-2023-11.2a");
            assertThat(s.group().orElseThrow().id()).isEqualTo("ccxq-2023-11/S1");
            assertThat(s.reason().zh()).contains("同一平台的建设投资").contains("3,200,000.00").contains("不予重复享受");
        });
        assertThat(r.kept().stream().map(AwardResult::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("3205000.00");
    }

    @Test
    void awardsOutsideAnyGroupAreAllKept() {
        AwardResult talent = award("ccxq-2023-11.12", Map.of("enterprise.legal_form", "limited_liability_company",
                "claim.talent.masters_hired", 2, "claim.talent.phds_hired", 0, "claim.talent.postdocs_hired", 0));
        assertThat(new StackingResolver(PACK).resolve(List.of(talent)).setAside()).isEmpty();
    }

    @Test
    void groupNamingAnUnknownOrAlreadyGroupedClauseIsRefused(@TempDir Path dir) throws IOException {
        Path pack = Path.of("../policies");
        PackCopy.subset(pack, dir, "cn-jl-changchun-sti-new-productive-forces-draft.yaml",
                "cn-jl-changchun-new-area-2023-11.yaml");
        Files.createDirectories(dir.resolve("coverage"));
        String doc = Files.readString(pack.resolve("cn-jl-changchun-new-area-2023-11.yaml"))
                .replace("clauses: [ccxq-2023-11.10, ccxq-2023-11.11]", "clauses: [ccxq-2023-11.10, ccxq-2023-11.99]")
                .replace("clauses: [ccxq-2023-11.5a, ccxq-2023-11.5b]", "clauses: [ccxq-2023-11.5a, ccxq-2023-11.2a]");
        Files.writeString(dir.resolve("cn-jl-changchun-new-area-2023-11.yaml"), doc);
        assertThatThrownBy(() -> PolicyPackLoader.fromDirectory(dir))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("no clause 'ccxq-2023-11.99' in this policy")
                .hasMessageContaining("clause 'ccxq-2023-11.2a' is already in another stacking group");
    }

    private static AwardResult award(String clauseId, Map<String, Object> facts) {
        return EVALUATOR.computeAward(PACK.clause(clauseId).orElseThrow(), PACK.facts(facts), AwardHistory.none(),
                2026);
    }
}
