package cn.huiqi.application.review;

import static cn.huiqi.application.review.LifecycleOverHttpTest.act;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import cn.huiqi.application.calendar.WorkingDayCalendar;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.AwardProposedV1;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestTopics;
import cn.huiqi.infra.TestUscc;

/** Per-clause review settings: the 公示 length in working days and whether experts review (专家评审). */
@QuarkusTest
class ReviewSettingsTest {

    /** 工业互联网标杆平台 (工信局); these tests alone change its settings. */
    static final String PLATFORM = "ccxq-2023-11.3a";
    /** 标识解析二级节点 (工信局). */
    static final String NODE = "ccxq-2023-11.3b";
    /** 骨干直联点 (工信局). */
    static final String BACKBONE = "ccxq-2023-11.3c";
    static final String MIIT = "工信局";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void officialsOfTheDepartmentSetThemEveryRoleReadsThem() {
        String path = "/api/v1/clauses/" + BACKBONE + "/review-settings";
        // Defaults: the configured 5 working days, expert review optional.
        given().auth().oauth2(TestTokens.enterprise(TestUscc.random())).get(path).then().statusCode(200)
                .body("publicNoticeWorkingDays", equalTo(5)).body("expertReview", equalTo("OPTIONAL"))
                .body("set", equalTo(false));
        Map<String, Object> body = Map.of("publicNoticeWorkingDays", 10, "expertReview", "REQUIRED");
        for (String token : List.of(TestTokens.official(TestTokens.HR_BUREAU),
                TestTokens.enterprise(TestUscc.random()), TestTokens.system(), TestTokens.policyAdmin())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(path).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.official(MIIT)).contentType(ContentType.JSON).body(body)
                .put("/api/v1/clauses/no-such-clause/review-settings").then().statusCode(404);
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("publicNoticeWorkingDays", 0, "expertReview",
                "OPTIONAL"), Map.<String, Object>of("publicNoticeWorkingDays", 31, "expertReview", "OPTIONAL"),
                Map.<String, Object>of("publicNoticeWorkingDays", 5, "expertReview", "SOMETIMES"),
                Map.<String, Object>of("expertReview", "OPTIONAL"))) {
            given().auth().oauth2(TestTokens.official(MIIT)).contentType(ContentType.JSON).body(bad).put(path)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.official(MIIT)).get(path).then().body("set", equalTo(false));
        given().auth().oauth2(TestTokens.official(MIIT)).contentType(ContentType.JSON).body(body).put(path).then()
                .statusCode(200).body("publicNoticeWorkingDays", equalTo(10)).body("set", equalTo(true))
                .body("setBy", equalTo("official:" + MIIT));
        given().auth().oauth2(TestTokens.policyAdmin()).get(path).then().statusCode(200)
                .body("expertReview", equalTo("REQUIRED")).body("publicNoticeWorkingDays", equalTo(10));
        given().auth().oauth2(TestTokens.system()).get("/api/v1/clauses/no-such-clause/review-settings").then()
                .statusCode(404);
    }

    @Test
    void thePublicNoticeLastsTheClausesWorkingDaysAndRequiredExpertsComeFirst() {
        setSettings(PLATFORM, 8, "REQUIRED");
        UUID id = inFormalReview(PLATFORM);
        String official = TestTokens.official(MIIT);
        act(official, id, "START_PUBLIC_NOTICE", null, null).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:expert-review-required"))
                .body("detail", org.hamcrest.Matchers.containsString("SEND_TO_EXPERTS"))
                .body("allowedActions", hasItem("SEND_TO_EXPERTS"))
                .body("allowedActions", not(hasItem("START_PUBLIC_NOTICE")));
        given().auth().oauth2(official).get("/api/v1/applications/" + id).then().body("status",
                equalTo("FORMAL_REVIEW"));
        act(official, id, "SEND_TO_EXPERTS", null, null).then().statusCode(200);
        LocalDate ends = WorkingDayCalendar.bundled().periodEnd(LocalDate.now(ZoneId.of("Asia/Shanghai")), 8);
        act(official, id, "START_PUBLIC_NOTICE", null, null).then().statusCode(200)
                .body("status", equalTo("PUBLIC_NOTICE")).body("noticeEndsOn", equalTo(ends.toString()));
    }

    @Test
    void aClauseWithoutExpertReviewRefusesSendingToExperts() {
        setSettings(NODE, 3, "NOT_USED");
        UUID id = inFormalReview(NODE);
        String official = TestTokens.official(MIIT);
        act(official, id, "SEND_TO_EXPERTS", null, null).then().statusCode(409)
                .body("type", equalTo("urn:huiqi:problem:expert-review-not-used"))
                .body("allowedActions", hasItem("START_PUBLIC_NOTICE"));
        LocalDate ends = WorkingDayCalendar.bundled().periodEnd(LocalDate.now(ZoneId.of("Asia/Shanghai")), 3);
        act(official, id, "START_PUBLIC_NOTICE", null, null).then().statusCode(200)
                .body("noticeEndsOn", equalTo(ends.toString()));
    }

    private static void setSettings(String clauseId, int days, String expertReview) {
        given().auth().oauth2(TestTokens.official(MIIT)).contentType(ContentType.JSON)
                .body(Map.of("publicNoticeWorkingDays", days, "expertReview", expertReview))
                .put("/api/v1/clauses/" + clauseId + "/review-settings").then().statusCode(200);
    }

    /** An application for the clause, its award proposed (simulated), in formal review. */
    private UUID inFormalReview(String clauseId) {
        String uscc = TestUscc.random();
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "name", "长春工业互联网有限公司", "legalForm", "limited_liability_company",
                        "regionCode", "220173", "registrationDate", "2021-03-15"))
                .post("/api/v1/enterprises").then().statusCode(201);
        UUID id = UUID.fromString(given().auth().oauth2(TestTokens.enterprise(uscc)).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "clauseId", clauseId, "year", 2026, "claim", Map.of()))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id"));
        TestTopics.send(bootstrapServers, Topics.AWARD, EventEnvelope.of(EventTypes.AWARD_PROPOSED,
                "huiqi/award-service", uscc, new AwardProposedV1(id, uscc, clauseId, 2026, new BigDecimal("50000.00"),
                        new BigDecimal("50000.00"), List.of(), List.of(), "grant", "computed")));
        DraftsAndResubmissionTest.awaitStatus(id, "AWARD_PROPOSED");
        act(TestTokens.official(MIIT), id, "START_FORMAL_REVIEW", null, null).then().statusCode(200);
        return id;
    }
}
