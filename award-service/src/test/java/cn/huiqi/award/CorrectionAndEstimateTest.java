package cn.huiqi.award;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import cn.huiqi.award.messaging.ApplicationConsumer;
import cn.huiqi.award.messaging.EligibilityConsumer;
import cn.huiqi.events.EventCodec;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.infra.HuiqiTestInfra;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestUscc;

/** Corrections write the difference as new entries; estimates apply the ledger and write nothing. */
@QuarkusTest
@QuarkusTestResource(value = HuiqiTestInfra.class, initArgs = @ResourceArg(name = HuiqiTestInfra.DATABASE, value = "huiqi_award"))
class CorrectionAndEstimateTest {

    @Inject
    EligibilityConsumer eligibility;

    @Inject
    ApplicationConsumer applications;

    @Test
    void correctionsAreReversalsTopUpsAndAfterDisbursementClawbacks() {
        String uscc = TestUscc.random();
        UUID app = UUID.randomUUID();
        // 3 master's, 2 PhDs, 1 postdoc: 55,000.00
        eligibility.onEligibility(EventCodec.encode(Events.talent(uscc, app, 2026, 3, 2, 1)));

        correct(app, Map.of("claim.talent.phds_hired", 1), "核查：一名博士未入职", TestTokens.official("人社局"))
                .statusCode(200).body("held", equalTo("45000.00"))
                .body("entries[-1].kind", equalTo("REVERSAL")).body("entries[-1].amount", equalTo("10000.00"))
                .body("entries[-1].reason", equalTo("核查：一名博士未入职"));
        correct(app, Map.of("claim.talent.phds_hired", 3), "补报两名博士", TestTokens.system()).statusCode(200)
                .body("held", equalTo("65000.00")).body("entries[-1].kind", equalTo("TOP_UP"))
                .body("entries[-1].amount", equalTo("20000.00"));
        // the same facts again: no difference, nothing written
        correct(app, Map.of("claim.talent.phds_hired", 3), "复核", TestTokens.system()).statusCode(200)
                .body("entries.size()", equalTo(3));

        applications.onApplication(EventCodec.encode(Events.approved(uscc, app, Events.TALENT, 2026, "65000.00")));
        applications.onApplication(EventCodec.encode(Events.disbursed(uscc, app, Events.TALENT, 2026, "65000.00")));
        correct(app, Map.of("claim.talent.phds_hired", 0), "三名博士均未入职", TestTokens.official("人社局"))
                .statusCode(200).body("held", equalTo("35000.00"))
                .body("entries[-1].kind", equalTo("CLAWED_BACK")).body("entries[-1].amount", equalTo("30000.00"));

        JsonPath ledger = LedgerRaceTest.ledger(uscc);
        assertThat(ledger.getMap("balances")).containsEntry("held", "35000.00").containsEntry("balanced", true)
                .containsEntry("topUps", "20000.00").containsEntry("reversals", "10000.00")
                .containsEntry("clawedBack", "30000.00").containsEntry("disbursed", "65000.00");
        // every correction is a decision record of its own
        JsonPath award = LedgerRaceTest.award(app);
        assertThat(award.getString("status")).isEqualTo("CLAWED_BACK");
        assertThat(award.getList("entries.kind")).containsExactly("PROPOSED", "REVERSAL", "TOP_UP", "GRANTED",
                "DISBURSED", "CLAWED_BACK");
    }

