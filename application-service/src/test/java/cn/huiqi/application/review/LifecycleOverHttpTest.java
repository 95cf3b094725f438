package cn.huiqi.application.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import cn.huiqi.application.calendar.WorkingDayCalendar;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.ApplicationStateChangedV1;
import cn.huiqi.events.payload.AwardProposedV1;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestUscc;

/**
 * The application lifecycle over HTTP, as an official runs it: review, 公示 with an objection, approval,
 * disbursement and clawback; every refusal answers problem+json and changes nothing.
 */
@QuarkusTest
class LifecycleOverHttpTest {

    static final String TALENT = "ccxq-2023-11.12";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Test
    void theWholeLifecycleWithAnObjectionDuringTheNoticeAndAClawback() throws Exception {
        String uscc = registered();
        UUID id = proposed(uscc, "20000.00");
        String official = TestTokens.official();

        act(official, id, "START_FORMAL_REVIEW", null, null).then().statusCode(200)
                .body("status", equalTo("FORMAL_REVIEW")).body("statusZh", equalTo("形式审查"));
        act(official, id, "SEND_TO_EXPERTS", null, null).then().statusCode(200).body("status",
                equalTo("EXPERT_REVIEW"));
        LocalDate ends = WorkingDayCalendar.bundled().periodEnd(LocalDate.now(ZoneId.of("Asia/Shanghai")), 5);
        act(official, id, "START_PUBLIC_NOTICE", null, null).then().statusCode(200)
                .body("status", equalTo("PUBLIC_NOTICE")).body("noticeEndsOn", equalTo(ends.toString()));

        // The public list needs no token and shows no personal data.
        String list = given().get("/api/v1/public-notices?clauseId=" + TALENT + "&limit=200").then().statusCode(200)
                .body("applicationId", hasItem(id.toString())).extract().asString();
        JsonPath notices = JsonPath.from(list);
        Map<String, Object> notice = notices.getMap("find { it.applicationId == '" + id + "' }");
        assertThat(notice).containsEntry("applicant", "长春数实融合科技有限公司").containsEntry("amount", "20000.00")
                .containsEntry("noticeEndsOn", ends.toString()).containsEntry("objectionOpen", false)
                .containsEntry("department", "人社局");

        // Anyone objects, without a token: the application is held.
        given().contentType(ContentType.JSON).body(Map.of("name", "王某", "contact", "13800000000", "reason",
                "申报的博士人数与实际不符")).post("/api/v1/public-notices/" + id + "/objections").then().statusCode(201)
                .body("status", equalTo("OBJECTION_RAISED"));
        assertThat(given().get("/api/v1/public-notices?limit=200").asString()).doesNotContain("13800000000")
                .doesNotContain("王某");
        act(official, id, "APPROVE", null, null).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:objection-open"))
                .body("allowedActions", hasItem("DISMISS_OBJECTION"));
        act(official, id, "DISMISS_OBJECTION", null, null).then().statusCode(422)
                .body("type", equalTo("urn:huiqi:problem:validation"));
        act(official, id, "DISMISS_OBJECTION", "经核实，博士人数与劳动合同一致", null).then().statusCode(200)
                .body("status", equalTo("PUBLIC_NOTICE")).body("noticeEndsOn", equalTo(ends.toString()));

        // The notice is still running: approval waits for its end.
        act(official, id, "APPROVE", null, null).then().statusCode(409)
                .body("type", equalTo("urn:huiqi:problem:public-notice-running"))
                .body("noticeEndsOn", equalTo(ends.toString()));
        noticeEndedYesterday(id);
        act(official, id, "APPROVE", null, "25000.00").then().statusCode(422)
                .body("type", equalTo("urn:huiqi:problem:invalid-amount"));
        act(official, id, "APPROVE", null, "18000.00").then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("approvedAmount", equalTo("18000.00"));

        // The finance bureau reports the payment; later the award is clawed back in part.
        act(TestTokens.system(), id, "DISBURSE", null, null).then().statusCode(200)
                .body("status", equalTo("DISBURSED")).body("disbursedAmount", equalTo("18000.00"));
        act(official, id, "CLAW_BACK", "虚报博士人数", null).then().statusCode(422)
                .body("type", equalTo("urn:huiqi:problem:invalid-amount"));
        act(official, id, "CLAW_BACK", "虚报博士人数", "10000.00").then().statusCode(200)
                .body("status", equalTo("CLAWED_BACK")).body("clawbackAmount", equalTo("10000.00"));
        act(official, id, "REJECT", "x", null).then().statusCode(409)
                .body("type", equalTo("urn:huiqi:problem:invalid-transition"))
                .body("allowedActions.size()", equalTo(0));

        // The history: who, when, what and why, oldest first; the enterprise reads it too.
        JsonPath history = given().auth().oauth2(TestTokens.enterprise(uscc)).get("/api/v1/applications/" + id
                + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("action", String.class)).containsExactly("SUBMIT", "DETERMINE_ELIGIBLE",
                "PROPOSE_AWARD", "START_FORMAL_REVIEW", "SEND_TO_EXPERTS", "START_PUBLIC_NOTICE", "RAISE_OBJECTION",
                "DISMISS_OBJECTION", "APPROVE", "DISBURSE", "CLAW_BACK");
        assertThat(history.getList("actor", String.class)).containsExactly("enterprise", "system", "system",
                "official", "official", "official", "public", "official", "official", "system", "official");
        assertThat(history.getString("[3].actorId")).isEqualTo("official:人社局");
        assertThat(history.getString("[6].actorId")).isNull();
        assertThat(history.getString("[6].reason")).isEqualTo("申报的博士人数与实际不符");
        assertThat(history.getString("[10].reason")).isEqualTo("虚报博士人数");
        assertThat(history.getString("[10].amount")).isEqualTo("10000.00");
        assertThat(history.getList("occurredAt")).doesNotContainNull();

        // One application.state-changed.v1 per transition, in order, with amounts where they matter.
        List<ApplicationStateChangedV1> changes = stateChanges(uscc, 10);
        assertThat(changes).extracting(ApplicationStateChangedV1::action).containsExactly("DETERMINE_ELIGIBLE",
                "PROPOSE_AWARD", "START_FORMAL_REVIEW", "SEND_TO_EXPERTS", "START_PUBLIC_NOTICE", "RAISE_OBJECTION",
                "DISMISS_OBJECTION", "APPROVE", "DISBURSE", "CLAW_BACK");
        ApplicationStateChangedV1 approved = changes.get(7);
        assertThat(approved.fromState()).isEqualTo("PUBLIC_NOTICE");
        assertThat(approved.toState()).isEqualTo("APPROVED");
        assertThat(approved.amount()).isEqualByComparingTo("18000.00");
        assertThat(approved.actor()).isEqualTo("official");
        assertThat(approved.department()).isEqualTo("人社局");
        assertThat(changes.get(4).noticeEndsOn()).isEqualTo(ends.toString());
        // Amounts only where the contract has them: the proposal's is in award.proposed.v1 and in the history.
        assertThat(changes.get(1).amount()).isNull();
        assertThat(history.getString("[2].amount")).isEqualTo("20000.00");
        assertThat(changes.get(9).amount()).isEqualByComparingTo("10000.00");
        assertThat(changes.get(9).reason()).isEqualTo("虚报博士人数");
    }

