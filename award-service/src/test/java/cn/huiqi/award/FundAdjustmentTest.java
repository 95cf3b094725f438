package cn.huiqi.award;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
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

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import cn.huiqi.award.messaging.ApplicationConsumer;
import cn.huiqi.award.messaging.EligibilityConsumer;
import cn.huiqi.events.EventCodec;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.AwardGrantedV1;
import cn.huiqi.infra.HuiqiTestInfra;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestTopics;
import cn.huiqi.infra.TestUscc;

/** Funds raised and lowered: recorded with who and why, never below what is committed; a raise grants who waits. */
@QuarkusTest
@QuarkusTestResource(value = HuiqiTestInfra.class, initArgs = @ResourceArg(name = HuiqiTestInfra.DATABASE, value = "huiqi_award"))
class FundAdjustmentTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EligibilityConsumer eligibility;

    @Inject
    ApplicationConsumer applications;

    @Test
    void aRaiseGrantsTheAwardsAwaitingBudgetInArrivalOrder() {
        int year = FundBudgetTest.freshYear();
        String fund = FundBudgetTest.createFund("人社局", year, "50000.00", List.of(Events.TALENT));
        String uscc = TestUscc.random();
        UUID a = approve(uscc, year, 5); // 50,000.00: granted
        UUID b = approve(uscc, year, 5); // 50,000.00: waits
        UUID c = approve(uscc, year, 3); // 30,000.00: waits
        UUID d = approve(uscc, year, 1); // 10,000.00: waits
        assertThat(LedgerRaceTest.award(a).getString("status")).isEqualTo("GRANTED");
        assertThat(List.of(b, c, d)).allSatisfy(id -> assertThat(LedgerRaceTest.award(id).getString("status"))
                .isEqualTo("AWAITING_BUDGET"));

        // +60,000.00: b fits; c does not fit the 10,000.00 left, and d, arrived after c, waits behind it
        adjust(fund, Map.of("delta", "60000.00", "reason", "区财政追加预算"), TestTokens.official("人社局"))
                .statusCode(200).body("total", equalTo("110000.00")).body("committed", equalTo("100000.00"))
                .body("remaining", equalTo("10000.00")).body("awaitingBudget", equalTo("40000.00"))
                .body("awaitingBudgetCount", equalTo(2)).body("adjustments[0].previousTotal", equalTo("50000.00"))
                .body("adjustments[0].newTotal", equalTo("110000.00"))
                .body("adjustments[0].reason", equalTo("区财政追加预算"))
                .body("adjustments[0].adjustedBy", equalTo("official:人社局"));
        JsonPath granted = LedgerRaceTest.award(b);
        assertThat(granted.getString("status")).isEqualTo("GRANTED");
        assertThat(granted.getString("awaitingBudget")).isNull();
        assertThat(granted.getString("entries.find { it.kind == 'GRANTED' }.amount")).isEqualTo("50000.00");
        assertThat(granted.getString("entries.find { it.kind == 'GRANTED' }.reason")).startsWith("追加预算后核定")
                .contains("区财政追加预算");
        assertThat(LedgerRaceTest.award(c).getString("status")).isEqualTo("AWAITING_BUDGET");
        assertThat(LedgerRaceTest.award(d).getString("status")).isEqualTo("AWAITING_BUDGET");

        // lowering below what is committed is refused and changes nothing; down to it is allowed
        adjust(fund, Map.of("newTotal", "99999.99", "reason", "压减"), TestTokens.policyAdmin()).statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:huiqi:problem:below-committed"));
        adjust(fund, Map.of("newTotal", "100000.00", "reason", "压减"), TestTokens.policyAdmin()).statusCode(200)
                .body("remaining", equalTo("0.00")).body("adjustments.size()", equalTo(2));
        // raised again: c, then d
        adjust(fund, Map.of("newTotal", "140000.00", "reason", "年中追加"), TestTokens.policyAdmin()).statusCode(200)
                .body("committed", equalTo("140000.00")).body("awaitingBudgetCount", equalTo(0))
                .body("adjustments.size()", equalTo(3));
        assertThat(LedgerRaceTest.award(c).getString("status")).isEqualTo("GRANTED");
        assertThat(LedgerRaceTest.award(d).getString("status")).isEqualTo("GRANTED");

        // an award withdrawn while it waits no longer waits, and a raise passes it by
        UUID gone = approve(uscc, year, 2); // 20,000.00: waits
        UUID next = approve(uscc, year, 1); // 10,000.00: waits behind it
        applications.onApplication(EventCodec.encode(Events.withdrawn(uscc, gone, Events.TALENT, year)));
        given().auth().oauth2(TestTokens.official()).get("/api/v1/funds/" + fund).then().statusCode(200)
                .body("awaitingBudget", equalTo("10000.00")).body("awaitingBudgetCount", equalTo(1));
        adjust(fund, Map.of("delta", "10000.00", "reason", "追加"), TestTokens.policyAdmin()).statusCode(200)
                .body("committed", equalTo("150000.00")).body("awaitingBudgetCount", equalTo(0));
        assertThat(LedgerRaceTest.award(gone).getString("status")).isEqualTo("RELEASED");
        assertThat(LedgerRaceTest.award(next).getString("status")).isEqualTo("GRANTED");
        assertThat(LedgerRaceTest.ledger(uscc).getBoolean("balances.balanced")).isTrue();

        // each grant of the raise is an award.granted.v1 naming the fund
        List<AwardGrantedV1> grants = TestTopics.events(bootstrapServers, Topics.AWARD, uscc, 17,
                Duration.ofSeconds(30)).stream().filter(e -> e.type().equals(EventTypes.AWARD_GRANTED))
                .map(e -> e.dataAs(AwardGrantedV1.class)).toList();
        assertThat(grants).extracting(AwardGrantedV1::applicationId).containsExactly(a, b, c, d, next);
        assertThat(grants).allSatisfy(g -> assertThat(g.fundId()).isEqualTo(UUID.fromString(fund)));
    }

    @Test
    void onlyThePolicyAdminOrTheFundsDepartmentAdjustsAndBadInputChangesNothing() {
        int year = FundBudgetTest.freshYear();
        String fund = FundBudgetTest.createFund("人社局", year, "50000.00", List.of(Events.TALENT));
        Map<String, Object> raise = Map.of("delta", "1000.00", "reason", "追加");
        for (String token : List.of(TestTokens.official("科技局"), TestTokens.system(),
                TestTokens.enterprise(TestUscc.random()))) {
            adjust(fund, raise, token).statusCode(403).contentType("application/problem+json");
        }
        adjust(fund, Map.of("delta", "1.00", "newTotal", "2.00", "reason", "x"), TestTokens.policyAdmin())
                .statusCode(422).body("type", equalTo("urn:huiqi:problem:invalid-adjustment"));
        adjust(fund, Map.of("reason", "x"), TestTokens.policyAdmin()).statusCode(422)
                .body("type", equalTo("urn:huiqi:problem:invalid-adjustment"));
        adjust(fund, Map.of("delta", "-50000.00", "reason", "x"), TestTokens.policyAdmin()).statusCode(422);
        adjust(fund, Map.of("delta", "1.00", "reason", " "), TestTokens.policyAdmin()).statusCode(400);
        adjust(UUID.randomUUID().toString(), raise, TestTokens.policyAdmin()).statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.official()).get("/api/v1/funds/" + fund).then().statusCode(200)
                .body("total", equalTo("50000.00")).body("adjustments.size()", equalTo(0));
        // a retry with the same Idempotency-Key raises once
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(TestTokens.policyAdmin()).header("Idempotency-Key", "raise-" + fund)
                    .contentType(ContentType.JSON).body(raise).post("/api/v1/funds/" + fund + "/adjustments").then()
                    .statusCode(200).body("total", equalTo("51000.00"));
        }
        given().auth().oauth2(TestTokens.official()).get("/api/v1/funds/" + fund).then().statusCode(200)
                .body("total", equalTo("51000.00")).body("adjustments.size()", equalTo(1))
                .body("adjustments[0].previousTotal", equalTo("50000.00"));
    }

    /**
     * A fund of 100,000.00 with two grants and two awards waiting; then a raise of 100,000.00 and ten new approvals of
     * 50,000.00 at once: whatever the order, exactly 200,000.00 is committed and the rest waits, none reduced.
     */
    @RepeatedTest(3)
    void aRaiseRacingNewGrantsNeverOverCommits() throws Exception {
        int year = FundBudgetTest.freshYear();
        String fund = FundBudgetTest.createFund("人社局", year, "100000.00", List.of(Events.TALENT));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(approve(TestUscc.random(), year, 5));
        }
        List<String> approvals = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String uscc = TestUscc.random();
            UUID id = UUID.randomUUID();
            ids.add(id);
            eligibility.onEligibility(EventCodec.encode(Events.talent(uscc, id, year, 0, 5, 0)));
            approvals.add(EventCodec.encode(Events.approved(uscc, id, Events.TALENT, year, "50000.00")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(11);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            done.add(pool.submit(() -> {
                start.await();
                adjust(fund, Map.of("delta", "100000.00", "reason", "追加"), TestTokens.policyAdmin())
                        .statusCode(200);
                return null;
            }));
            for (String record : approvals) {
                done.add(pool.submit(() -> {
                    start.await();
                    applications.onApplication(record);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        given().auth().oauth2(TestTokens.policyAdmin()).get("/api/v1/funds/" + fund).then().statusCode(200)
                .body("total", equalTo("200000.00")).body("committed", equalTo("200000.00"))
                .body("remaining", equalTo("0.00")).body("awaitingBudget", equalTo("500000.00"))
                .body("awaitingBudgetCount", equalTo(10));
        List<JsonPath> awards = ids.stream().map(LedgerRaceTest::award).toList();
        assertThat(awards).filteredOn(a -> a.getString("status").equals("GRANTED")).hasSize(4)
                .allSatisfy(a -> assertThat(new BigDecimal(a.getString("entries.find { it.kind == 'GRANTED' }"
                        + ".amount"))).isEqualByComparingTo("50000.00"));
        assertThat(awards).filteredOn(a -> a.getString("status").equals("AWAITING_BUDGET")).hasSize(10);
    }

    /** A proposal of {@code phds} × 10,000.00 under (十二), approved in full. */
    private UUID approve(String uscc, int year, int phds) {
        UUID id = UUID.randomUUID();
        eligibility.onEligibility(EventCodec.encode(Events.talent(uscc, id, year, 0, phds, 0)));
        EventEnvelope approval = Events.approved(uscc, id, Events.TALENT, year, phds * 10_000 + ".00");
        applications.onApplication(EventCodec.encode(approval));
        return id;
    }

    static ValidatableResponse adjust(String fund, Map<String, Object> body, String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/funds/" + fund + "/adjustments").then();
    }
}
