package cn.huiqi.eligibility;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import cn.huiqi.events.Topics;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestTopics;
import cn.huiqi.infra.TestUscc;

/** 政策计算器 and catalog search over HTTP. */
@QuarkusTest
class CalculatorTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void talentClausePaysAndComesFirst() {
        JsonPath r = calculate(Map.of("facts", Map.of("enterprise.legal_form", "limited_liability_company",
                "claim.talent.masters_hired", 3, "claim.talent.phds_hired", 2, "claim.talent.postdocs_hired", 1),
                "asOf", "2026-11-23"));
        assertThat(r.getString("clauses[0].clauseId")).isEqualTo("ccxq-2023-11.12");
        assertThat(r.getString("clauses[0].outcome")).isEqualTo("eligible");
        assertThat(r.getString("clauses[0].amount")).isEqualTo("55000.00");
        assertThat(r.getList("clauses[0].trace", String.class)).contains("硕士 3 人 × 5,000.00 = 15,000.00");
        assertThat(r.getString("totalGrants")).isEqualTo("55000.00");
        // Every clause of the catalog is judged.
        assertThat(r.getList("clauses")).hasSizeGreaterThan(20);
    }

    @Test
    void sameKindOfMatterPaysOnceTheBest() {
        // One platform, 8,000,000 invested: (二) 40% = 3,200,000 and (三) 30% → 3,000,000 (cap) are 同类 (S1).
        Map<String, Object> facts = Map.of("enterprise.legal_form", "limited_liability_company",
                "claim.platform.is_track_public_tech_platform", true, "claim.platform.newly_established", true,
                "claim.platform.recognized_by_new_area", true, "claim.platform.actual_investment", 8000000,
                "claim.industrial_internet.benchmark_platform", true,
                "claim.industrial_internet.platform_investment", 8000000);
        JsonPath r = calculate(Map.of("facts", facts, "clauseIds", List.of("ccxq-2023-11.3a", "ccxq-2023-11.2a"),
                "asOf", "2026-11-23"));
        assertThat(r.getString("clauses[0].clauseId")).isEqualTo("ccxq-2023-11.2a");
        assertThat(r.getString("clauses[0].amount")).isEqualTo("3200000.00");
        assertThat(r.getString("clauses[1].clauseId")).isEqualTo("ccxq-2023-11.3a");
        assertThat(r.getString("clauses[1].outcome")).isEqualTo("eligible");
        assertThat(r.getString("clauses[1].setAside.zh")).contains("ccxq-2023-11.2a").contains("不予重复享受");
        assertThat(r.getString("totalGrants")).isEqualTo("3200000.00");
    }

    @Test
    void missingFactsMakeAClauseIncompleteAndAreNamed() {
        JsonPath r = calculate(Map.of("facts", Map.of("enterprise.legal_form", "limited_liability_company"),
                "clauseIds", List.of("ccxq-2023-11.12"), "asOf", "2026-11-23"));
        assertThat(r.getString("clauses[0].outcome")).isEqualTo("incomplete");
        assertThat(r.getList("clauses[0].missingFacts", String.class)).contains("claim.talent.masters_hired");
        assertThat(r.getString("totalGrants")).isEqualTo("0.00");
    }

    @Test
    void nearMissSaysByHowMuch() {
        JsonPath r = calculate(Map.of("facts", Map.of("enterprise.legal_form", "limited_liability_company",
                "claim.park.is_featured_park", true, "claim.park.enterprise_count", 19,
                "claim.park.track_enterprise_share", 0.75), "clauseIds", List.of("ccxq-2023-11.1a"), "asOf",
                "2026-11-23"));
        assertThat(r.getString("clauses[0].outcome")).isEqualTo("not_eligible");
        assertThat(r.getList("clauses[0].reasons.findAll { it.kind == 'condition_not_met' }.shortfall", String.class))
                .containsExactly("1");
    }

    @Test
    void draftPolicyClauseIsAPreviewNotAGrant() {
        JsonPath r = calculate(Map.of("facts", Map.of("claim.sti.specialized_sme_first_level", "municipal"),
                "clauseIds", List.of("ccst-draft.17c"), "asOf", "2026-11-23"));
        assertThat(r.getString("clauses[0].outcome")).isEqualTo("eligible");
        assertThat(r.getBoolean("clauses[0].preview")).isTrue();
        assertThat(r.getString("clauses[0].amount")).isEqualTo("100000.00");
        assertThat(r.getString("totalGrants")).isEqualTo("0.00");
    }

    @Test
    void registeredEnterpriseLendsItsFacts() {
        String uscc = TestUscc.random();
        TestTopics.send(bootstrapServers, Topics.ENTERPRISE, DeterminationTest.registered(uscc, "branch"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status;
        do {
            sleep(200);
            status = given().auth().oauth2(TestTokens.enterprise(uscc)).contentType(ContentType.JSON)
                    .body(Map.of("uscc", uscc, "facts",
                            Map.of("claim.talent.masters_hired", 1), "clauseIds", List.of("ccxq-2023-11.12")))
                    .post("/api/v1/calculator").statusCode();
        } while (status == 422 && System.nanoTime() < deadline);
        // A branch has no legal personality of its own: the registered legal form decides.
        given().auth().oauth2(TestTokens.enterprise(uscc)).contentType(ContentType.JSON).body(Map.of("uscc", uscc,
                "facts", Map.of("claim.talent.masters_hired", 1), "clauseIds", List.of("ccxq-2023-11.12")))
                .post("/api/v1/calculator").then().statusCode(200)
                .body("clauses[0].outcome", equalTo("not_eligible"))
                .body("clauses[0].reasons.fact", hasItem("enterprise.legal_form"));
    }

    @Test
    void badFactsAndUnknownClausesAreProblems() {
        given().auth().oauth2(anyone()).contentType(ContentType.JSON)
                .body(Map.of("facts", Map.of("claim.talent.masters_hired", "many")))
                .post("/api/v1/calculator").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:invalid-facts"))
                .body("violations.fact", hasItem("claim.talent.masters_hired"));
        given().auth().oauth2(anyone()).contentType(ContentType.JSON)
                .body(Map.of("facts", Map.of(), "clauseIds", List.of("nope")))
                .post("/api/v1/calculator").then().statusCode(422)
                .body("type", equalTo("urn:huiqi:problem:unknown-clause"));
    }

    @Test
    void catalogSearch() {
        given().auth().oauth2(anyone()).get("/api/v1/clauses?q=双一流").then().statusCode(200).body("id",
                hasItem("ccxq-2023-11.12"));
        given().auth().oauth2(anyone()).get("/api/v1/clauses?department=人社局").then().statusCode(200)
                .body("id", hasItem("ccxq-2023-11.12"));
        JsonPath drafts = given().auth().oauth2(anyone()).get("/api/v1/policies?status=draft_for_comment").then()
                .statusCode(200).extract()
                .jsonPath();
        assertThat(drafts.getList("id", String.class)).isNotEmpty().doesNotContain("cn-jl-changchun-new-area-2023-11");
        assertThat(given().auth().oauth2(anyone()).get("/api/v1/policies?inForceOn=2026-11-23").then().statusCode(200)
                .extract().jsonPath()
                .getList("id", String.class)).contains("cn-jl-changchun-new-area-2023-11");
    }

    private static JsonPath calculate(Map<String, Object> body) {
        return given().auth().oauth2(anyone()).contentType(ContentType.JSON).body(body).post("/api/v1/calculator")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** A caller of its own: the calculator's rate limit counts per caller. */
    static String anyone() {
        return TestTokens.enterprise(TestUscc.random());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theCalculatorIsRateLimitedPerCallerWith429AndRetryAfter() {
        String token = TestTokens.enterprise(TestUscc.random());
        Map<String, Object> body = Map.of("facts", Map.of("claim.talent.masters_hired", 1), "clauseIds",
                List.of("ccxq-2023-11.12"));
        for (int i = 0; i < 30; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/calculator").then()
                    .statusCode(200);
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/calculator").then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("\\d+"))
                .body("type", equalTo("urn:huiqi:problem:rate-limited"));
        // Another caller is not affected.
        given().auth().oauth2(anyone()).contentType(ContentType.JSON).body(body).post("/api/v1/calculator").then()
                .statusCode(200);
    }

    @Test
    void anEnterpriseCannotLendAnotherEnterprisesFactsToTheCalculator() {
        String a = TestUscc.random();
        TestTopics.send(bootstrapServers, Topics.ENTERPRISE, DeterminationTest.registered(a, "branch"));
        Map<String, Object> body = Map.of("uscc", a, "facts", Map.of("claim.talent.masters_hired", 1),
                "clauseIds", List.of("ccxq-2023-11.12"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (given().auth().oauth2(TestTokens.official()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/calculator").statusCode() == 422 && System.nanoTime() < deadline) {
            sleep(200);
        }
        // The same answer as for a code nobody registered.
        given().auth().oauth2(TestTokens.enterprise(TestUscc.random())).contentType(ContentType.JSON).body(body)
                .post("/api/v1/calculator").then().statusCode(422)
                .body("type", equalTo("urn:huiqi:problem:unknown-enterprise"));
        given().auth().oauth2(TestTokens.enterprise(a)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/calculator").then().statusCode(200);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/calculator").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void catalogPagesAreBoundedAndNeedAToken() {
        given().auth().oauth2(anyone()).get("/api/v1/clauses?limit=2").then().statusCode(200)
                .body("size()", equalTo(2));
        given().auth().oauth2(anyone()).get("/api/v1/clauses?limit=1000").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("limit"));
        given().get("/api/v1/policies").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.policyAdmin()).get("/api/v1/policies").then().statusCode(200);
    }

    /** 海淀23条 03 (并购) for an enterprise registered in Haidian (110108). */
    static final Map<String, Object> HAIDIAN_MA = Map.of("enterprise.region_code", "110108",
            "enterprise.legal_form", "joint_stock_company", "claim.hd23.listed_domestic", true,
            "claim.hd23.ma_domestic_acquisition", true, "claim.hd23.ma_equity_acquired", 0.7,
            "claim.hd23.ma_transaction_value", 100000000, "claim.hd23.ma_consolidated_in_haidian", true,
            "claim.hd23.ma_completed", true, "claim.hd23.ma_intermediary_fees", 3000000,
            "claim.talent.masters_hired", 3);

    @Test
    void aHaidianEnterpriseGetsHaidianAwardsAndIsToldChangchunsAreNotForItsRegion() {
        JsonPath r = calculate(Map.of("facts", HAIDIAN_MA, "clauseIds", List.of("hd23.03", "ccxq-2023-11.12"),
                "asOf", "2025-06-30"));
        assertThat(r.getString("clauses.find { it.clauseId == 'hd23.03' }.outcome")).isEqualTo("eligible");
        assertThat(r.getString("clauses.find { it.clauseId == 'hd23.03' }.amount")).isEqualTo("2000000.00");
        assertThat(r.getString("clauses.find { it.clauseId == 'ccxq-2023-11.12' }.outcome"))
                .isEqualTo("not_eligible");
        assertThat(r.getList("clauses.find { it.clauseId == 'ccxq-2023-11.12' }.reasons.kind", String.class))
                .contains("not_in_region");
        assertThat(r.getString("totalGrants")).isEqualTo("2000000.00");
    }

    @Test
    void theWholeCatalogAnswersForEveryRegion() {
        for (String division : List.of("220173", "110108", "110105", "110112", "370902", "130102")) {
            JsonPath r = calculate(Map.of("facts", Map.of("enterprise.region_code", division,
                    "enterprise.legal_form", "limited_liability_company"), "asOf", "2025-06-30"));
            assertThat(r.getList("clauses")).as(division).hasSizeGreaterThan(300);
            assertThat(r.getList("clauses.findAll { !it.reasons.any { x -> x.kind == 'not_in_region' } }"))
                    .as("clauses of " + division + "'s own areas").isNotEmpty();
        }
    }

    /** 门头沟 第六条: 300,000 as a member of the partner plan, or 200,000 as a digital-economy benchmark; one of them. */
    static final Map<String, Object> MENTOUGOU = Map.of("claim.mtgai.agi_partner_member", true,
            "claim.mtgai.key_ai_enterprise", false, "claim.mtgai.digital_economy_benchmark", true);

    @Test
    void inAGroupTheApplicantChoosesFromThePlatformRecommendsTheLargestAndRecordsAChoice() {
        JsonPath recommended = calculate(Map.of("facts", MENTOUGOU, "clauseIds",
                List.of("mtg-ai.6a", "mtg-ai.6b"), "asOf", "2025-06-30"));
        assertThat(recommended.getString("clauses.find { it.clauseId == 'mtg-ai.6a' }.choice.zh"))
                .contains("由企业自主选择其一").contains("推荐金额最高的 mtg-ai.6a");
        assertThat(recommended.getString("clauses.find { it.clauseId == 'mtg-ai.6b' }.setAside.zh"))
                .contains("不同时享受");

        JsonPath chosen = calculate(Map.of("facts", MENTOUGOU, "clauseIds", List.of("mtg-ai.6a", "mtg-ai.6b"),
                "asOf", "2025-06-30", "choices", Map.of("mtg-ai/S6", "mtg-ai.6b")));
        assertThat(chosen.getString("clauses.find { it.clauseId == 'mtg-ai.6b' }.choice.zh"))
                .contains("企业已选择 mtg-ai.6b").contains("金额最高者为 mtg-ai.6a");
        assertThat(chosen.getString("clauses.find { it.clauseId == 'mtg-ai.6a' }.setAside")).isNotNull();

        given().auth().oauth2(anyone()).contentType(ContentType.JSON)
                .body(Map.of("facts", MENTOUGOU, "clauseIds", List.of("mtg-ai.6a"), "asOf", "2025-06-30",
                        "choices", Map.of("mtg-ai/S6", "ccxq-2023-11.12")))
                .post("/api/v1/calculator").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:invalid-choice"));
    }

    @Test
    void catalogFiltersByIndustryRegionAndDateAndShowsTheEncoding() {
        List<String> health = given().auth().oauth2(anyone()).get("/api/v1/policies?industry=digital_healthcare")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
        assertThat(health).contains("cn-bj-chaoyang-digital-medical", "cn-bj-haidian-23-measures")
                .doesNotContain("cn-bj-fengtai-future-food", "cn-bj-tongzhou-agriculture");
        given().auth().oauth2(anyone()).get("/api/v1/policies?industry=quantum").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:huiqi:problem:unknown-industry"));
        List<String> haidian = given().auth().oauth2(anyone()).get("/api/v1/clauses?region=cn-bj-haidian&limit=200")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
        assertThat(haidian).isNotEmpty().allSatisfy(id -> assertThat(id).startsWith("hd23."));
        // 合成生物制造 runs from 2024-09-14 to 2026-12-31
        assertThat(given().auth().oauth2(anyone()).get("/api/v1/clauses?inForceOn=2027-01-01&limit=200").then()
                .statusCode(200).extract().jsonPath().getList("policyId", String.class))
                .doesNotContain("cn-bj-synthetic-biomanufacturing");
        given().auth().oauth2(anyone()).get("/api/v1/clauses/hd23.03").then().statusCode(200)
                .body("encoding.caps[0].id", equalTo("hd23.03/item"))
                .body("encoding.caps[0].scope", equalTo("item"))
                .body("encoding.factsRead", hasItem("claim.hd23.ma_transaction_value"))
                .body("encoding.eligibility.zh", org.hamcrest.Matchers.containsString("并购"));
        given().auth().oauth2(anyone()).get("/api/v1/clauses/zgc-ei.6a").then().statusCode(200)
                .body("encoding.limits[0].id", equalTo("zgc-ei/once-in-3-years"))
                .body("encoding.limits[0].years", equalTo(3))
                .body("encoding.stackingRule", equalTo("choose"));
    }
}
