package cn.huiqi.award;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.AwardProposedV1;
import cn.huiqi.events.payload.EligibilityDeterminedV1;
import cn.huiqi.infra.HuiqiTestInfra;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestTopics;
import cn.huiqi.infra.TestUscc;

/** Awards computed from real eligibility events into the ledger, and published. */
@QuarkusTest
@QuarkusTestResource(value = HuiqiTestInfra.class, initArgs = @ResourceArg(name = HuiqiTestInfra.DATABASE, value = "huiqi_award"))
class AwardLedgerTest {

    static final String TALENT = "ccxq-2023-11.12";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Test
    void talentAwardIsThePerHeadSumAndIsPublished() {
        String uscc = TestUscc.random();
        UUID applicationId = UUID.randomUUID();
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, eligible(uscc, applicationId, 2026, 3, 2, 1));

        AwardProposedV1 award = published(uscc, 1).get(0);
        assertThat(award.amount()).isEqualTo(new BigDecimal("55000.00"));
        assertThat(award.trace()).contains("硕士 3 人 × 5,000.00 = 15,000.00", "博士 2 人 × 10,000.00 = 20,000.00",
                "博士后 1 人 × 20,000.00 = 20,000.00");
        given().auth().oauth2(TestTokens.official()).get("/api/v1/awards/" + applicationId).then().statusCode(200)
                .body("amount", equalTo("55000.00"))
                .body("kind", equalTo("PROPOSED"));

