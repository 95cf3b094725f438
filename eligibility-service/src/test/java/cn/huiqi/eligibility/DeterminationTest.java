package cn.huiqi.eligibility;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.ApplicationSubmittedV1;
import cn.huiqi.events.payload.EligibilityDeterminedV1;
import cn.huiqi.events.payload.EnterpriseRegisteredV1;
import cn.huiqi.events.payload.ReasonV1;
import cn.huiqi.infra.HuiqiTestInfra;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestTopics;
import cn.huiqi.infra.TestUscc;

/** Determinations from real enterprise and application events, published back on the eligibility topic. */
@QuarkusTest
@QuarkusTestResource(value = HuiqiTestInfra.class, initArgs = @ResourceArg(name = HuiqiTestInfra.DATABASE, value = "huiqi_eligibility"))
class DeterminationTest {

    static final String TALENT = "ccxq-2023-11.12";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eligibleApplicationIsDeterminedAndPublishedWithItsFacts() {
        String uscc = TestUscc.random();
        TestTopics.send(bootstrapServers, Topics.ENTERPRISE, registered(uscc, "limited_liability_company"));
        UUID applicationId = UUID.randomUUID();
        TestTopics.send(bootstrapServers, Topics.APPLICATION, submitted(uscc, applicationId, 3, 2, 1));

        EligibilityDeterminedV1 d = published(uscc);
        assertThat(d.applicationId()).isEqualTo(applicationId);
        assertThat(d.eligible()).isTrue();
        assertThat(d.reasons()).noneMatch(ReasonV1::blocks);
        assertThat(d.facts()).containsEntry("enterprise.legal_form", "limited_liability_company")
                .containsEntry("claim.talent.phds_hired", 2);

        given().auth().oauth2(TestTokens.official()).get("/api/v1/determinations/" + applicationId).then()
                .statusCode(200)
                .body("state", equalTo("DETERMINED"))
                .body("eligible", equalTo(true))
                .body("asOf", equalTo("2026-11-23"));

        // The enterprise reads its own; another enterprise is told there is no such determination.
        given().auth().oauth2(TestTokens.enterprise(uscc)).get("/api/v1/determinations/" + applicationId).then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.enterprise(TestUscc.random())).get("/api/v1/determinations/"
                + applicationId).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:not-found"));
        given().auth().oauth2(TestTokens.policyAdmin()).get("/api/v1/determinations/" + applicationId).then()
                .statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/determinations/" + applicationId).then().statusCode(401);
    }

    @Test
    void noQualifyingHireIsIneligibleSayingByHowMuch() {
        String uscc = TestUscc.random();
        TestTopics.send(bootstrapServers, Topics.ENTERPRISE, registered(uscc, "joint_stock_company"));
        TestTopics.send(bootstrapServers, Topics.APPLICATION, submitted(uscc, UUID.randomUUID(), 0, 0, 0));

        EligibilityDeterminedV1 d = published(uscc);
        assertThat(d.eligible()).isFalse();
        ReasonV1 reason = d.reasons().stream().filter(ReasonV1::blocks).findFirst().orElseThrow();
        assertThat(reason.kind()).isEqualTo("condition_not_met");
        assertThat(reason.shortfall()).isEqualByComparingTo("1");
        assertThat(reason.source()).startsWith("企业每引进一名国内数字经济领域双一流学科专业的硕士生");
    }

    @Test
    void branchWithoutLegalPersonalityIsIneligible() {
        String uscc = TestUscc.random();
        TestTopics.send(bootstrapServers, Topics.ENTERPRISE, registered(uscc, "branch"));
        TestTopics.send(bootstrapServers, Topics.APPLICATION, submitted(uscc, UUID.randomUUID(), 1, 0, 0));

        EligibilityDeterminedV1 d = published(uscc);
        assertThat(d.eligible()).isFalse();
        assertThat(d.reasons()).filteredOn(ReasonV1::blocks).extracting(ReasonV1::fact)
                .containsExactly("enterprise.legal_form");
    }

    @Test
    void applicationArrivingBeforeItsEnterpriseWaitsForIt() {
        String uscc = TestUscc.random();
        UUID applicationId = UUID.randomUUID();
        TestTopics.send(bootstrapServers, Topics.APPLICATION, submitted(uscc, applicationId, 1, 0, 0));
        awaitState(applicationId, "PENDING");
        assertThat(TestTopics.records(bootstrapServers, Topics.ELIGIBILITY, uscc, 1, Duration.ofSeconds(1)))
                .isEmpty();

        TestTopics.send(bootstrapServers, Topics.ENTERPRISE, registered(uscc, "limited_liability_company"));
        assertThat(published(uscc).eligible()).isTrue();
    }

    @Test
    void aResubmissionIsDeterminedAgainOnItsNewClaimAndTheEarlierOutcomeIsKept() {
        String uscc = TestUscc.random();
        UUID applicationId = UUID.randomUUID();
        TestTopics.send(bootstrapServers, Topics.ENTERPRISE, registered(uscc, "limited_liability_company"));
        TestTopics.send(bootstrapServers, Topics.APPLICATION, submitted(uscc, applicationId, 0, 0, 0, 0));
        assertThat(published(uscc).eligible()).isFalse();

        // Returned for material, the enterprise adds the hires it had left out and resubmits: revision 1.
        TestTopics.send(bootstrapServers, Topics.APPLICATION, submitted(uscc, applicationId, 0, 2, 0, 1));
        List<EligibilityDeterminedV1> determinations = determinations(uscc, 2);
        assertThat(determinations).extracting(EligibilityDeterminedV1::revision).containsExactly(0, 1);
        assertThat(determinations).extracting(EligibilityDeterminedV1::eligible).containsExactly(false, true);
        assertThat(determinations.get(1).facts()).containsEntry("claim.talent.phds_hired", 2);

        // A redelivered or late revision is a duplicate: nothing is determined again.
        TestTopics.send(bootstrapServers, Topics.APPLICATION, submitted(uscc, applicationId, 0, 0, 0, 0));
        TestTopics.send(bootstrapServers, Topics.APPLICATION, submitted(uscc, applicationId, 0, 2, 0, 1));
        assertThat(TestTopics.records(bootstrapServers, Topics.ELIGIBILITY, uscc, 3, Duration.ofSeconds(3)))
                .hasSize(2);

        JsonPath d = given().auth().oauth2(TestTokens.enterprise(uscc)).get("/api/v1/determinations/"
                + applicationId).then().statusCode(200).extract().jsonPath();
        assertThat(d.getInt("revision")).isEqualTo(1);
        assertThat(d.getBoolean("eligible")).isTrue();
        assertThat(d.getList("history.revision", Integer.class)).containsExactly(0, 1);
        assertThat(d.getList("history.eligible", Boolean.class)).containsExactly(false, true);
        assertThat(d.getInt("history[0].claim.'claim.talent.phds_hired'")).isZero();
        assertThat(d.getInt("history[1].claim.'claim.talent.phds_hired'")).isEqualTo(2);

        // And the other way: a revision that no longer meets the condition is ineligible.
        TestTopics.send(bootstrapServers, Topics.APPLICATION, submitted(uscc, applicationId, 0, 0, 0, 2));
        EligibilityDeterminedV1 third = determinations(uscc, 3).get(2);
        assertThat(third.revision()).isEqualTo(2);
        assertThat(third.eligible()).isFalse();
    }

    @Test
    void decimalClaimWaitingInTheDatabaseKeepsItsExactValue() {
        // 长新管规〔2023〕11号 (一): "新赛道企业占比超60%" — 0.61 passes, and must still be 0.61 (not a binary float the
        // engine refuses) after the pending determination was stored and read back.
        String uscc = TestUscc.random();
        UUID applicationId = UUID.randomUUID();
        TestTopics.send(bootstrapServers, Topics.APPLICATION, EventEnvelope.of(EventTypes.APPLICATION_SUBMITTED,
                "test", uscc, new ApplicationSubmittedV1(applicationId, uscc, "ccxq-2023-11.1a", 2026,
                        Map.of("claim.park.is_featured_park", true, "claim.park.enterprise_count", 20,
                                "claim.park.track_enterprise_share", new java.math.BigDecimal("0.61")),
                        OffsetDateTime.parse("2026-11-23T09:30:00+08:00"))));
        awaitState(applicationId, "PENDING");
        TestTopics.send(bootstrapServers, Topics.ENTERPRISE, registered(uscc, "limited_liability_company"));

        EligibilityDeterminedV1 d = published(uscc);
        assertThat(d.reasons()).filteredOn(ReasonV1::blocks).isEmpty();
        assertThat(d.eligible()).isTrue();
        assertThat(d.facts().get("claim.park.track_enterprise_share")).hasToString("0.61");
    }

    @Test
    void catalogShowsTheClauseWithItsSentence() {
        JsonPath policies = given().auth().oauth2(TestTokens.official()).get("/api/v1/policies").then().statusCode(200)
                .extract().jsonPath();
        assertThat(policies.getList("id", String.class)).contains("cn-jl-changchun-new-area-2023-11");
        given().auth().oauth2(TestTokens.official()).get("/api/v1/clauses/" + TALENT).then().statusCode(200)
                .body("number", equalTo("（十二）"))
                .body("department.zh", equalTo("人社局"));
        given().auth().oauth2(TestTokens.official()).get("/api/v1/clauses/no-such-clause").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/v1/determinations/{applicationId}"));
    }

    private EligibilityDeterminedV1 published(String uscc) {
        List<EventEnvelope> events = TestTopics.events(bootstrapServers, Topics.ELIGIBILITY, uscc, 1,
                Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).type()).isEqualTo(EventTypes.ELIGIBILITY_DETERMINED);
        return events.get(0).dataAs(EligibilityDeterminedV1.class);
    }

    private List<EligibilityDeterminedV1> determinations(String uscc, int count) {
        List<EventEnvelope> events = TestTopics.events(bootstrapServers, Topics.ELIGIBILITY, uscc, count,
                Duration.ofSeconds(30));
        assertThat(events).hasSize(count);
        return events.stream().map(e -> e.dataAs(EligibilityDeterminedV1.class)).toList();
    }

    private static void awaitState(UUID applicationId, String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (given().auth().oauth2(TestTokens.official()).get("/api/v1/determinations/" + applicationId)
                    .statusCode() == 200) {
                given().auth().oauth2(TestTokens.official()).get("/api/v1/determinations/" + applicationId).then()
                        .body("state", equalTo(state));
                return;
            }
            sleep();
        }
        throw new AssertionError("determination of " + applicationId + " never appeared");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static EventEnvelope registered(String uscc, String legalForm) {
        return EventEnvelope.of(EventTypes.ENTERPRISE_REGISTERED, "test", uscc, new EnterpriseRegisteredV1(uscc,
                "测试企业", legalForm, "220173", LocalDate.of(2020, 1, 2), Map.of()));
    }

    static EventEnvelope submitted(String uscc, UUID applicationId, int masters, int phds, int postdocs) {
        return submitted(uscc, applicationId, masters, phds, postdocs, 0);
    }

    static EventEnvelope submitted(String uscc, UUID applicationId, int masters, int phds, int postdocs,
            int revision) {
        return EventEnvelope.of(EventTypes.APPLICATION_SUBMITTED, "test", uscc, new ApplicationSubmittedV1(
                applicationId, uscc, TALENT, 2026, Map.of("claim.talent.masters_hired", masters,
                        "claim.talent.phds_hired", phds, "claim.talent.postdocs_hired", postdocs),
                OffsetDateTime.parse("2026-11-23T09:30:00+08:00"), revision));
    }
}
