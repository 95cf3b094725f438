package cn.huiqi.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import cn.huiqi.infra.HuiqiTestInfra;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestUscc;

@QuarkusTest
@QuarkusTestResource(value = HuiqiTestInfra.class, initArgs = @ResourceArg(name = HuiqiTestInfra.DATABASE, value = "huiqi_application"))
class EnterpriseResourceTest {

    static Map<String, Object> registration(String uscc) {
        return Map.of("uscc", uscc, "name", "长春数实融合科技有限公司", "legalForm", "limited_liability_company", "regionCode",
                "220173",
                "registrationDate", "2021-03-15");
    }

    @Test
    void registersAndReadsBack() {
        String uscc = TestUscc.random();
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON).body(registration(uscc.toLowerCase()))
                .when().post("/api/v1/enterprises")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/enterprises/" + uscc))
                .body("uscc", equalTo(uscc));
        given().auth().oauth2(TestTokens.system()).when().get("/api/v1/enterprises/" + uscc)
                .then().statusCode(200)
                .body("name", equalTo("长春数实融合科技有限公司"))
                .body("registrationDate", equalTo("2021-03-15"));
    }

    @Test
    void wrongCheckDigitIs422NamingTheRuleAndStoresNothing() {
        String valid = TestUscc.random();
        char last = valid.charAt(17);
        String wrong = valid.substring(0, 17) + (last == '0' ? '1' : '0');
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON).body(registration(wrong))
                .when().post("/api/v1/enterprises")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:invalid-uscc"))
                .body("rule", equalTo("check-digit"))
                .body("detail", startsWith("uscc " + wrong + " breaks rule 'check-digit'"));
        given().auth().oauth2(TestTokens.system()).when().get("/api/v1/enterprises/" + wrong)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:not-found"));
    }

    @Test
    void secondRegistrationIsAConflict() {
        String uscc = TestUscc.random();
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON).body(registration(uscc))
                .post("/api/v1/enterprises").then()
                .statusCode(201);
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON).body(registration(uscc))
                .when().post("/api/v1/enterprises")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:enterprise-exists"));
    }

    @Test
    void racingRegistrationsOfOneCodeMakeOneEnterprise() throws Exception {
        String uscc = TestUscc.random();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                        .body(registration(uscc))
                        .post("/api/v1/enterprises").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> r : results) {
                statuses.add(r.get());
            }
            assertThat(statuses).containsOnly(201, 409)
                    .filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void missingFieldsAreListed() {
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(Map.of("uscc", TestUscc.random(), "regionCode", "22017"))
                .when().post("/api/v1/enterprises")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:validation"))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("regionCode"))
                .body("violations.field", hasItem("registrationDate"));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON).body("{\"uscc\": ")
                .when().post("/api/v1/enterprises")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:malformed-body"));
    }

    @Test
    void valueOfTheWrongFormIsAProblemNamingWhere() {
        String uscc = TestUscc.random();
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body("{\"uscc\": \"" + uscc + "\", \"name\": \"长春某科技有限公司\", \"regionCode\": \"220100\","
                        + " \"registrationDate\": \"2020-13-45\"}")
                .when().post("/api/v1/enterprises")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:malformed-body"))
                .body("detail", containsString("registrationDate"));
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + uscc).then().statusCode(404);
    }

    @Test
    void healthChecksDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"));
    }
}
