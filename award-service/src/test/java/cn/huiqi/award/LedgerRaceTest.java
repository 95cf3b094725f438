package cn.huiqi.award;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import io.restassured.path.json.JsonPath;

import cn.huiqi.award.messaging.ApplicationConsumer;
import cn.huiqi.award.messaging.EligibilityConsumer;
import cn.huiqi.events.EventCodec;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.infra.HuiqiTestInfra;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestUscc;

/**
 * Races against real PostgreSQL: many deliveries at once, each in its own transaction on its own thread, through the
 * consumers' entry points. Each race is repeated so every CI run plays it several times.
 */
@QuarkusTest
@QuarkusTestResource(value = HuiqiTestInfra.class, initArgs = @ResourceArg(name = HuiqiTestInfra.DATABASE, value = "huiqi_award"))
class LedgerRaceTest {

    @Inject
    EligibilityConsumer eligibility;

    @Inject
    ApplicationConsumer applications;

    /**
     * 200 applications under (五) for one enterprise and year, each computing 330,000.00 (30% of 1,100,000): the
     * yearly cap of 15,000,000 admits 45 in full and 150,000.00 of one more; the rest hold nothing and name the cap.
     * Then review approves each for the full 330,000.00, all at once: the granted total is exactly 15,000,000.00.
     */
    @RepeatedTest(3)
    void twoHundredConcurrentAwardsStopExactlyAtTheYearlyCap() throws Exception {
        String uscc = TestUscc.random();
        List<UUID> ids = new ArrayList<>();
        List<EventEnvelope> proposals = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            proposals.add(Events.directedRd(uscc, id, 2026, 1_100_000));
        }
        race(proposals, eligibility::onEligibility);

        JsonPath ledger = ledger(uscc);
        assertThat(ledger.getString("balances.held")).isEqualTo("15000000.00");
        assertThat(ledger.getBoolean("balances.balanced")).isTrue();
        List<Map<String, Object>> awards = awards(uscc);
        assertThat(awards).hasSize(200);
        assertThat(awards).filteredOn(a -> a.get("amount").equals("330000.00")).hasSize(45);
        assertThat(awards).filteredOn(a -> a.get("amount").equals("150000.00")).singleElement()
                .satisfies(a -> assertThat((List<?>) a.get("capsApplied")).singleElement().asString()
                        .startsWith("ccxq-2023-11.5a/year").contains("单个企业年度最高补贴1500万元"));
        assertThat(awards).filteredOn(a -> a.get("amount").equals("0.00")).hasSize(154)
                .allSatisfy(a -> assertThat((String) a.get("reason")).contains("ccxq-2023-11.5a/year"));

        List<EventEnvelope> approvals = ids.stream()
                .map(id -> Events.approved(uscc, id, Events.DIRECTED_RD, 2026, "330000.00")).toList();
        race(approvals, applications::onApplication);

