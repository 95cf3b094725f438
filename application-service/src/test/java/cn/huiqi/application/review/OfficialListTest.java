package cn.huiqi.application.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.AwardProposedV1;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestTopics;
import cn.huiqi.infra.TestUscc;

/** Officials' lists of applications with filters, paginated, and the CSV export for the finance bureau. */
@QuarkusTest
class OfficialListTest {

    static final String TALENT = "ccxq-2023-11.12";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void officialsFilterByClauseStateDepartmentDateAndAmountPageByPageAndExportCsv() {
        String uscc = registered("长春\"引号\",科技有限公司");
        // Three proposed awards of one enterprise for three years; one of them goes to formal review.
        UUID small = proposed(uscc, 2024, "5000.00");
        UUID middle = proposed(uscc, 2025, "15000.00");
        UUID large = proposed(uscc, 2026, "30000.00");
        LifecycleOverHttpTest.act(TestTokens.official(), middle, "START_FORMAL_REVIEW", null, null).then()
                .statusCode(200);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String mine = "/api/v1/applications?clauseId=" + TALENT + "&submittedFrom=" + today + "&submittedTo=" + today
                + "&department=人社局&limit=200";

        List<String> all = ids(mine);
        assertThat(all).contains(small.toString(), middle.toString(), large.toString());
        assertThat(ids(mine + "&state=FORMAL_REVIEW")).contains(middle.toString()).doesNotContain(small.toString(),
                large.toString());
        assertThat(ids(mine + "&minAmount=10000&maxAmount=20000")).contains(middle.toString())
                .doesNotContain(small.toString(), large.toString());
        // Another department's clauses are not in its list; one that is responsible for none has an empty list.
        assertThat(ids(mine.replace("人社局", "市科技局"))).doesNotContain(small.toString());
        assertThat(ids("/api/v1/applications?department=无此部门")).isEmpty();
        assertThat(ids(mine.replace("submittedFrom=" + today, "submittedFrom=2000-01-01").replace("submittedTo="
                + today, "submittedTo=2000-12-31"))).isEmpty();
        // Pages: newest first, one at a time.
        String first = ids(mine + "&minAmount=5000&maxAmount=30000&limit=1").get(0);
        String second = ids(mine + "&minAmount=5000&maxAmount=30000&limit=1&offset=1").get(0);
        assertThat(first).isNotEqualTo(second);

        // Bad filters are 400 problem+json; enterprises use their own list.
        for (String bad : List.of("state=PAID", "minAmount=2&maxAmount=1", "limit=201", "format=xml",
                "format=csv&limit=10001",
                "submittedFrom=2026-02-01&submittedTo=2026-01-01")) {
            given().auth().oauth2(TestTokens.official()).get("/api/v1/applications?" + bad).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.enterprise(uscc)).get("/api/v1/applications").then().statusCode(403);
        given().auth().oauth2(TestTokens.policyAdmin()).get("/api/v1/applications?format=csv").then()
                .statusCode(403);

        // The CSV: a header, one line per application, quoting where CSV needs it.
        String csv = given().auth().oauth2(TestTokens.system()).get("/api/v1/applications?format=csv&clauseId="
                + TALENT + "&minAmount=15000&maxAmount=15000&submittedFrom=" + today).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("application_id,uscc,enterprise_name,clause_id,department,year,status,"
                + "proposed_amount,approved_amount");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(middle + "," + uscc
                + ",\"长春\"\"引号\"\",科技有限公司\"," + TALENT + ",人社局,2025,FORMAL_REVIEW,15000.00,,,,,"));
        assertThat(lines).noneMatch(l -> l.startsWith(small.toString()) || l.startsWith(large.toString()));
    }

    private static List<String> ids(String path) {
        return given().auth().oauth2(TestTokens.official()).get(path).then().statusCode(200).extract().jsonPath()
                .getList("id", String.class);
    }

    private UUID proposed(String uscc, int year, String amount) {
        UUID id = UUID.fromString(given().auth().oauth2(TestTokens.enterprise(uscc)).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "clauseId", TALENT, "year", year, "claim",
                        Map.of("claim.talent.phds_hired", 1)))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id"));
        TestTopics.send(bootstrapServers, Topics.AWARD, EventEnvelope.of(EventTypes.AWARD_PROPOSED,
                "huiqi/award-service", uscc, new AwardProposedV1(id, uscc, TALENT, year, new BigDecimal(amount),
                        new BigDecimal(amount), List.of(), List.of(), "grant", "computed")));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"AWARD_PROPOSED".equals(given().auth().oauth2(TestTokens.system()).get("/api/v1/applications/" + id)
                .then().extract().path("status"))) {
            assertThat(System.nanoTime()).as("application " + id + " reaches AWARD_PROPOSED").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return id;
    }

    private static String registered(String name) {
        String uscc = TestUscc.random();
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "name", name, "legalForm", "limited_liability_company", "regionCode",
                        "220173", "registrationDate", "2021-03-15"))
                .post("/api/v1/enterprises").then().statusCode(201);
        return uscc;
    }
}