        // The enterprise reads its own award; another enterprise is told there is none.
        given().auth().oauth2(TestTokens.enterprise(uscc)).get("/api/v1/awards/" + applicationId).then()
                .statusCode(200).body("amount", equalTo("55000.00"));
        given().auth().oauth2(TestTokens.enterprise(TestUscc.random())).get("/api/v1/awards/" + applicationId)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:not-found"));
        given().auth().oauth2(TestTokens.enterprise(TestUscc.random())).get("/api/v1/enterprises/" + uscc
                + "/awards").then().statusCode(404);
        given().auth().oauth2(TestTokens.policyAdmin()).get("/api/v1/awards/" + applicationId).then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + uscc + "/awards?limit=500").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void sameDeterminationDeliveredThreeTimesMakesOneEntry() {
        String uscc = TestUscc.random();
        EventEnvelope determination = eligible(uscc, UUID.randomUUID(), 2026, 1, 0, 0);
        // Same key, same partition: when the sentinel's award exists, the three copies were all consumed.
        EventEnvelope sentinel = eligible(uscc, UUID.randomUUID(), 2025, 0, 1, 0);
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, determination, determination, determination, sentinel);

        List<AwardProposedV1> awards = published(uscc, 2);
        assertThat(awards).extracting(AwardProposedV1::amount)
                .containsExactlyInAnyOrder(new BigDecimal("5000.00"), new BigDecimal("10000.00"));
        JsonPath ledger = given().auth().oauth2(TestTokens.official()).get("/api/v1/enterprises/" + uscc + "/awards")
                .then().statusCode(200).extract()
                .jsonPath();
        assertThat(ledger.getList("$")).hasSize(2);
    }

    @Test
    void yearlyCapBindsAcrossApplicationsAndIsNamed() {
        String uscc = TestUscc.random();
        // 30 postdocs = 600,000.00, capped at 500,000.00; a second application the same year finds nothing left.
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, eligible(uscc, UUID.randomUUID(), 2026, 0, 0, 30));
        assertThat(published(uscc, 1)).hasSize(1);
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, eligible(uscc, UUID.randomUUID(), 2026, 2, 0, 0));

        List<AwardProposedV1> awards = published(uscc, 2);
        assertThat(awards.get(0).amount()).isEqualTo(new BigDecimal("500000.00"));
        assertThat(awards.get(0).uncappedAmount()).isEqualTo(new BigDecimal("600000.00"));
        assertThat(awards.get(0).capsApplied()).singleElement().asString().startsWith(TALENT + "/year")
                .contains("每家企业每年最高奖励50万元");
        assertThat(awards.get(1).amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(awards.get(1).uncappedAmount()).isEqualTo(new BigDecimal("10000.00"));
    }

    /** 中关村提升企业创新能力 第六条: R&D up by 1,000,000 → at most 200,000; 每家企业连续3年只能获得一次. */
    static EventEnvelope zgcRd(String uscc, int year) {
        Map<String, Object> facts = new java.util.HashMap<>(Map.of("enterprise.legal_form",
                "limited_liability_company", "enterprise.qualifications", List.of("high_tech_enterprise"),
                "enterprise.zgcei.zgc_high_tech_enterprise", false, "claim.zgcei.high_end_industry", true,
                "claim.zgcei.years_established", 4, "claim.zgcei.tech_sme_registered_this_year", false,
                "claim.financials.employees", 60, "claim.financials.revenue", 15000000,
                "claim.zgcei.fiscal_years_established", 4, "claim.zgcei.rd_expense_increase", 1000000));
        facts.put("claim.zgcei.credit_sanction_in_period", false);
        facts.put("claim.zgcei.application_ban_in_period", false);
        return EventEnvelope.of(EventTypes.ELIGIBILITY_DETERMINED, "test", uscc,
                new EligibilityDeterminedV1(UUID.randomUUID(), uscc, "zgc-ei.6a", year, true, List.of(), facts));
    }

    @Test
    void onceInThreeYearsRefusesTheNextTwoYearsAgainstTheLedgerAndAllowsTheFourth() {
        String uscc = TestUscc.random();
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, zgcRd(uscc, 2024));
        assertThat(published(uscc, 1).get(0).amount()).isEqualTo(new BigDecimal("200000.00"));
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, zgcRd(uscc, 2026));
        AwardProposedV1 refused = published(uscc, 2).get(1);
        assertThat(refused.amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(refused.capsApplied()).singleElement().asString().startsWith("zgc-ei/once-in-3-years")
                .contains("连续3年内最多 1 次").contains("已获 1 项");
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, zgcRd(uscc, 2027));
        assertThat(published(uscc, 3).get(2).amount()).isEqualTo(new BigDecimal("200000.00"));
    }

    @Test
    void coInvestmentIsAReviewDeterminedMaximumNotAGrant() {
        // 长新管规〔2023〕11号 (十): 跟投 at most 10% of the project, at most 10,000,000 per project, decided on assessment.
        String uscc = TestUscc.random();
        UUID applicationId = UUID.randomUUID();
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, EventEnvelope.of(EventTypes.ELIGIBILITY_DETERMINED,
                "test", uscc, new EligibilityDeterminedV1(applicationId, uscc, "ccxq-2023-11.10", 2026, true,
                        List.of(), Map.of("enterprise.legal_form", "limited_liability_company",
                                "enterprise.is_track_enterprise", true, "claim.fund.invested_by_recognized_institution",
                                true, "claim.fund.project_total_investment", 200000000))));
        AwardProposedV1 award = published(uscc, 1).get(0);
        assertThat(award.amount()).isEqualTo(new BigDecimal("10000000.00"));
        assertThat(award.investment()).isTrue();
        assertThat(award.reviewDetermined()).isTrue();
        given().auth().oauth2(TestTokens.official()).get("/api/v1/awards/" + applicationId).then().statusCode(200)
                .body("awardKind", equalTo("investment"))
                .body("amountBasis", equalTo("review_maximum"));
    }

    @Test
    void ineligibleDeterminationAddsNothing() {
        String uscc = TestUscc.random();
        EventEnvelope ineligible = EventEnvelope.of(EventTypes.ELIGIBILITY_DETERMINED, "test", uscc,
                new EligibilityDeterminedV1(UUID.randomUUID(), uscc, TALENT, 2026, false, List.of(), Map.of()));
        EventEnvelope sentinel = eligible(uscc, UUID.randomUUID(), 2026, 1, 0, 0);
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, ineligible, sentinel);
        assertThat(published(uscc, 1)).singleElement()
                .satisfies(a -> assertThat(a.applicationId()).isEqualTo(sentinel.dataAs(EligibilityDeterminedV1.class)
                        .applicationId()));
    }

    @Test
    void ledgerRefusesEditsAndDeletes() throws Exception {
        String uscc = TestUscc.random();
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, eligible(uscc, UUID.randomUUID(), 2026, 1, 0, 0));
        published(uscc, 1);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE ledger_entry SET amount = 1 WHERE uscc = '" + uscc + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM ledger_entry WHERE uscc = '" + uscc + "'"))
                    .hasMessageContaining("append-only");
        }
    }

    private List<AwardProposedV1> published(String uscc, int count) {
        List<EventEnvelope> events = TestTopics.events(bootstrapServers, Topics.AWARD, uscc, count,
                Duration.ofSeconds(30));
        assertThat(events).hasSize(count);
        return events.stream().map(e -> e.dataAs(AwardProposedV1.class)).toList();
    }

    static EventEnvelope eligible(String uscc, UUID applicationId, int year, int masters, int phds, int postdocs) {
        return EventEnvelope.of(EventTypes.ELIGIBILITY_DETERMINED, "test", uscc,
                new EligibilityDeterminedV1(applicationId, uscc, TALENT, year, true, List.of(),
                        Map.of("enterprise.legal_form", "limited_liability_company", "claim.talent.masters_hired",
                                masters, "claim.talent.phds_hired", phds, "claim.talent.postdocs_hired",
                                postdocs)));
    }
}