    @Test
    void twoOfficialsRacingOnTheSameVersionOneWinsTheOtherGets412() throws Exception {
        String uscc = registered();
        UUID id = proposed(uscc, "10000.00");
        String etag = given().auth().oauth2(TestTokens.official()).get("/api/v1/applications/" + id).then()
                .statusCode(200).extract().header("ETag");
        assertThat(etag).isNotBlank();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> results = new ArrayList<>();
            for (String token : List.of(TestTokens.official(), TestTokens.official(TestTokens.HR_BUREAU, "市财政局"))) {
                // Two officials of the department, both on the version they read.
                Callable<Response> call = () -> {
                    start.await();
                    return given().auth().oauth2(token)
                            .contentType(ContentType.JSON).header("If-Match", etag)
                            .body(Map.of("action", "START_FORMAL_REVIEW")).post("/api/v1/applications/" + id
                                    + "/actions");
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> r : results) {
                Response response = r.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 412) {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    assertThat(response.jsonPath().getString("type")).isEqualTo("urn:huiqi:problem:stale-version");
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdown();
        }
        JsonPath history = given().auth().oauth2(TestTokens.official()).get("/api/v1/applications/" + id
                + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("action", String.class)).filteredOn("START_FORMAL_REVIEW"::equals).hasSize(1);
        // The body's version works like If-Match; the ETag moved on.
        int version = given().auth().oauth2(TestTokens.official()).get("/api/v1/applications/" + id).then()
                .header("ETag", not(equalTo(etag))).extract().path("version");
        given().auth().oauth2(TestTokens.official()).contentType(ContentType.JSON)
                .body(Map.of("action", "START_PUBLIC_NOTICE", "version", version - 1))
                .post("/api/v1/applications/" + id + "/actions").then().statusCode(412)
                .body("currentVersion", equalTo(version));
        given().auth().oauth2(TestTokens.official()).contentType(ContentType.JSON)
                .body(Map.of("action", "START_PUBLIC_NOTICE", "version", version))
                .post("/api/v1/applications/" + id + "/actions").then().statusCode(200)
                .body("status", equalTo("PUBLIC_NOTICE"));
    }

    @Test
    void refusalsChangeNothing() throws Exception {
        String uscc = registered();
        UUID id = proposed(uscc, "10000.00");
        int version = version(id);
        String path = "/api/v1/applications/" + id + "/actions";

        // Wrong state: the answer lists what the official may do.
        act(TestTokens.official(), id, "APPROVE", null, null).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:invalid-transition"))
                .body("status", equalTo("AWARD_PROPOSED"))
                .body("allowedActions", equalTo(List.of("START_FORMAL_REVIEW")));
        // Wrong department.
        act(TestTokens.official(TestTokens.STI_BUREAU), id, "START_FORMAL_REVIEW", null, null).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:huiqi:problem:forbidden"));
        // An official's action by the enterprise, an enterprise's by an official, anything by a policy-admin.
        act(TestTokens.enterprise(uscc), id, "START_FORMAL_REVIEW", null, null).then().statusCode(403)
                .body("allowedActions", equalTo(List.of("WITHDRAW")));
        act(TestTokens.official(), id, "WITHDRAW", null, null).then().statusCode(403);
        act(TestTokens.system(), id, "START_FORMAL_REVIEW", null, null).then().statusCode(403);
        act(TestTokens.policyAdmin(), id, "START_FORMAL_REVIEW", null, null).then().statusCode(403);
        // Another enterprise: as if the application did not exist.
        act(TestTokens.enterprise(TestUscc.random()), id, "WITHDRAW", null, null).then().statusCode(404)
                .body("type", equalTo("urn:huiqi:problem:not-found"));
        // No version, a stale one, a malformed If-Match.
        given().auth().oauth2(TestTokens.official()).contentType(ContentType.JSON)
                .body(Map.of("action", "START_FORMAL_REVIEW")).post(path).then().statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:precondition-required"));
        given().auth().oauth2(TestTokens.official()).contentType(ContentType.JSON).header("If-Match", "\"999\"")
                .body(Map.of("action", "START_FORMAL_REVIEW")).post(path).then().statusCode(412)
                .body("type", equalTo("urn:huiqi:problem:stale-version"));
        given().auth().oauth2(TestTokens.official()).contentType(ContentType.JSON).header("If-Match", "abc")
                .body(Map.of("action", "START_FORMAL_REVIEW")).post(path).then().statusCode(400);
        // The actor is never taken from the body; an unknown action is malformed.
        given().auth().oauth2(TestTokens.enterprise(uscc)).contentType(ContentType.JSON)
                .body(Map.of("action", "START_FORMAL_REVIEW", "version", version, "actor", "OFFICIAL")).post(path)
                .then().statusCode(400).body("type", equalTo("urn:huiqi:problem:unknown-property"))
                .body("property", equalTo("actor"));
        given().auth().oauth2(TestTokens.official()).contentType(ContentType.JSON)
                .body(Map.of("action", "PAY_ME", "version", version)).post(path).then().statusCode(400)
                .contentType("application/problem+json");
        // A reason where one is needed, an amount where none is.
        act(TestTokens.official(), id, "START_FORMAL_REVIEW", null, "1.00").then().statusCode(422)
                .body("type", equalTo("urn:huiqi:problem:invalid-amount"));
        given().auth().oauth2(TestTokens.official()).contentType(ContentType.JSON).body(Map.of("version", version))
                .post(path).then().statusCode(400).body("type", equalTo("urn:huiqi:problem:validation"));

        assertThat(version(id)).isEqualTo(version);
        given().auth().oauth2(TestTokens.official()).get("/api/v1/applications/" + id).then()
                .body("status", equalTo("AWARD_PROPOSED"));
        assertThat(given().auth().oauth2(TestTokens.official()).get("/api/v1/applications/" + id + "/history")
                .then().extract().jsonPath().getList("action")).containsExactly("SUBMIT", "DETERMINE_ELIGIBLE",
                        "PROPOSE_AWARD");
        assertThat(stateChanges(uscc, 2)).hasSize(2);

        // Returned for material, the enterprise resubmits; in review it may still withdraw, not after 公示 starts.
        act(TestTokens.official(), id, "START_FORMAL_REVIEW", null, null).then().statusCode(200);
        act(TestTokens.official(), id, "RETURN_FOR_MATERIAL", "请补充博士学位证书", null).then().statusCode(200)
                .body("status", equalTo("RETURNED"));
        act(TestTokens.enterprise(uscc), id, "RESUBMIT", null, null).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        act(TestTokens.enterprise(uscc), id, "WITHDRAW", null, null).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));