        ledger = ledger(uscc);
        assertThat(ledger.getString("balances.granted")).isEqualTo("15000000.00");
        assertThat(ledger.getString("balances.grantedHeld")).isEqualTo("15000000.00");
        assertThat(ledger.getString("balances.proposedHeld")).isEqualTo("0.00");
        assertThat(ledger.getBoolean("balances.balanced")).isTrue();
        UUID refused = ids.stream().filter(id -> award(id).getString("amount").equals("0.00")).findFirst()
                .orElseThrow();
        JsonPath refusedAward = award(refused);
        assertThat(refusedAward.getString("status")).isEqualTo("GRANTED");
        assertThat(refusedAward.getString("entries.find { it.kind == 'GRANTED' }.amount")).isEqualTo("0.00");
        assertThat(refusedAward.getString("entries.find { it.kind == 'GRANTED' }.reason"))
                .contains("批准金额 330,000.00 超过本申请占用的额度 0.00").contains("ccxq-2023-11.5a/year");
    }

    /**
     * 50 applications under the clauses of 从优不重复 group S1 ((二) 2a and (三) 3a, one platform's investment) at
     * once: exactly one award is held, the largest; every other is set aside or released, naming the group.
     */
    @RepeatedTest(3)
    void fiftyConcurrentAwardsOfOneBestGroupHoldExactlyTheLargest() throws Exception {
        String uscc = TestUscc.random();
        List<EventEnvelope> proposals = new ArrayList<>();
        UUID largest = null;
        for (int i = 0; i < 25; i++) {
            // 2a: 40% of 1,000,000 + 10,000 i → 400,000.00 to 496,000.00
            proposals.add(Events.platform(uscc, UUID.randomUUID(), 2026, 1_000_000 + 10_000L * i));
            // 3a: 30% of 5,000,000 + 10,000 i → 1,500,000.00 to 1,572,000.00
            UUID id = UUID.randomUUID();
            proposals.add(Events.benchmark(uscc, id, 2026, 5_000_000 + 10_000L * i));
            largest = id;
        }
        UUID best = largest;
        race(proposals, eligibility::onEligibility);

        JsonPath ledger = ledger(uscc);
        assertThat(ledger.getString("balances.held")).isEqualTo("1572000.00");
        assertThat(ledger.getBoolean("balances.balanced")).isTrue();
        List<Map<String, Object>> awards = awards(uscc);
        assertThat(awards).hasSize(50);
        List<JsonPath> holding = awards.stream().map(a -> award(UUID.fromString((String) a.get("applicationId"))))
                .filter(a -> new BigDecimal(a.getString("held")).signum() > 0).toList();
        assertThat(holding).singleElement().satisfies(a -> {
            assertThat(a.getString("applicationId")).isEqualTo(best.toString());
            assertThat(a.getString("held")).isEqualTo("1572000.00");
        });
        assertThat(awards).allSatisfy(a -> assertThat(a.get("stackingGroup")).isEqualTo("ccxq-2023-11/S1"));
        // each other award says why it holds nothing: set aside on arrival, or released by a better one
        for (Map<String, Object> a : awards) {
            if (a.get("applicationId").equals(best.toString())) {
                continue;
            }
            JsonPath full = award(UUID.fromString((String) a.get("applicationId")));
            String why = full.getString("reason") != null
                    ? full.getString("reason")
                    : full.getString("entries.find { it.kind == 'RELEASED' }.reason");
            assertThat(why).as(full.prettify()).contains("同一平台的建设投资").contains("ccxq-2023-11/S1");
        }
    }

    @RepeatedTest(3)
    void theSameDeterminationDeliveredThreeTimesAtOnceMakesOneEntry() throws Exception {
        String uscc = TestUscc.random();
        EventEnvelope determination = Events.talent(uscc, UUID.randomUUID(), 2026, 1, 0, 0);
        race(List.of(determination, determination, determination), eligibility::onEligibility);
        JsonPath ledger = ledger(uscc);
        assertThat(ledger.getList("entries")).hasSize(1);
        assertThat(ledger.getString("balances.held")).isEqualTo("5000.00");
    }

    /** Before disbursement a larger award of the group replaces the smaller one, which is released. */
    @Test
    void aLargerAwardOfTheGroupReplacesASmallerOneNotYetDisbursed() throws Exception {
        String uscc = TestUscc.random();
        UUID smaller = UUID.randomUUID();
        UUID larger = UUID.randomUUID();
        eligibility.onEligibility(EventCodec.encode(Events.benchmark(uscc, smaller, 2026, 6_000_000)));
        applications.onApplication(EventCodec.encode(Events.approved(uscc, smaller, Events.BENCHMARK, 2026,
                "1800000.00")));
        eligibility.onEligibility(EventCodec.encode(Events.platform(uscc, larger, 2026, 8_000_000)));

        JsonPath released = award(smaller);
        assertThat(released.getString("status")).isEqualTo("RELEASED");
        assertThat(released.getString("held")).isEqualTo("0.00");
        assertThat(released.getString("entries.find { it.kind == 'RELEASED' }.reason"))
                .contains("改按更优的 ccxq-2023-11.2a 3,200,000.00").contains(larger.toString());
        assertThat(award(larger).getString("held")).isEqualTo("3200000.00");
        assertThat(ledger(uscc).getString("balances.held")).isEqualTo("3200000.00");
    }

    /** After disbursement the group's award stands: a larger one arriving later is refused, not paid on top. */
    @Test
    void aLargerAwardAfterTheSmallerWasDisbursedIsRefused() throws Exception {
        String uscc = TestUscc.random();
        UUID smaller = UUID.randomUUID();
        UUID larger = UUID.randomUUID();
        eligibility.onEligibility(EventCodec.encode(Events.benchmark(uscc, smaller, 2026, 6_000_000)));
        applications.onApplication(EventCodec.encode(Events.approved(uscc, smaller, Events.BENCHMARK, 2026,
                "1800000.00")));
        applications.onApplication(EventCodec.encode(Events.disbursed(uscc, smaller, Events.BENCHMARK, 2026,
                "1800000.00")));
        eligibility.onEligibility(EventCodec.encode(Events.platform(uscc, larger, 2026, 8_000_000)));

        JsonPath refused = award(larger);
        assertThat(refused.getString("amount")).isEqualTo("0.00");
        assertThat(refused.getString("computedAmount")).isEqualTo("3200000.00");
        assertThat(refused.getString("reason")).contains("拨付").contains("ccxq-2023-11.3a");
        assertThat(award(smaller).getString("status")).isEqualTo("DISBURSED");
        JsonPath ledger = ledger(uscc);
        assertThat(ledger.getString("balances.held")).isEqualTo("1800000.00");
        assertThat(ledger.getString("balances.disbursed")).isEqualTo("1800000.00");
    }

    /** Runs every delivery at once, each on its own thread and in its own transaction; none may fail. */
    static void race(List<EventEnvelope> events, java.util.function.Consumer<String> consumer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(events.size(), 32));
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (EventEnvelope e : events) {
                String record = EventCodec.encode(e);
                done.add(pool.submit(() -> {
                    start.await();
                    consumer.accept(record);
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
    }

    static JsonPath ledger(String uscc) {
        return given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + uscc + "/ledger?limit=200")
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath award(UUID applicationId) {
        return given().auth().oauth2(TestTokens.official()).get("/api/v1/awards/" + applicationId).then()
                .statusCode(200).extract().jsonPath();
    }

    /** The enterprise's proposals, each as a map of the JSON properties. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> awards(String uscc) {
        return given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + uscc + "/awards?limit=200")
                .then().statusCode(200).extract().jsonPath().getList("$", Map.class).stream()
                .map(m -> (Map<String, Object>) m).toList();
    }
}
