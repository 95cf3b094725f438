package cn.huiqi.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

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
import cn.huiqi.events.payload.ReasonV1;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestTopics;
import cn.huiqi.infra.TestUscc;

/** Submitting applications, and applications moving on as determinations and awards arrive from Kafka. */
@QuarkusTest
class ApplicationResourceTest {

    static final String TALENT = "ccxq-2023-11.12";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void submissionIsStoredAndAnnounced() {
        String uscc = registered();
        String id = submit(uscc, Map.of("claim.talent.masters_hired", 3, "claim.talent.phds_hired", 2,
                "claim.talent.postdocs_hired", 1)).then().statusCode(201)
                .body("status", equalTo("SUBMITTED"))
                .body("year", equalTo(2026))
                .extract().path("id");

        List<EventEnvelope> events = TestTopics.events(bootstrapServers, Topics.APPLICATION, uscc, 1,
                Duration.ofSeconds(30));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventTypes.APPLICATION_SUBMITTED);
            ApplicationSubmittedV1 a = e.dataAs(ApplicationSubmittedV1.class);
            assertThat(a.applicationId()).hasToString(id);
            assertThat(a.claim()).containsEntry("claim.talent.phds_hired", 2);
        });
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + uscc + "/applications").then()
                .statusCode(200)
                .body("id", hasItem(id));
    }

    @Test
    void decimalClaimIsKeptExactly() {
        String uscc = registered();
        String body = "{\"uscc\":\"" + uscc + "\",\"clauseId\":\"ccxq-2023-11.1a\",\"year\":2026,\"claim\":{"
                + "\"claim.park.is_featured_park\":true,\"claim.park.enterprise_count\":20,"
                + "\"claim.park.track_enterprise_share\":0.61}}";
        String id = given().auth().oauth2(TestTokens.enterprise(uscc)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications").then()
                .statusCode(201).extract().path("id");
        String stored = given().auth().oauth2(TestTokens.system()).get("/api/v1/applications/" + id).then()
                .statusCode(200).extract().asString();
        assertThat(stored).contains("\"claim.park.track_enterprise_share\":0.61");
    }

    @Test
    void retriesWithTheSameIdempotencyKeyGetTheFirstAnswer() throws Exception {
        String uscc = registered();
        Map<String, Object> body = Map.of("uscc", uscc, "clauseId", TALENT, "year", 2026, "claim",
                Map.of("claim.talent.masters_hired", 2));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Response>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> given().auth().oauth2(TestTokens.enterprise(uscc))
                        .contentType(ContentType.JSON).header("Idempotency-Key", "retry-" + uscc).body(body)
                        .post("/api/v1/applications")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Response> r : results) {
                Response response = r.get();
                assertThat(response.statusCode()).isEqualTo(201);
                ids.add(response.jsonPath().getString("id"));
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdown();
        }
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + uscc + "/applications").then()
                .body("size()", equalTo(1));

        // The same key for another request is refused and changes nothing.
        given().auth().oauth2(TestTokens.enterprise(uscc)).contentType(ContentType.JSON)
                .header("Idempotency-Key", "retry-" + uscc)
                .body(Map.of("uscc", uscc, "clauseId", TALENT, "year", 2025, "claim",
                        Map.of("claim.talent.masters_hired", 2)))
                .post("/api/v1/applications").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:idempotency-key-reused"));
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + uscc + "/applications").then()
                .body("size()", equalTo(1));
    }

    @Test
    void secondApplicationForTheSameClauseAndYearIsAConflict() {
        String uscc = registered();
        submit(uscc, Map.of("claim.talent.masters_hired", 1)).then().statusCode(201);
        submit(uscc, Map.of("claim.talent.masters_hired", 2)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:duplicate-application"));
    }

    @Test
    void racingSubmissionsMakeOneApplicationAndConflictsNotErrors() throws Exception {
        String uscc = registered();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> submit(uscc, Map.of("claim.talent.masters_hired", 1)).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> r : results) {
                statuses.add(r.get());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdown();
        }
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + uscc + "/applications").then()
                .statusCode(200)
                .body("size()", equalTo(1));
    }

    @Test
    void claimWithWrongTypesOrUnknownFactsIsRefusedListingEach() {
        String uscc = registered();
        submit(uscc, Map.of("claim.talent.masters_hired", 1.5, "claim.talent.unicorns", 1, "masters", 2))
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:invalid-claim"))
                .body("violations.fact", hasItem("masters"));
        submit(uscc, Map.of("claim.talent.masters_hired", "many", "claim.talent.unicorns", 1))
                .then().statusCode(422)
                .body("violations.fact", hasItem("claim.talent.masters_hired"))
                .body("violations.fact", hasItem("claim.talent.unicorns"));
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + uscc + "/applications").then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void unknownClauseOrEnterpriseIsRefused() {
        String uscc = registered();
        given().auth().oauth2(TestTokens.enterprise(uscc)).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "clauseId", "no-such-clause", "claim", Map.of()))
                .post("/api/v1/applications").then().statusCode(422)
                .body("type", equalTo("urn:huiqi:problem:unknown-clause"));
        submit(TestUscc.random(), Map.of("claim.talent.masters_hired", 1)).then().statusCode(422)
                .body("type", equalTo("urn:huiqi:problem:unknown-enterprise"));
    }

    @Test
    void determinationAndAwardMoveTheApplicationOnInWhateverOrderTheyArrive() {
        String uscc = registered();
        UUID id = UUID.fromString(submit(uscc, Map.of("claim.talent.phds_hired", 2)).then().statusCode(201)
                .extract().path("id"));
        // The award overtakes the determination (they travel on different topics).
        TestTopics.send(bootstrapServers, Topics.AWARD, EventEnvelope.of(EventTypes.AWARD_PROPOSED, "test", uscc,
                new AwardProposedV1(id, uscc, TALENT, 2026, new BigDecimal("20000.00"), new BigDecimal("20000.00"),
                        List.of("博士 2 人 × 10,000.00 = 20,000.00"), List.of(), "grant", "computed")));
        awaitStatus(id, "AWARD_PROPOSED");
        ReasonV1 met = new ReasonV1(TALENT, "eligibility.all[1]", "claim.talent.phds_hired", "≥ 1", "2", null,
                "引进符合条件的人才：满足", "qualifying hires: met", "企业每引进一名...", "note");
        TestTopics.send(bootstrapServers, Topics.ELIGIBILITY, EventEnvelope.of(EventTypes.ELIGIBILITY_DETERMINED,
                "test", uscc, new EligibilityDeterminedV1(id, uscc, TALENT, 2026, true, List.of(met), Map.of())));

        JsonPath a = awaitReasons(id);
        assertThat(a.getString("status")).isEqualTo("AWARD_PROPOSED");
        assertThat(a.getString("amount")).isEqualTo("20000.00");
        assertThat(a.getList("awardTrace", String.class)).containsExactly("博士 2 人 × 10,000.00 = 20,000.00");
        assertThat(a.getString("reasons[0].messageZh")).isEqualTo("引进符合条件的人才：满足");
    }

    private static String registered() {
        String uscc = TestUscc.random();
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(EnterpriseResourceTest.registration(uscc))
                .post("/api/v1/enterprises").then().statusCode(201);
        return uscc;
    }

    private static Response submit(String uscc, Map<String, Object> claim) {
        return given().auth().oauth2(TestTokens.enterprise(uscc)).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "clauseId", TALENT, "year", 2026, "claim", claim))
                .post("/api/v1/applications");
    }

    private static void awaitStatus(UUID id, String status) {
        await(id, a -> status.equals(a.getString("status")));
    }

    private static JsonPath awaitReasons(UUID id) {
        return await(id, a -> !a.getList("reasons").isEmpty());
    }

    private static JsonPath await(UUID id, Predicate<JsonPath> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath a;
        do {
            a = given().auth().oauth2(TestTokens.system()).get("/api/v1/applications/" + id).then().statusCode(200)
                    .extract().jsonPath();
            if (condition.test(a)) {
                return a;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("application " + id + " never reached the expected state: " + a.prettify());
    }
}