        UUID other = proposed(registered(), "10000.00");
        act(TestTokens.official(), other, "START_FORMAL_REVIEW", null, null).then().statusCode(200);
        act(TestTokens.official(), other, "START_PUBLIC_NOTICE", null, null).then().statusCode(200);
        String owner = given().auth().oauth2(TestTokens.system()).get("/api/v1/applications/" + other).then()
                .extract().path("uscc");
        act(TestTokens.enterprise(owner), other, "WITHDRAW", null, null).then().statusCode(409)
                .body("allowedActions.size()", equalTo(0));
        // Objections only for applications under notice; the public learns nothing of the others.
        given().contentType(ContentType.JSON).body(Map.of("name", "李某", "contact", "li@example.com", "reason",
                "x")).post("/api/v1/public-notices/" + id + "/objections").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("name", "", "contact", "li@example.com", "reason",
                "x")).post("/api/v1/public-notices/" + other + "/objections").then().statusCode(400);
    }

    @Test
    void objectionsAreRateLimitedPerAddressAndNotice() throws Exception {
        UUID id = proposed(registered(), "10000.00");
        act(TestTokens.official(), id, "START_FORMAL_REVIEW", null, null).then().statusCode(200);
        act(TestTokens.official(), id, "START_PUBLIC_NOTICE", null, null).then().statusCode(200);
        int status = 0;
        int created = 0;
        for (int i = 0; i < 40 && status != 429; i++) {
            Response r = given().contentType(ContentType.JSON).body(Map.of("name", "张某" + i, "contact", "1390000"
                    + i, "reason", "异议 " + i)).post("/api/v1/public-notices/" + id + "/objections");
            status = r.statusCode();
            if (status == 201) {
                created++;
            } else {
                assertThat(status).isEqualTo(429);
                assertThat(r.header("Retry-After")).isNotBlank();
                assertThat(r.jsonPath().getString("type")).isEqualTo("urn:huiqi:problem:rate-limited");
            }
        }
        assertThat(status).isEqualTo(429);
        assertThat(created).isEqualTo(20);
        // Later objections joined the first: one RAISE_OBJECTION.
        assertThat(given().auth().oauth2(TestTokens.official()).get("/api/v1/applications/" + id + "/history")
                .then().extract().jsonPath().getList("action")).containsOnlyOnce("RAISE_OBJECTION");
    }

    @Test
    void theHistoryIsAppendOnly() throws Exception {
        UUID id = proposed(registered(), "10000.00");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : List.of("UPDATE application_action SET reason = 'x' WHERE application_id = '" + id + "'",
                    "DELETE FROM application_action WHERE application_id = '" + id + "'",
                    "TRUNCATE application_action")) {
                try {
                    s.executeUpdate(sql);
                    throw new AssertionError(sql + " was allowed");
                } catch (SQLException expected) {
                    assertThat(expected.getMessage()).contains("append-only");
                }
            }
        }
        assertThat(given().auth().oauth2(TestTokens.system()).get("/api/v1/applications/" + id + "/history").then()
                .statusCode(200).extract().jsonPath().getList("action")).hasSize(3);
    }

    // --- helpers

    static Response act(String token, UUID id, String action, String reason, String amount) {
        int version = version(id);
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        if (reason != null) {
            body.put("reason", reason);
        }
        if (amount != null) {
            body.put("amount", amount);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(body).post("/api/v1/applications/" + id + "/actions");
    }

    static int version(UUID id) {
        String etag = given().auth().oauth2(TestTokens.system()).get("/api/v1/applications/" + id).then()
                .statusCode(200).extract().header("ETag");
        return Integer.parseInt(etag.replace("\"", ""));
    }

    private void noticeEndedYesterday(UUID id) throws SQLException {
        // Five working days pass: the notice's end date moves to yesterday.
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE application SET notice_ends_on = ?"
                        + " WHERE id = ?")) {
            ps.setObject(1, LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1));
            ps.setObject(2, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private List<ApplicationStateChangedV1> stateChanges(String uscc, int atLeast) {
        return cn.huiqi.infra.TestTopics.events(bootstrapServers, Topics.APPLICATION, uscc, atLeast + 1,
                Duration.ofSeconds(30)).stream().filter(e -> e.type().equals(EventTypes.APPLICATION_STATE_CHANGED))
                .map(e -> e.dataAs(ApplicationStateChangedV1.class)).toList();
    }

    /** A registered enterprise with an application for the talent reward whose award is proposed. */
    private UUID proposed(String uscc, String amount) {
        UUID id = UUID.fromString(given().auth().oauth2(TestTokens.enterprise(uscc)).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "clauseId", TALENT, "year", 2026, "claim",
                        Map.of("claim.talent.phds_hired", 2)))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id"));
        cn.huiqi.infra.TestTopics.send(bootstrapServers, Topics.AWARD, EventEnvelope.of(EventTypes.AWARD_PROPOSED,
                "huiqi/award-service", uscc, new AwardProposedV1(id, uscc, TALENT, 2026, new BigDecimal(amount),
                        new BigDecimal(amount), List.of("博士 2 人"), List.of(), "grant", "computed")));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"AWARD_PROPOSED".equals(given().auth().oauth2(TestTokens.system()).get("/api/v1/applications/" + id)
                .then().extract().path("status"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("application " + id + " never reached AWARD_PROPOSED");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return id;
    }

    private static String registered() {
        String uscc = TestUscc.random();
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "name", "长春数实融合科技有限公司", "legalForm", "limited_liability_company",
                        "regionCode", "220173", "registrationDate", "2021-03-15"))
                .post("/api/v1/enterprises").then().statusCode(201);
        return uscc;
    }
}
