package cn.huiqi.award;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

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
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.infra.HuiqiTestInfra;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestUscc;

/** Fund budgets: created by policy-admins, read by officials, never overspent by racing grants. */
@QuarkusTest
@QuarkusTestResource(value = HuiqiTestInfra.class, initArgs = @ResourceArg(name = HuiqiTestInfra.DATABASE, value = "huiqi_award"))
class FundBudgetTest {

    @Inject
    EligibilityConsumer eligibility;

    @Inject
    ApplicationConsumer applications;

    /**
     * A budget of 1,000,000.00 for the talent reward and 30 approvals of 50,000.00 (five PhDs each, 30 enterprises)
     * at once: exactly 20 are granted, 10 await budget with the reason, none is reduced.
     */
    @RepeatedTest(3)
    void thirtyConcurrentGrantsOnABudgetOfOneMillionGrantExactlyTwenty() throws Exception {
        int year = freshYear();
        String fund = createFund("人社局", year, "1000000.00", List.of(Events.TALENT));
        List<EventEnvelope> proposals = new ArrayList<>();
        List<EventEnvelope> approvals = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String uscc = TestUscc.random();
            UUID id = UUID.randomUUID();
            ids.add(id);
            proposals.add(Events.talent(uscc, id, year, 0, 5, 0));
            approvals.add(Events.approved(uscc, id, Events.TALENT, year, "50000.00"));
        }
        LedgerRaceTest.race(proposals, eligibility::onEligibility);
        LedgerRaceTest.race(approvals, applications::onApplication);

        given().auth().oauth2(TestTokens.policyAdmin()).get("/api/v1/funds/" + fund).then().statusCode(200)
                .body("total", equalTo("1000000.00")).body("committed", equalTo("1000000.00"))
                .body("remaining", equalTo("0.00")).body("disbursed", equalTo("0.00"))
                .body("awaitingBudget", equalTo("500000.00")).body("awaitingBudgetCount", equalTo(10));
        List<JsonPath> awards = ids.stream().map(LedgerRaceTest::award).toList();
        assertThat(awards).filteredOn(a -> a.getString("status").equals("GRANTED")).hasSize(20)
                .allSatisfy(a -> assertThat(a.getString("entries.find { it.kind == 'GRANTED' }.amount"))
                        .isEqualTo("50000.00"));
        assertThat(awards).filteredOn(a -> a.getString("status").equals("AWAITING_BUDGET")).hasSize(10)
                .allSatisfy(a -> {
                    assertThat(a.getString("awaitingBudget")).contains("待预算").contains("剩余 0.00")
                            .contains("不足以支付批准金额 50,000.00");
                    assertThat(a.getString("held")).isEqualTo("50000.00");
                });
    }

    @Test
    void disbursementsShowInTheFund() throws Exception {
        int year = freshYear();
        String fund = createFund("人社局", year, "200000.00", List.of(Events.TALENT));
        String uscc = TestUscc.random();
        UUID id = UUID.randomUUID();
        LedgerRaceTest.race(List.of(Events.talent(uscc, id, year, 0, 3, 0)), eligibility::onEligibility);
        LedgerRaceTest.race(List.of(Events.approved(uscc, id, Events.TALENT, year, "30000.00")),
                applications::onApplication);
        LedgerRaceTest.race(List.of(Events.disbursed(uscc, id, Events.TALENT, year, "30000.00")),
                applications::onApplication);
        given().auth().oauth2(TestTokens.official()).get("/api/v1/funds/" + fund).then().statusCode(200)
                .body("committed", equalTo("30000.00")).body("disbursed", equalTo("30000.00"))
                .body("remaining", equalTo("170000.00"));
        given().auth().oauth2(TestTokens.system()).get("/api/v1/funds?year=" + year).then().statusCode(200)
                .body("id", hasItem(fund));
    }

    @Test
    void onlyPolicyAdminsCreateFundsAndBadInputChangesNothing() {
        int year = freshYear();
        Map<String, Object> body = Map.of("name", "人才专项", "department", "人社局", "year", year, "total",
                "300000.00", "clauseIds", List.of(Events.TALENT));
        for (String token : List.of(TestTokens.official(), TestTokens.system(),
                TestTokens.enterprise(TestUscc.random()))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/funds").then()
                    .statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.enterprise(TestUscc.random())).get("/api/v1/funds").then().statusCode(403);
        problem(Map.of("name", "x", "department", "人社局", "year", year, "total", "1.00", "clauseIds",
                List.of("no-such.1")), 422, "unknown-clause");
        problem(Map.of("name", "x", "department", "科技局", "year", year, "total", "1.00", "clauseIds",
                List.of(Events.TALENT)), 422, "clause-of-another-department");
        problem(Map.of("name", "x", "department", "人社局", "year", year, "total", "-5.00", "clauseIds",
                List.of(Events.TALENT)), 400, "validation");
        problem(Map.of("name", "x", "department", "人社局", "year", year, "total", "1.001", "clauseIds",
                List.of(Events.TALENT)), 400, "validation");
        problem(Map.of("name", "x", "department", "人社局", "year", year, "total", "1.00", "clauseIds",
                List.of(Events.TALENT), "committed", "0"), 400, "unknown-property");
        given().auth().oauth2(TestTokens.policyAdmin()).get("/api/v1/funds?year=" + year).then().statusCode(200)
                .body("size()", equalTo(0));

        String fund = createFund("人社局", year, "300000.00", List.of(Events.TALENT));
        given().auth().oauth2(TestTokens.policyAdmin()).get("/api/v1/funds/" + fund).then().statusCode(200)
                .body("name", equalTo("人才专项")).body("year", equalTo(year)).body("clauseIds", equalTo(List.of(
                        Events.TALENT)))
                .body("remaining", equalTo("300000.00"));
        problem(body, 409, "clause-already-funded");
        given().auth().oauth2(TestTokens.policyAdmin()).get("/api/v1/funds/" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
    }

    static void problem(Map<String, Object> body, int status, String type) {
        given().auth().oauth2(TestTokens.policyAdmin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/funds").then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:" + type));
    }

    static String createFund(String department, int year, String total, List<String> clauseIds) {
        return given().auth().oauth2(TestTokens.policyAdmin()).contentType(ContentType.JSON).body(Map.of("name",
                "人才专项", "department", department, "year", year, "total", total, "clauseIds", clauseIds))
                .post("/api/v1/funds").then().statusCode(201).body("committed", equalTo("0.00")).extract()
                .path("id");
    }

    private static final AtomicInteger YEARS = new AtomicInteger(2030);

    /** A year no other test funds (each test JVM has a database of its own), so each fund is alone on its clause. */
    static int freshYear() {
        return YEARS.getAndIncrement();
    }
}