    /**
     * Ten awards of 40,000.00 under (十二) hold 400,000.00 of the yearly 500,000.00; ten corrections to 80,000.00
     * each, as concurrent HTTP requests: the top-ups stop exactly at the cap (40,000 + 40,000 + 20,000), the others
     * find no room and write nothing.
     */
    @RepeatedTest(3)
    void concurrentCorrectionsStopAtTheYearlyCap() throws Exception {
        String uscc = TestUscc.random();
        List<UUID> apps = new ArrayList<>();
        List<EventEnvelope> proposals = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID app = UUID.randomUUID();
            apps.add(app);
            proposals.add(Events.talent(uscc, app, 2026, 0, 4, 0));
        }
        LedgerRaceTest.race(proposals, eligibility::onEligibility);
        assertThat(LedgerRaceTest.ledger(uscc).getString("balances.held")).isEqualTo("400000.00");

        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (UUID app : apps) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return correct(app, Map.of("claim.talent.phds_hired", 8), "补报四名博士", TestTokens.system())
                            .extract().statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> a : answers) {
                assertThat(a.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        JsonPath ledger = LedgerRaceTest.ledger(uscc);
        assertThat(ledger.getString("balances.held")).isEqualTo("500000.00");
        assertThat(ledger.getString("balances.topUps")).isEqualTo("100000.00");
        assertThat(ledger.getBoolean("balances.balanced")).isTrue();
        assertThat(ledger.getList("entries.findAll { it.kind == 'TOP_UP' }.amount", String.class))
                .containsExactlyInAnyOrder("40000.00", "40000.00", "20000.00");
    }

    @Test
    void correctionsAreForTheClausesDepartmentAndBadInputChangesNothing() {
        String uscc = TestUscc.random();
        UUID app = UUID.randomUUID();
        eligibility.onEligibility(EventCodec.encode(Events.talent(uscc, app, 2026, 1, 0, 0)));
        Map<String, Object> facts = Map.of("claim.talent.phds_hired", 1);
        correct(app, facts, "x", TestTokens.official("科技局")).statusCode(403).contentType(
                "application/problem+json");
        correct(app, facts, "x", TestTokens.enterprise(uscc)).statusCode(403);
        correct(app, facts, "x", TestTokens.policyAdmin()).statusCode(403);
        correct(app, Map.of("claim.talent.phds_hired", "many"), "x", TestTokens.system()).statusCode(422)
                .body("type", equalTo("urn:huiqi:problem:invalid-facts"));
        correct(app, facts, " ", TestTokens.system()).statusCode(400)
                .body("type", equalTo("urn:huiqi:problem:validation"));
        correct(UUID.randomUUID(), facts, "x", TestTokens.system()).statusCode(404);
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON).body(Map.of("facts", facts,
                "reason", "x", "amount", "1.00")).post("/api/v1/awards/" + app + "/corrections").then()
                .statusCode(400).body("type", equalTo("urn:huiqi:problem:unknown-property"));
        assertThat(LedgerRaceTest.ledger(uscc).getList("entries")).hasSize(1);

        applications.onApplication(EventCodec.encode(Events.withdrawn(uscc, app, Events.TALENT, 2026)));
        correct(app, facts, "x", TestTokens.system()).statusCode(409)
                .body("type", equalTo("urn:huiqi:problem:award-not-held"));
    }

    @Test
    void theEstimateAppliesCapsAndGroupsHeldAndWritesNothing() {
        String uscc = TestUscc.random();
        // 30 postdocs in 2026: the yearly 500,000.00 is taken
        eligibility.onEligibility(EventCodec.encode(Events.talent(uscc, UUID.randomUUID(), 2026, 0, 0, 30)));
        // 3a holds 1,800,000.00 of group S1 in 2026
        eligibility.onEligibility(EventCodec.encode(Events.benchmark(uscc, UUID.randomUUID(), 2026, 6_000_000)));
        int entries = LedgerRaceTest.ledger(uscc).getList("entries").size();

        JsonPath e = estimate(uscc, Map.of("clauseIds", List.of(Events.TALENT, Events.PLATFORM), "year", 2026,
                "facts",
                Map.of("claim.talent.masters_hired", 0, "claim.talent.phds_hired", 2, "claim.talent.postdocs_hired", 0,
                        "claim.platform.actual_investment", 8_000_000)),
                TestTokens.enterprise(uscc)).statusCode(200).extract().jsonPath();
        assertThat(e.getString("clauses.find { it.clauseId == 'ccxq-2023-11.12' }.amount")).isEqualTo("0.00");
        assertThat(e.getString("clauses.find { it.clauseId == 'ccxq-2023-11.12' }.reason"))
                .contains("ccxq-2023-11.12/year");
        assertThat(e.getString("clauses.find { it.clauseId == 'ccxq-2023-11.2a' }.amount")).isEqualTo("1400000.00");
        assertThat(e.getString("clauses.find { it.clauseId == 'ccxq-2023-11.2a' }.reason"))
                .contains("将取代已占用的 ccxq-2023-11.3a 1,800,000.00");
        assertThat(e.getString("total")).isEqualTo("1400000.00");

        // another year: the talent cap is free; 2a and 3a asked together keep only the better
        JsonPath other = estimate(uscc, Map.of("clauseIds", List.of(Events.TALENT, Events.PLATFORM,
                Events.BENCHMARK), "year", 2025, "facts",
                Map.of("claim.talent.masters_hired", 0, "claim.talent.phds_hired", 2,
                        "claim.talent.postdocs_hired", 0,
                        "claim.platform.actual_investment", 8_000_000,
                        "claim.industrial_internet.platform_investment", 6_000_000)),
                TestTokens.official()).statusCode(200).extract().jsonPath();
        assertThat(other.getString("clauses.find { it.clauseId == 'ccxq-2023-11.12' }.amount")).isEqualTo(
                "20000.00");
        assertThat(other.getString("clauses.find { it.clauseId == 'ccxq-2023-11.3a' }.amount")).isEqualTo("0.00");
        assertThat(other.getString("clauses.find { it.clauseId == 'ccxq-2023-11.3a' }.reason")).contains(
                "ccxq-2023-11.2a");
        assertThat(other.getString("total")).isEqualTo("3220000.00");

        // a formula fact not given: the clause says which
        estimate(uscc, Map.of("clauseIds", List.of(Events.DIRECTED_RD), "facts", Map.of()), TestTokens.system())
                .statusCode(200).body("clauses[0].missingFacts", equalTo(List.of(
                        "claim.rd.commissioned_development_fee")));
        assertThat(LedgerRaceTest.ledger(uscc).getList("entries")).hasSize(entries);

        estimate(uscc, Map.of("clauseIds", List.of(Events.TALENT), "facts", Map.of()), TestTokens.enterprise(
                TestUscc.random())).statusCode(404).contentType("application/problem+json");
        estimate(uscc, Map.of("clauseIds", List.of(Events.TALENT), "facts", Map.of()), TestTokens.policyAdmin())
                .statusCode(403);
        estimate(uscc, Map.of("clauseIds", List.of("no-such.1"), "facts", Map.of()), TestTokens.system())
                .statusCode(422).body("type", equalTo("urn:huiqi:problem:unknown-clause"));
        estimate(uscc, Map.of("clauseIds", List.of(), "facts", Map.of()), TestTokens.system()).statusCode(400);
    }

    static io.restassured.response.ValidatableResponse correct(UUID app, Map<String, Object> facts, String reason,
            String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("facts", facts, "reason",
                reason)).post("/api/v1/awards/" + app + "/corrections").then();
    }

    static io.restassured.response.ValidatableResponse estimate(String uscc, Map<String, Object> body,
            String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/enterprises/" + uscc + "/estimate").then();
    }
}
