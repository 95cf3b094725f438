package cn.huiqi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.huiqi.engine.eval.EligibilityResult;
import cn.huiqi.engine.eval.Evaluator;
import cn.huiqi.engine.eval.ReasonKind;
import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.engine.load.PolicyValidationException;
import cn.huiqi.engine.model.Region;

/** A clause applies only to enterprises registered in its policy's area (policies/regions.yaml). */
class RegionTest {

    static final Path PACK_DIR = Path.of("..", "policies");
    static final PolicyPack PACK = PolicyPackLoader.fromDirectory(PACK_DIR);
    static final Evaluator EVALUATOR = new Evaluator();

    /** 长新管规〔2023〕11号 (十二): 3 masters hired; eligible wherever the region allows. */
    static EligibilityResult talent(String regionCode) {
        Map<String, Object> facts = new HashMap<>(Map.of("enterprise.legal_form", "limited_liability_company",
                "claim.talent.masters_hired", 3, "claim.talent.phds_hired", 0, "claim.talent.postdocs_hired", 0));
        if (regionCode != null) {
            facts.put("enterprise.region_code", regionCode);
        }
        return EVALUATOR.checkEligibility(PACK.clause("ccxq-2023-11.12").orElseThrow(), PACK.facts(facts),
                LocalDate.of(2025, 6, 30));
    }

    @Test
    void an_enterprise_of_the_high_tech_zone_is_in_changchun_new_area() {
        assertThat(talent("220173").outcome()).isEqualTo(EligibilityResult.Outcome.ELIGIBLE);
    }

    @Test
    void an_enterprise_of_haidian_is_refused_a_changchun_award_with_the_reason() {
        EligibilityResult r = talent("110108");
        assertThat(r.outcome()).isEqualTo(EligibilityResult.Outcome.NOT_ELIGIBLE);
        assertThat(r.reasons()).anySatisfy(reason -> {
            assertThat(reason.kind()).isEqualTo(ReasonKind.NOT_IN_REGION);
            assertThat(reason.actual()).contains("110108");
            assertThat(reason.message().zh()).contains("不在政策适用区域吉林省长春市长春新区内");
        });
    }

    @Test
    void a_district_partly_in_the_new_area_passes_with_a_note_for_review() {
        EligibilityResult r = talent("220104");
        assertThat(r.outcome()).isEqualTo(EligibilityResult.Outcome.ELIGIBLE);
        assertThat(r.reasons()).anySatisfy(reason -> {
            assertThat(reason.kind()).isEqualTo(ReasonKind.NOTE);
            assertThat(reason.message().zh()).contains("部分属于吉林省长春市长春新区").contains("由审核确认");
        });
    }

    @Test
    void without_a_registered_division_nothing_is_decided_about_the_region() {
        assertThat(talent(null).outcome()).isEqualTo(EligibilityResult.Outcome.ELIGIBLE);
    }

    @Test
    void every_policy_of_the_pack_knows_its_divisions() {
        assertThat(PACK.policies()).allSatisfy(p -> assertThat(p.region().match("000000"))
                .as(p.id() + " " + p.region().code()).isNotEqualTo(Region.Match.UNKNOWN));
        assertThat(PACK.policies()).anySatisfy(p -> assertThat(p.region().code()).isEqualTo("cn-bj-haidian"));
    }

    @Test
    void a_policy_in_an_undeclared_region_is_refused_at_load(@TempDir Path dir) throws IOException {
        PackCopy.subset(PACK_DIR, dir, "cn-jl-changchun-new-area-2023-11.yaml");
        Files.copy(PACK_DIR.resolve("regions.yaml"), dir.resolve("regions.yaml"));
        Files.writeString(dir.resolve("index.yaml"), Files.readString(dir.resolve("index.yaml"))
                .replace("policies:", "regions: regions.yaml\npolicies:"));
        Path doc = dir.resolve("cn-jl-changchun-new-area-2023-11.yaml");
        Files.writeString(doc, Files.readString(doc, StandardCharsets.UTF_8).replace("code: cn-jl-changchun-new-area",
                "code: cn-jl-nowhere"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PolicyPackLoader.fromDirectory(dir)).isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("$.region.code: unknown region 'cn-jl-nowhere'");
    }
}
