package cn.huiqi.application;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestUscc;

/** Submissions refused for the policy's validity and the enterprise's credit (失信); nothing is stored. */
@QuarkusTest
class SubmissionRefusalsTest {

    static final String TALENT = "ccxq-2023-11.12";

    @Test
    void aClauseOfAnExpiredOrDraftPolicyTakesNoApplication() {
        String uscc = registered();
        // 门头沟 AI: 政策有效期自印发日起至2025年12月31日.
        submit(uscc, "mtg-ai.1a").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:policy-not-in-force"))
                .body("effectiveUntil", equalTo("2025-12-31"))
                .body("source", equalTo("政策有效期自印发日起至2025年12月31日"));
        // A draft for comment (征求意见稿) grants nothing.
        submit(uscc, "ccst-draft.1").then().statusCode(422)
                .body("type", equalTo("urn:huiqi:problem:policy-not-in-force"))
                .body("policyStatus", equalTo("draft_for_comment"));
        applications(uscc, 0);
    }

    @Test
    void anEnterpriseListedAsDishonestMayNotApplyUntilTheListingEnds() {
        String uscc = registered();
        // Only a government system records; an enterprise or an official may not.
        Map<String, Object> listing = Map.of("listName", "失信被执行人名单", "authority", "长春市中级人民法院", "reference",
                "(2026)吉01执123号", "listedOn", "2026-01-05");
        for (String token : new String[]{TestTokens.enterprise(uscc), TestTokens.official(),
                TestTokens.policyAdmin()}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(listing)
                    .post("/api/v1/enterprises/" + uscc + "/credit-records").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        // A listing that has ended does not block.
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON).body(Map.of("listName",
                "失信被执行人名单", "authority", "长春市中级人民法院", "listedOn", "2020-01-01", "listedUntil", "2020-12-31"))
                .post("/api/v1/enterprises/" + uscc + "/credit-records").then().statusCode(201)
                .body("blocksApplications", equalTo(false));
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON).body(listing)
                .post("/api/v1/enterprises/" + uscc + "/credit-records").then().statusCode(201)
                .body("blocksApplications", equalTo(true));

        submit(uscc, TALENT).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:credit-blocked"))
                .body("listName", equalTo("失信被执行人名单"))
                .body("authority", equalTo("长春市中级人民法院"))
                .body("detail", org.hamcrest.Matchers.containsString("不得申报"));
        applications(uscc, 0);
        given().auth().oauth2(TestTokens.enterprise(uscc)).get("/api/v1/enterprises/" + uscc + "/credit-records")
                .then().statusCode(200).body("size()", equalTo(2)).body("[0].listName", equalTo("失信被执行人名单"));
        given().auth().oauth2(TestTokens.enterprise(TestUscc.random())).get("/api/v1/enterprises/" + uscc
                + "/credit-records").then().statusCode(404);
        // An unknown enterprise, an inverted period: refused.
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON).body(listing)
                .post("/api/v1/enterprises/" + TestUscc.random() + "/credit-records").then().statusCode(404);
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON).body(Map.of("listName", "x",
                "authority", "y", "listedOn", "2026-02-01", "listedUntil", "2026-01-01"))
                .post("/api/v1/enterprises/" + uscc + "/credit-records").then().statusCode(422);
    }

    @Test
    void outsideItsApplicationWindowAClauseTakesNoApplicationForThatYear() {
        String uscc = registered();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Map<String, Object> closed = Map.of("opensOn", "2020-01-01", "closesOn", "2020-01-31");
        // Only an official of the clause's department sets it.
        for (String token : new String[]{TestTokens.enterprise(uscc), TestTokens.official(TestTokens.STI_BUREAU),
                TestTokens.system(), TestTokens.policyAdmin()}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(closed)
                    .put("/api/v1/clauses/" + TALENT + "/windows/2031").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.official()).contentType(ContentType.JSON).body(closed)
                .put("/api/v1/clauses/no-such-clause/windows/2031").then().statusCode(404);
        given().auth().oauth2(TestTokens.official()).contentType(ContentType.JSON)
                .body(Map.of("opensOn", "2020-02-01", "closesOn", "2020-01-01"))
                .put("/api/v1/clauses/" + TALENT + "/windows/2031").then().statusCode(400);
        given().auth().oauth2(TestTokens.official()).contentType(ContentType.JSON).body(closed)
                .put("/api/v1/clauses/" + TALENT + "/windows/2031").then().statusCode(200)
                .body("setBy", equalTo("official:人社局"));
        given().auth().oauth2(TestTokens.official()).contentType(ContentType.JSON)
                .body(Map.of("opensOn", today, "closesOn", today))
                .put("/api/v1/clauses/" + TALENT + "/windows/2032").then().statusCode(200);

        given().auth().oauth2(TestTokens.enterprise(uscc)).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "clauseId", TALENT, "year", 2031, "claim", Map.of()))
                .post("/api/v1/applications").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:outside-application-window"))
                .body("closesOn", equalTo("2020-01-31"))
                .body("detail", org.hamcrest.Matchers.containsString("视为自动放弃"));
        applications(uscc, 0);
        given().auth().oauth2(TestTokens.enterprise(uscc)).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "clauseId", TALENT, "year", 2032, "claim", Map.of(
                        "claim.talent.phds_hired", 1)))
                .post("/api/v1/applications").then().statusCode(201);
        given().auth().oauth2(TestTokens.enterprise(uscc)).get("/api/v1/clauses/" + TALENT + "/windows").then()
                .statusCode(200).body("year", org.hamcrest.Matchers.hasItems(2031, 2032));
    }

    private static Response submit(String uscc, String clauseId) {
        return given().auth().oauth2(TestTokens.enterprise(uscc)).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "clauseId", clauseId, "year", 2026, "claim", Map.of()))
                .post("/api/v1/applications");
    }

    private static void applications(String uscc, int expected) {
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + uscc + "/applications").then()
                .statusCode(200).body("size()", equalTo(expected));
    }

    private static String registered() {
        String uscc = TestUscc.random();
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(EnterpriseResourceTest.registration(uscc)).post("/api/v1/enterprises").then().statusCode(201);
        return uscc;
    }
}
