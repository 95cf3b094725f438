package cn.huiqi.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.time.Duration;
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
import cn.huiqi.events.payload.ApplicationStateChangedV1;
import cn.huiqi.events.payload.ApplicationSubmittedV1;
import cn.huiqi.events.payload.AwardAwaitingBudgetV1;
import cn.huiqi.events.payload.AwardCorrectedV1;
import cn.huiqi.events.payload.AwardGrantedV1;
import cn.huiqi.events.payload.AwardProposedV1;
import cn.huiqi.events.payload.AwardReleasedV1;
import cn.huiqi.events.payload.EligibilityDeterminedV1;
import cn.huiqi.events.payload.ReasonV1;
import cn.huiqi.infra.HuiqiTestInfra;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestTopics;
import cn.huiqi.infra.TestUscc;

/** The inbox fed by real Kafka records, as the other services publish them. */
@QuarkusTest
@QuarkusTestResource(value = HuiqiTestInfra.class, initArgs = @ResourceArg(name = HuiqiTestInfra.DATABASE, value = "huiqi_notification"))
class InboxTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void proposedAwardDeliveredThreeTimesMakesOneMessage() throws InterruptedException {
        String uscc = TestUscc.random();
        EventEnvelope award = EventEnvelope.of(EventTypes.AWARD_PROPOSED, "test", uscc,
                new AwardProposedV1(UUID.randomUUID(), uscc, "ccxq-2023-11.12", 2026, new BigDecimal("500000.00"),
                        new BigDecimal("600000.00"), List.of(), List.of("ccxq-2023-11.12.year-cap"), "grant",
                        "computed"));
        for (int i = 0; i < 3; i++) {
            send(Topics.AWARD, award);
        }
        // Same key, same partition: once the sentinel's message is there, all three copies have been consumed.
        EventEnvelope sentinel = EventEnvelope.of(EventTypes.AWARD_PROPOSED, "test", uscc,
                new AwardProposedV1(UUID.randomUUID(), uscc, "ccxq-2023-11.12", 2025, new BigDecimal("5000.00"),
                        new BigDecimal("5000.00"), List.of(), List.of(), "grant", "computed"));
        send(Topics.AWARD, sentinel);

