package cn.huiqi.award;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.huiqi.award.ledger.RecordedHistory;
import cn.huiqi.engine.PolicyPack;
import cn.huiqi.engine.eval.AwardResult;
import cn.huiqi.engine.eval.Evaluator;
import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.Topics;
import cn.huiqi.infra.HuiqiTestInfra;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestTopics;
import cn.huiqi.infra.TestUscc;

/**
 * An award's life through real Kafka events: application-service's application.state-changed.v1 grants, disburses,
 * claws back and releases; the ledger's balances add up; the decision record replays.
 */
@QuarkusTest
@QuarkusTestResource(value = HuiqiTestInfra.class, initArgs = @ResourceArg(name = HuiqiTestInfra.DATABASE, value = "huiqi_award"))
class LedgerLifecycleTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void grantDisbursementAndClawbackAreEntriesAndTheBalancesAddUp() {
        String uscc = TestUscc.random();
        UUID app = UUID.randomUUID();
        // 3 master's, 2 PhDs, 1 postdoc: 55,000.00 proposed
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, Events.talent(uscc, app, 2026, 3, 2, 1));
        awaitLedger(uscc, l -> l.getList("entries").size() == 1);
        // review approves 50,000.00 (the same event delivered twice), finance pays it, 20,000.00 is clawed back
        EventEnvelope approved = Events.approved(uscc, app, Events.TALENT, 2026, "50000.00");
        TestTopics.send(bootstrapServers, Topics.APPLICATION, approved, approved,
                Events.disbursed(uscc, app, Events.TALENT, 2026, "50000.00"),
                Events.clawedBack(uscc, app, Events.TALENT, 2026, "20000.00", "一名博士未满服务期"));
        JsonPath ledger = awaitLedger(uscc, l -> l.getList("entries").size() == 4);

        assertThat(ledger.getList("entries.kind")).containsExactly("CLAWED_BACK", "DISBURSED", "GRANTED",
                "PROPOSED");
        assertThat(ledger.getString("entries[0].reason")).isEqualTo("一名博士未满服务期");
        assertThat(ledger.getMap("balances")).containsEntry("proposed", "55000.00")
                .containsEntry("granted", "50000.00").containsEntry("disbursed", "50000.00")
                .containsEntry("clawedBack", "20000.00").containsEntry("proposedHeld", "0.00")
                .containsEntry("grantedHeld", "30000.00").containsEntry("held", "30000.00")
                .containsEntry("heldByEntries", "30000.00").containsEntry("balanced", true);
        given().auth().oauth2(TestTokens.enterprise(uscc)).get("/api/v1/awards/" + app).then().statusCode(200)
                .body("status", equalTo("CLAWED_BACK")).body("held", equalTo("30000.00"))
                .body("entries.size()", equalTo(4));
        // the yearly cap of (十二) counts what is held: 500,000 − 30,000 left
        UUID next = UUID.randomUUID();
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, Events.talent(uscc, next, 2026, 0, 0, 30));
        awaitLedger(uscc, l -> l.getList("entries").size() == 5);
        given().auth().oauth2(TestTokens.system()).get("/api/v1/awards/" + next).then().statusCode(200)
                .body("amount", equalTo("470000.00"));
    }

    @Test
    void everyReadOfALedgerBeingWrittenBalances() throws Exception {
        String uscc = TestUscc.random();
        int count = 60;
        // Warm the read path, then write the entries one by one while reading as fast as possible.
        awaitLedger(uscc, l -> l.getList("entries").isEmpty());
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < count; i++) {
                TestTopics.send(bootstrapServers, Topics.ELIGIBILITY,
                        Events.talent(uscc, UUID.randomUUID(), 2020 + i % 7, 1, 0, 0));
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int reads = 0;
        int partial = 0;
        JsonPath last;
        do {
            last = given().auth().oauth2(TestTokens.system()).queryParam("limit", 200)
                    .get("/api/v1/enterprises/" + uscc + "/ledger").then().statusCode(200).extract().jsonPath();
            reads++;
            int size = last.getList("entries").size();
            if (size > 0 && size < count) {
                partial++;
            }
            // each answer is one consistent snapshot: its replayed balances agree with the SQL sum
            assertThat(last.getBoolean("balances.balanced")).as("read %d: %s", reads, last.prettify()).isTrue();
        } while (last.getList("entries").size() < count && System.nanoTime() < deadline);
        writer.get();
        assertThat(last.getList("entries")).hasSize(count);
        assertThat(partial).as("reads while the entries were being written").isGreaterThan(3);
    }

    @Test
    void aWithdrawnProposalReleasesItsCapRoom() {
        String uscc = TestUscc.random();
        UUID first = UUID.randomUUID();
        // 30 postdocs: 600,000.00 capped at the yearly 500,000.00
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, Events.talent(uscc, first, 2026, 0, 0, 30));
        awaitLedger(uscc, l -> l.getList("entries").size() == 1);
        TestTopics.send(bootstrapServers, Topics.APPLICATION, Events.withdrawn(uscc, first, Events.TALENT, 2026));
        JsonPath ledger = awaitLedger(uscc, l -> l.getList("entries").size() == 2);
        assertThat(ledger.getString("entries[0].kind")).isEqualTo("RELEASED");
        assertThat(ledger.getString("entries[0].amount")).isEqualTo("500000.00");
        assertThat(ledger.getString("entries[0].reason")).isEqualTo("企业撤回申报：项目终止");
        assertThat(ledger.getString("balances.held")).as(ledger.prettify()).isEqualTo("0.00");

        UUID second = UUID.randomUUID();
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, Events.talent(uscc, second, 2026, 0, 0, 30));
        awaitLedger(uscc, l -> l.getList("entries").size() == 3);
        given().auth().oauth2(TestTokens.system()).get("/api/v1/awards/" + second).then().statusCode(200)
                .body("amount", equalTo("500000.00"));
    }

    @Test
    void anApplicationWithdrawnBeforeItsDeterminationArrivedGetsNoProposal() {
        String uscc = TestUscc.random();
        UUID sentinel = UUID.randomUUID();
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, Events.talent(uscc, sentinel, 2025, 1, 0, 0));
        awaitLedger(uscc, l -> l.getList("entries").size() == 1);
        // withdrawn while eligibility was still deciding; the sentinel's release shows the withdrawal was consumed
        UUID withdrawn = UUID.randomUUID();
        TestTopics.send(bootstrapServers, Topics.APPLICATION, Events.stateChanged(uscc, withdrawn, Events.TALENT,
                2026, "ELIGIBLE", "WITHDRAWN", "WITHDRAW", "enterprise", null, null),
                Events.withdrawn(uscc, sentinel, Events.TALENT, 2025));
        awaitLedger(uscc, l -> l.getList("entries").size() == 2);
        // the late determination, then another application's: when the second is in, the first was skipped
        UUID other = UUID.randomUUID();
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, Events.talent(uscc, withdrawn, 2026, 1, 0, 0),
                Events.talent(uscc, other, 2026, 0, 1, 0));
        JsonPath ledger = awaitLedger(uscc, l -> l.getList("entries").size() >= 3);
        assertThat(ledger.getList("entries.applicationId")).doesNotContain(withdrawn.toString()).contains(other
                .toString());
        given().auth().oauth2(TestTokens.system()).get("/api/v1/awards/" + withdrawn).then().statusCode(404);
    }

    @Test
    void theDecisionRecordReplaysToTheSameAmountWithTheSameEngine() {
        String uscc = TestUscc.random();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // 委托开发费 2,000 万元 twice: 5,000,000.00 (project cap), then again with 5,000,000 of the year already held
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, Events.directedRd(uscc, first, 2026, 20_000_000),
                Events.directedRd(uscc, second, 2026, 20_000_000));
        awaitLedger(uscc, l -> l.getList("entries").size() == 2);
        JsonPath record = given().auth().oauth2(TestTokens.official()).get("/api/v1/awards/" + second).then()
                .statusCode(200).extract().jsonPath();
        assertThat(record.getString("packVersion")).matches("sha256:[0-9a-f]{64}");
        assertThat(record.getMap("history")).containsEntry("ccxq-2023-11.5a/year", "5000000.00");
        assertThat(record.getString("clauseId")).isEqualTo(Events.DIRECTED_RD);
        assertThat(record.getList("trace")).isNotEmpty();
        assertThat(record.getList("capsApplied", String.class)).singleElement().asString()
                .startsWith("ccxq-2023-11.5a/project");

        // Replay: the same pack, the stored facts, year and history, the same engine
        PolicyPack pack = PolicyPackLoader.fromClasspath("policies");
        Map<String, Object> facts = record.getMap("facts");
        AwardResult replayed = new Evaluator().computeAward(pack.clause(record.getString("clauseId")).orElseThrow(),
                pack.facts(facts), RecordedHistory.replaying(record.getMap("history")), record.getInt("year"));
        assertThat(replayed.amount()).isEqualTo(new BigDecimal(record.getString("computedAmount")))
                .isEqualTo(new BigDecimal("5000000.00"));
        assertThat(replayed.uncappedAmount()).isEqualTo(new BigDecimal(record.getString("uncappedAmount")));
        assertThat(replayed.trace().stream().map(Object::toString).toList())
                .isEqualTo(record.getList("trace", String.class));
    }

    @Test
    void theLedgerIsTheEnterprisesOwn() {
        String uscc = TestUscc.random();
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, Events.talent(uscc, UUID.randomUUID(), 2026, 1, 0, 0));
        awaitLedger(uscc, l -> l.getList("entries").size() == 1);
        given().auth().oauth2(TestTokens.enterprise(uscc)).get("/api/v1/enterprises/" + uscc + "/ledger").then()
                .statusCode(200).body("balances.held", equalTo("5000.00"));
        given().auth().oauth2(TestTokens.enterprise(TestUscc.random())).get("/api/v1/enterprises/" + uscc
                + "/ledger").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.policyAdmin()).get("/api/v1/enterprises/" + uscc + "/ledger").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.official()).get("/api/v1/enterprises/" + uscc + "/ledger?limit=0").then()
                .statusCode(400).contentType("application/problem+json");
    }

    static JsonPath awaitLedger(String uscc, Predicate<JsonPath> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath last;
        do {
            last = given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + uscc + "/ledger")
                    .then().statusCode(200).extract().jsonPath();
            if (until.test(last)) {
                return last;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("ledger of " + uscc + " never reached the expected state: " + last.prettify());
    }
}
