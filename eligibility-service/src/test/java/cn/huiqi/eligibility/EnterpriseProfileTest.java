package cn.huiqi.eligibility;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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

import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.ApplicationSubmittedV1;
import cn.huiqi.events.payload.EligibilityDeterminedV1;
import cn.huiqi.events.payload.EnterpriseCreditPeriodV1;
import cn.huiqi.events.payload.EnterpriseProfileChangedV1;
import cn.huiqi.events.payload.EnterpriseRegisteredV1;
import cn.huiqi.events.payload.ReasonV1;
import cn.huiqi.infra.HuiqiTestInfra;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestTopics;
import cn.huiqi.infra.TestUscc;

/** enterprise.profile-changed replaces the projection; determinations made after it use the new profile. */
@QuarkusTest
@QuarkusTestResource(value = HuiqiTestInfra.class, initArgs = @ResourceArg(name = HuiqiTestInfra.DATABASE, value = "huiqi_eligibility"))
class EnterpriseProfileTest {

    static final String TALENT = "ccxq-2023-11.12";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aDeterminationAfterAProfileChangeUsesTheNewFactsAndALateOlderChangeIsIgnored() {
        String uscc = TestUscc.random();
        // Registered as a branch (no legal personality: ineligible), then corrected to a limited company (version 3);
        // version 2, still a branch, arrives late and duplicated.
        EventEnvelope late = changed(uscc, 2, "branch", Map.of("enterprise.size_class", "small"));
        TestTopics.send(bootstrapServers, Topics.ENTERPRISE, registered(uscc, "branch"),
                changed(uscc, 3, "limited_liability_company", Map.of("enterprise.size_class", "medium")), late, late);
        UUID applicationId = UUID.randomUUID();
        TestTopics.send(bootstrapServers, Topics.APPLICATION, submitted(uscc, applicationId));

        EligibilityDeterminedV1 d = published(uscc);
        assertThat(d.applicationId()).isEqualTo(applicationId);
        assertThat(d.eligible()).isTrue();
        assertThat(d.facts()).containsEntry("enterprise.legal_form", "limited_liability_company")
                .containsEntry("enterprise.size_class", "medium");
        given().auth().oauth2(TestTokens.official()).get("/api/v1/determinations/" + applicationId).then()
                .statusCode(200).body("eligible", equalTo(true));
    }

    @Test
    void aProfileChangeDeterminesTheApplicationsWaitingForTheEnterprise() {
        String uscc = TestUscc.random();
        UUID applicationId = UUID.randomUUID();
        TestTopics.send(bootstrapServers, Topics.APPLICATION, submitted(uscc, applicationId));
        awaitPending(applicationId);

        TestTopics.send(bootstrapServers, Topics.ENTERPRISE, changed(uscc, 2, "branch", Map.of()));
        EligibilityDeterminedV1 d = published(uscc);
        assertThat(d.eligible()).isFalse();
        assertThat(d.reasons()).filteredOn(ReasonV1::blocks).extracting(ReasonV1::fact)
                .containsExactly("enterprise.legal_form");
    }

    private EligibilityDeterminedV1 published(String uscc) {
        List<EventEnvelope> events = TestTopics.events(bootstrapServers, Topics.ELIGIBILITY, uscc, 1,
                Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        return events.get(0).dataAs(EligibilityDeterminedV1.class);
    }

    private static void awaitPending(UUID applicationId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (given().auth().oauth2(TestTokens.official()).get("/api/v1/determinations/" + applicationId)
                    .statusCode() == 200) {
                given().auth().oauth2(TestTokens.official()).get("/api/v1/determinations/" + applicationId).then()
                        .body("state", equalTo("PENDING"));
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("determination of " + applicationId + " never appeared");
    }

    static EventEnvelope registered(String uscc, String legalForm) {
        return EventEnvelope.of(EventTypes.ENTERPRISE_REGISTERED, "test", uscc, new EnterpriseRegisteredV1(uscc,
                "测试企业", legalForm, "220173", LocalDate.of(2020, 1, 2), Map.of()));
    }

    static EventEnvelope changed(String uscc, long version, String legalForm, Map<String, Object> facts) {
        return EventEnvelope.of(EventTypes.ENTERPRISE_PROFILE_CHANGED, "test", uscc, new EnterpriseProfileChangedV1(
                uscc, version, "测试企业", legalForm, "220173", LocalDate.of(2020, 1, 2), null, List.of(), null, facts,
                false, List.<EnterpriseCreditPeriodV1>of(), "facts", OffsetDateTime.now()));
    }

    static EventEnvelope submitted(String uscc, UUID applicationId) {
        return EventEnvelope.of(EventTypes.APPLICATION_SUBMITTED, "test", uscc, new ApplicationSubmittedV1(
                applicationId, uscc, TALENT, 2026, Map.of("claim.talent.masters_hired", 1, "claim.talent.phds_hired", 0,
                        "claim.talent.postdocs_hired", 0),
                OffsetDateTime.parse("2026-11-23T09:30:00+08:00")));
    }
}