        JsonPath inbox = awaitInbox(uscc, 2);
        assertThat(inbox.getList("causedBy", String.class))
                .containsExactlyInAnyOrder(award.id().toString(), sentinel.id().toString());
        assertThat(inbox.getList("title", String.class)).contains("拟奖励 500,000.00 元");
        assertThat(inbox.getList("body", String.class))
                .anyMatch(b -> b.contains("拟奖励金额 500,000.00 元（按政策计算 600,000.00 元，受上限约束）"));
    }

    @Test
    void eachTransitionThatConcernsTheEnterpriseIsOneMessageInChineseHoweverOftenDelivered()
            throws InterruptedException {
        String uscc = TestUscc.random();
        UUID id = UUID.randomUUID();
        EventEnvelope approved = change(uscc, id, "PUBLIC_NOTICE", "APPROVED", "APPROVE", null, "55000.00", null);
        for (int i = 0; i < 3; i++) {
            send(Topics.APPLICATION, approved);
        }
        // Told elsewhere (the determination, the award): no message of their own.
        send(Topics.APPLICATION, change(uscc, id, "SUBMITTED", "ELIGIBLE", "DETERMINE_ELIGIBLE", null, null, null));
        send(Topics.APPLICATION, change(uscc, id, "ELIGIBLE", "AWARD_PROPOSED", "PROPOSE_AWARD", null, "55000.00",
                null));
        send(Topics.APPLICATION, change(uscc, id, "FORMAL_REVIEW", "PUBLIC_NOTICE", "START_PUBLIC_NOTICE", null, null,
                "2026-10-12"));
        EventEnvelope clawedBack = change(uscc, id, "DISBURSED", "CLAWED_BACK", "CLAW_BACK", "虚报博士人数", "10000.00",
                null);
        send(Topics.APPLICATION, clawedBack);

        JsonPath inbox = awaitInbox(uscc, 3);
        assertThat(inbox.getList("causedBy", String.class)).containsOnlyOnce(approved.id().toString(),
                clawedBack.id().toString());
        assertThat(inbox.getList("title", String.class)).containsExactlyInAnyOrder("申请已批准：55,000.00 元",
                "申请进入公示", "资金追回：10,000.00 元");
        assertThat(inbox.getList("body", String.class))
                .anyMatch(b -> b.contains("公示期至 2026-10-12"))
                .anyMatch(b -> b.contains("须追回 10,000.00 元。原因：虚报博士人数。"))
                .allMatch(b -> b.contains("申请编号：" + id));
        assertThat(inbox.getList("kind", String.class)).contains("application-claw-back");
        Thread.sleep(500);
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + uscc + "/inbox").then()
                .statusCode(200).body("size()", equalTo(3));
    }

    @Test
    void resubmissionIsToldOnceByItsTransitionNotAgainAsASubmission() throws InterruptedException {
        String uscc = TestUscc.random();
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.parse("2026-10-09T09:00:00+08:00");
        send(Topics.APPLICATION, EventEnvelope.of(EventTypes.APPLICATION_SUBMITTED, "huiqi/application-service", uscc,
                new ApplicationSubmittedV1(id, uscc, "ccxq-2023-11.12", 2026, Map.of(), at, 0)));
        send(Topics.APPLICATION, change(uscc, id, "RETURNED", "SUBMITTED", "RESUBMIT", null, null, null));
        send(Topics.APPLICATION, EventEnvelope.of(EventTypes.APPLICATION_SUBMITTED, "huiqi/application-service", uscc,
                new ApplicationSubmittedV1(id, uscc, "ccxq-2023-11.12", 2026, Map.of(), at.plusDays(2), 1)));
        // A sentinel after the revision-1 submission on the same partition: once it is in, that one was consumed.
        send(Topics.APPLICATION, change(uscc, id, "SUBMITTED", "WITHDRAWN", "WITHDRAW", null, null, null));

        JsonPath inbox = awaitInbox(uscc, 3);
        Thread.sleep(500);
        inbox = awaitInbox(uscc, 3);
        assertThat(inbox.getList("title", String.class)).containsExactlyInAnyOrder("申请已提交", "申请已重新提交",
                "申请已撤回");
    }

    private static EventEnvelope change(String uscc, UUID id, String from, String to, String action, String reason,
            String amount, String noticeEndsOn) {
        return EventEnvelope.of(EventTypes.APPLICATION_STATE_CHANGED, "huiqi/application-service", uscc,
                new ApplicationStateChangedV1(id, uscc, "ccxq-2023-11.12", 2026, from, to, action,
                        action.endsWith("DISBURSE") ? "system" : "official", "official:人社局", "人社局", reason,
                        amount == null ? null : new BigDecimal(amount), noticeEndsOn));
    }

    @Test
    void reviewDeterminedInvestmentSaysMaximumAndReview() throws InterruptedException {
        String uscc = TestUscc.random();
        send(Topics.AWARD, EventEnvelope.of(EventTypes.AWARD_PROPOSED, "test", uscc,
                new AwardProposedV1(UUID.randomUUID(), uscc, "ccxq-2023-11.10", 2026, new BigDecimal("10000000.00"),
                        new BigDecimal("20000000.00"), List.of(), List.of(), "investment", "review_maximum")));
        JsonPath inbox = awaitInbox(uscc, 1);
        assertThat(inbox.getString("[0].title")).isEqualTo("拟投资 最高 10,000,000.00 元");
        // Officials and systems read it too; another enterprise is told there is no such inbox, nobody reads it
        // without a token.
        given().auth().oauth2(TestTokens.official()).get("/api/v1/enterprises/" + uscc + "/inbox").then()
                .statusCode(200).body("size()", equalTo(1));
        given().auth().oauth2(TestTokens.enterprise(TestUscc.random())).get("/api/v1/enterprises/" + uscc
                + "/inbox").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.policyAdmin()).get("/api/v1/enterprises/" + uscc + "/inbox").then()
                .statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/enterprises/" + uscc + "/inbox").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + uscc + "/inbox?limit=201").then()
                .statusCode(400).contentType("application/problem+json");
        assertThat(inbox.getString("[0].body")).contains("拟投资金额最高 10,000,000.00 元，具体金额由评审核定");
    }

    @Test
    void malformedRecordIsParkedAndTheNextEventStillArrives() throws InterruptedException {
        String uscc = TestUscc.random();
        TestTopics.sendRaw(bootstrapServers, Topics.AWARD, uscc, "{not an event");
        send(Topics.AWARD, EventEnvelope.of(EventTypes.AWARD_PROPOSED, "test", uscc,
                new AwardProposedV1(UUID.randomUUID(), uscc, "ccxq-2023-11.12", 2026, new BigDecimal("5000.00"),
                        new BigDecimal("5000.00"), List.of(), List.of(), "grant", "computed")));
        assertThat(awaitInbox(uscc, 1).getString("[0].title")).isEqualTo("拟奖励 5,000.00 元");
        assertThat(TestTopics.records(bootstrapServers, Topics.DEAD_LETTER, uscc, 1, Duration.ofSeconds(30)))
                .singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("{not an event"));
    }

    @Test
    void ineligibleDeterminationExplainsWhy() throws InterruptedException {
        String uscc = TestUscc.random();
        ReasonV1 reason = new ReasonV1("ccxq-2023-11.12", "eligibility.all[0]", "claim.talent.total_hired", ">= 1",
                "0", BigDecimal.ONE, "需至少引进1人，实际0人，差1人", "at least 1 hire needed", "企业每引进一名...",
                "condition_not_met");
        ReasonV1 note = new ReasonV1("ccxq-2023-11.12", "validity", null, null, null, null, "发布日期未知",
                "publication date unknown", "本政策自发布之日起30日后施行", "note");
        send(Topics.ELIGIBILITY, EventEnvelope.of(EventTypes.ELIGIBILITY_DETERMINED, "test", uscc,
                new EligibilityDeterminedV1(UUID.randomUUID(), uscc, "ccxq-2023-11.12", 2026, false,
                        List.of(note, reason), Map.of())));
        JsonPath inbox = awaitInbox(uscc, 1);
        assertThat(inbox.getString("[0].title")).isEqualTo("申请未通过资格审核");
        assertThat(inbox.getString("[0].body")).contains("需至少引进1人，实际0人，差1人").doesNotContain("发布日期未知");
    }

    @Test
    void ledgerEventsEachMakeOneMessageInChineseHoweverOftenDelivered() throws InterruptedException {
        String uscc = TestUscc.random();
        UUID app = UUID.randomUUID();
        UUID fund = UUID.randomUUID();
        List<EventEnvelope> events = List.of(
                EventEnvelope.of(EventTypes.AWARD_GRANTED, "test", uscc, new AwardGrantedV1(app, uscc,
                        "ccxq-2023-11.5a", 2026, new BigDecimal("150000.00"), new BigDecimal("330000.00"),
                        "ccxq-2023-11.5a/year: 单个企业年度上限 15000000", fund, "长春新区科技创新专项资金")),
                EventEnvelope.of(EventTypes.AWARD_AWAITING_BUDGET, "test", uscc, new AwardAwaitingBudgetV1(
                        UUID.randomUUID(), uscc, "ccxq-2023-11.12", 2026, new BigDecimal("50000.00"), fund,
                        "人才引进专项资金", new BigDecimal("20000.00"), new BigDecimal("30000.00"), "待预算")),
                EventEnvelope.of(EventTypes.AWARD_RELEASED, "test", uscc, new AwardReleasedV1(UUID.randomUUID(), uscc,
                        "ccxq-2023-11.12", 2026, new BigDecimal("55000.00"), "补充材料后重新核算")),
                EventEnvelope.of(EventTypes.AWARD_CORRECTED, "test", uscc, new AwardCorrectedV1(app, uscc,
                        "ccxq-2023-11.5a", 2026, "CLAWED_BACK", new BigDecimal("10000.00"),
                        new BigDecimal("140000.00"), "核查：委托开发费有误")));
        for (EventEnvelope e : events) {
            for (int i = 0; i < 3; i++) {
                send(Topics.AWARD, e);
            }
        }
        // Same key, same partition: once the sentinel's message is there, every copy before it has been consumed.
        EventEnvelope sentinel = EventEnvelope.of(EventTypes.AWARD_CORRECTED, "test", uscc, new AwardCorrectedV1(
                UUID.randomUUID(), uscc, "ccxq-2023-11.12", 2026, "TOP_UP", new BigDecimal("5000.00"),
                new BigDecimal("60000.00"), "补录一名硕士"));
        send(Topics.AWARD, sentinel);

        JsonPath inbox = awaitInbox(uscc, 5);
        Thread.sleep(500);
        inbox = awaitInbox(uscc, 5);
        assertThat(inbox.getList("$")).hasSize(5);
        assertThat(inbox.getList("title", String.class)).containsExactlyInAnyOrder("已核定奖励 150,000.00 元",
                "待追加预算：50,000.00 元", "拟奖励已释放：55,000.00 元", "奖励金额须追回 10,000.00 元",
                "奖励金额调增 5,000.00 元");
        assertThat(inbox.getList("body", String.class))
                .anyMatch(b -> b.contains("已核定奖励 150,000.00 元（批准金额 330,000.00 元，受上限约束核减为 150,000.00 元："
                        + "ccxq-2023-11.5a/year") && b.contains("由长春新区科技创新专项资金支付"))
                .anyMatch(b -> b.contains("人才引进专项资金剩余预算 20,000.00 元，尚差 30,000.00 元。金额不核减"))
                .anyMatch(b -> b.contains("原占用的奖励额度 55,000.00 元已释放。原因：补充材料后重新核算"))
                .anyMatch(b -> b.contains("须追回 10,000.00 元，更正后为 140,000.00 元。原因：核查：委托开发费有误"));
    }

    private void send(String topic, EventEnvelope event) {
        TestTopics.send(bootstrapServers, topic, event);
    }

    private static JsonPath awaitInbox(String uscc, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath inbox;
        do {
            inbox = given().auth().oauth2(TestTokens.enterprise(uscc)).get("/api/v1/enterprises/" + uscc + "/inbox")
                    .then().statusCode(200).extract().jsonPath();
            if (inbox.getList("$").size() >= size) {
                return inbox;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(inbox.getList("$")).as("inbox of " + uscc).hasSize(size);
        return inbox;
    }
}
