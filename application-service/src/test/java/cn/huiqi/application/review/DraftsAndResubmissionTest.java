package cn.huiqi.application.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.ApplicationSubmittedV1;
import cn.huiqi.events.payload.AwardProposedV1;
import cn.huiqi.events.payload.EligibilityDeterminedV1;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestTopics;
import cn.huiqi.infra.TestUscc;

/**
 * Drafts (saved, edited, then submitted with the checks of a direct submission) and resubmission after 退回补充材料
 * (the claim edited, eligibility determined again on the new revision, a late older determination ignored).
 */
@QuarkusTest
class DraftsAndResubmissionTest {

    static final String TALENT = "ccxq-2023-11.12";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aDraftIsTheEnterprisesAloneUntilItIsSubmitted() {
        String uscc = registered();
        String enterprise = TestTokens.enterprise(uscc);
        JsonPath draft = given().auth().oauth2(enterprise).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "clauseId", TALENT, "year", 2026, "claim",
                        Map.of("claim.talent.phds_hired", 1), "submit", false))
                .post("/api/v1/applications").then().statusCode(201).body("status", equalTo("DRAFT"))
                .body("statusZh", equalTo("草稿")).body("submittedAt", nullValue()).body("revision", equalTo(0))
                .extract().jsonPath();
        UUID id = UUID.fromString(draft.getString("id"));
        String path = "/api/v1/applications/" + id;

        // The draft holds the clause and year.
        given().auth().oauth2(enterprise).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "clauseId", TALENT, "year", 2026, "claim", Map.of()))
                .post("/api/v1/applications").then().statusCode(409)
                .body("type", equalTo("urn:huiqi:problem:duplicate-application"));
        // Officials, systems and other enterprises do not see it.
        given().auth().oauth2(TestTokens.official()).get(path).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.system()).get(path + "/history").then().statusCode(404);
        given().auth().oauth2(TestTokens.enterprise(TestUscc.random())).get(path).then().statusCode(404);
        given().auth().oauth2(TestTokens.official()).get("/api/v1/enterprises/" + uscc + "/applications").then()
                .statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(TestTokens.official()).get("/api/v1/applications?clauseId=" + TALENT
                + "&state=DRAFT").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(enterprise).get("/api/v1/enterprises/" + uscc + "/applications").then()
                .statusCode(200).body("[0].status", equalTo("DRAFT"));
        given().auth().oauth2(TestTokens.official()).contentType(ContentType.JSON)
                .body(Map.of("action", "START_FORMAL_REVIEW", "version", 0)).post(path + "/actions").then()
                .statusCode(404);
        // Nothing is announced for a draft.
        assertThat(TestTopics.records(bootstrapServers, Topics.APPLICATION, uscc, 1, Duration.ofSeconds(2)))
                .isEmpty();

        // Edits carry the version read: none is 428, a stale one 412, a bad claim 422; others' is 404.
        int v = version(enterprise, id);
        edit(enterprise, id, Map.of("claim.talent.phds_hired", 2), null).then().statusCode(428)
                .body("type", equalTo("urn:huiqi:problem:precondition-required"));
        edit(enterprise, id, Map.of("claim.talent.phds_hired", 2), v + 1).then().statusCode(412)
                .body("type", equalTo("urn:huiqi:problem:stale-version"));
        edit(enterprise, id, Map.of("claim.talent.phds_hired", "two"), v).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("urn:huiqi:problem:invalid-claim"));
        edit(TestTokens.enterprise(TestUscc.random()), id, Map.of("claim.talent.phds_hired", 2), v).then()
                .statusCode(404);
        edit(TestTokens.official(), id, Map.of("claim.talent.phds_hired", 2), v).then().statusCode(403);
        edit(enterprise, id, Map.of("claim.talent.phds_hired", 2, "claim.talent.masters_hired", 1), v).then()
                .statusCode(200).body("claim.'claim.talent.phds_hired'", equalTo(2))
                .header("ETag", not(equalTo("\"" + v + "\"")));
        // Body version works like If-Match.
        int v2 = version(enterprise, id);
        given().auth().oauth2(enterprise).contentType(ContentType.JSON)
                .body(Map.of("claim", Map.of("claim.talent.phds_hired", 3), "version", v2)).put(path).then()
                .statusCode(200).body("claim.'claim.talent.phds_hired'", equalTo(3));

        // SUBMIT through the actions endpoint: announced with the claim as edited.
        act(enterprise, id, "SUBMIT", null, null).then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("submittedAt", not(nullValue()));
        List<EventEnvelope> events = TestTopics.events(bootstrapServers, Topics.APPLICATION, uscc, 1,
                Duration.ofSeconds(30));
        assertThat(events).extracting(EventEnvelope::type).containsExactly(EventTypes.APPLICATION_SUBMITTED);
        ApplicationSubmittedV1 submitted = events.get(0).dataAs(ApplicationSubmittedV1.class);
        assertThat(submitted.revision()).isZero();
        assertThat(submitted.claim()).containsEntry("claim.talent.phds_hired", 3);
        assertThat(given().auth().oauth2(TestTokens.official()).get(path + "/history").then().statusCode(200)
                .extract().jsonPath().getList("action", String.class)).containsExactly("SUBMIT");
        // Submitted: no more edits, no second SUBMIT.
        edit(enterprise, id, Map.of("claim.talent.phds_hired", 4), version(enterprise, id)).then().statusCode(409)
                .body("type", equalTo("urn:huiqi:problem:not-editable"));
        act(enterprise, id, "SUBMIT", null, null).then().statusCode(409)
                .body("type", equalTo("urn:huiqi:problem:invalid-transition"));
    }

    @Test
    void submittingADraftMeetsTheRefusalsOfADirectSubmission() {
        String uscc = registered();
        String enterprise = TestTokens.enterprise(uscc);
        // Outside the application window: refused, still a draft.
        given().auth().oauth2(TestTokens.official()).contentType(ContentType.JSON)
                .body(Map.of("opensOn", "2020-01-01", "closesOn", "2020-01-31"))
                .put("/api/v1/clauses/" + TALENT + "/windows/2033").then().statusCode(200);
        UUID late = draft(enterprise, uscc, TALENT, 2033);
        act(enterprise, late, "SUBMIT", null, null).then().statusCode(422)
                .body("type", equalTo("urn:huiqi:problem:outside-application-window"));
        // A clause whose policy expired (门头沟 AI, until 2025-12-31) may be drafted, not submitted.
        UUID expired = draft(enterprise, uscc, "mtg-ai.1a", 2026);
        act(enterprise, expired, "SUBMIT", null, null).then().statusCode(422)
                .body("type", equalTo("urn:huiqi:problem:policy-not-in-force"));
        // An unknown clause is refused even as a draft.
        given().auth().oauth2(enterprise).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "clauseId", "no-such-clause", "claim", Map.of(), "submit", false))
                .post("/api/v1/applications").then().statusCode(422)
                .body("type", equalTo("urn:huiqi:problem:unknown-clause"));
        // 失信: listed after the draft was saved.
        UUID talent = draft(enterprise, uscc, TALENT, 2026);
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON).body(Map.of("listName",
                "失信被执行人名单", "authority", "长春市中级人民法院", "listedOn", "2026-01-05"))
                .post("/api/v1/enterprises/" + uscc + "/credit-records").then().statusCode(201);
        act(enterprise, talent, "SUBMIT", null, null).then().statusCode(422)
                .body("type", equalTo("urn:huiqi:problem:credit-blocked"));
        for (UUID id : List.of(late, expired, talent)) {
            given().auth().oauth2(enterprise).get("/api/v1/applications/" + id).then().body("status",
                    equalTo("DRAFT"));
        }
        assertThat(TestTopics.records(bootstrapServers, Topics.APPLICATION, uscc, 1, Duration.ofSeconds(2)))
                .isEmpty();
        // A draft may be withdrawn; officials never see it, nothing is announced.
        act(enterprise, talent, "WITHDRAW", null, null).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(TestTokens.official()).get("/api/v1/applications/" + talent).then().statusCode(404);
        given().auth().oauth2(TestTokens.official()).get("/api/v1/applications?state=WITHDRAWN&limit=200").then()
                .statusCode(200).body("id", not(org.hamcrest.Matchers.hasItem(talent.toString())));
        assertThat(TestTopics.records(bootstrapServers, Topics.APPLICATION, uscc, 1, Duration.ofSeconds(2)))
                .isEmpty();
    }

    @Test
    void aResubmittedClaimIsDeterminedAgainAndALateOlderDeterminationIsIgnored() {
        String uscc = registered();
        String enterprise = TestTokens.enterprise(uscc);
        UUID id = returned(uscc, Map.of("claim.talent.phds_hired", 0));

        // The enterprise corrects its claim while returned, then resubmits: revision 1 with the new claim.
        edit(enterprise, id, Map.of("claim.talent.phds_hired", 2), version(enterprise, id)).then().statusCode(200);
        act(enterprise, id, "RESUBMIT", null, null).then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("revision", equalTo(1));
        List<ApplicationSubmittedV1> submissions = submissions(uscc, 2);
        assertThat(submissions).extracting(ApplicationSubmittedV1::revision).containsExactly(0, 1);
        assertThat(submissions.get(1).claim()).containsEntry("claim.talent.phds_hired", 2);
        edit(enterprise, id, Map.of("claim.talent.phds_hired", 5), version(enterprise, id)).then().statusCode(409);

        // The first revision's determination arrives late (ineligible), then the new one (eligible).
        determine(uscc, id, false, 0);
        determine(uscc, id, true, 1);
        awaitStatus(id, "ELIGIBLE");
        TestTopics.send(bootstrapServers, Topics.AWARD, EventEnvelope.of(EventTypes.AWARD_PROPOSED,
                "huiqi/award-service", uscc, new AwardProposedV1(id, uscc, TALENT, 2026, new BigDecimal("20000.00"),
                        new BigDecimal("20000.00"), List.of("博士 2 人"), List.of(), "grant", "computed")));
        awaitStatus(id, "AWARD_PROPOSED");

        JsonPath history = given().auth().oauth2(enterprise).get("/api/v1/applications/" + id + "/history").then()
                .statusCode(200).extract().jsonPath();
        assertThat(history.getList("action", String.class)).containsExactly("SUBMIT", "DETERMINE_ELIGIBLE",
                "PROPOSE_AWARD", "START_FORMAL_REVIEW", "RETURN_FOR_MATERIAL", "RESUBMIT", "DETERMINE_ELIGIBLE",
                "PROPOSE_AWARD");
        given().auth().oauth2(enterprise).get("/api/v1/applications/" + id).then()
                .body("claim.'claim.talent.phds_hired'", equalTo(2)).body("revision", equalTo(1));
    }

    @Test
    void aResubmissionThatNoLongerMeetsTheConditionIsIneligible() {
        String uscc = registered();
        String enterprise = TestTokens.enterprise(uscc);
        UUID id = returned(uscc, Map.of("claim.talent.phds_hired", 2));
        edit(enterprise, id, Map.of("claim.talent.phds_hired", 0), version(enterprise, id)).then().statusCode(200);
        act(enterprise, id, "RESUBMIT", null, null).then().statusCode(200);
        determine(uscc, id, false, 1);
        awaitStatus(id, "INELIGIBLE");
        // A redelivered first determination changes nothing.
        determine(uscc, id, true, 0);
        determine(uscc, id, false, 1);
        assertThat(TestTopics.records(bootstrapServers, Topics.APPLICATION, uscc, 99, Duration.ofSeconds(3))
                .stream().filter(r -> r.value().contains("DETERMINE_")).count()).isEqualTo(2);
        given().auth().oauth2(enterprise).get("/api/v1/applications/" + id).then().body("status",
                equalTo("INELIGIBLE"));
    }

    // --- helpers

    /** Submitted with this claim, determined eligible, proposed, in formal review, returned for material. */
    private UUID returned(String uscc, Map<String, Object> claim) {
        UUID id = UUID.fromString(given().auth().oauth2(TestTokens.enterprise(uscc)).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "clauseId", TALENT, "year", 2026, "claim", claim))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id"));
        determine(uscc, id, true, 0);
        // The determination first: arriving after the return it would move the version on.
        awaitStatus(id, "ELIGIBLE");
        TestTopics.send(bootstrapServers, Topics.AWARD, EventEnvelope.of(EventTypes.AWARD_PROPOSED,
                "huiqi/award-service", uscc, new AwardProposedV1(id, uscc, TALENT, 2026, new BigDecimal("10000.00"),
                        new BigDecimal("10000.00"), List.of("博士 1 人"), List.of(), "grant", "computed")));
        awaitStatus(id, "AWARD_PROPOSED");
        act(TestTokens.official(), id, "START_FORMAL_REVIEW", null, null).then().statusCode(200);
        act(TestTokens.official(), id, "RETURN_FOR_MATERIAL", "请补充博士学位证书", null).then().statusCode(200);
        return id;
    }

    private void determine(String uscc, UUID id, boolean eligible, int revision) {
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, EventEnvelope.of(EventTypes.ELIGIBILITY_DETERMINED,
                "huiqi/eligibility-service", uscc, new EligibilityDeterminedV1(id, uscc, TALENT, 2026, eligible,
                        List.of(), Map.of(), revision)));
    }

    private List<ApplicationSubmittedV1> submissions(String uscc, int count) {
        return TestTopics.events(bootstrapServers, Topics.APPLICATION, uscc, count + 8, Duration.ofSeconds(5))
                .stream().filter(e -> e.type().equals(EventTypes.APPLICATION_SUBMITTED))
                .map(e -> e.dataAs(ApplicationSubmittedV1.class)).toList();
    }

    /** An action as the token's holder, on the version that holder reads. */
    static Response act(String token, UUID id, String action, String reason, String amount) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("action", action);
        if (reason != null) {
            body.put("reason", reason);
        }
        if (amount != null) {
            body.put("amount", amount);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("If-Match", "\"" + version(token, id) + "\"").body(body)
                .post("/api/v1/applications/" + id + "/actions");
    }

    static void awaitStatus(UUID id, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!status.equals(given().auth().oauth2(TestTokens.system()).get("/api/v1/applications/" + id).then()
                .extract().path("status"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("application " + id + " never reached " + status);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static UUID draft(String token, String uscc, String clauseId, int year) {
        return UUID.fromString(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "clauseId", clauseId, "year", year, "claim", Map.of(), "submit", false))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id"));
    }

    static Response edit(String token, UUID id, Map<String, Object> claim, Integer version) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("claim", claim));
        if (version != null) {
            request = request.header("If-Match", "\"" + version + "\"");
        }
        return request.put("/api/v1/applications/" + id);
    }

    static int version(String token, UUID id) {
        String etag = given().auth().oauth2(token).get("/api/v1/applications/" + id).then().statusCode(200)
                .extract().header("ETag");
        return Integer.parseInt(etag.replace("\"", ""));
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
