package cn.huiqi.application.enterprise;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;

import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.EnterpriseProfileChangedV1;
import cn.huiqi.infra.HuiqiTestInfra;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestTopics;
import cn.huiqi.infra.TestUscc;

/** The enterprise registry over HTTP: facts with provenance and history, registration fields, the contact person. */
@QuarkusTest
@QuarkusTestResource(value = HuiqiTestInfra.class, initArgs = @ResourceArg(name = HuiqiTestInfra.DATABASE, value = "huiqi_application"))
class EnterpriseRegistryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Inject
    ProfileValiditySweep sweep;

    static Map<String, Object> registration(String uscc, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("uscc", uscc, "name", "长春数实融合科技有限公司", "legalForm",
                "limited_liability_company", "regionCode", "220173", "registrationDate", "2021-03-15"));
        body.putAll(extra);
        return body;
    }

    private static String register(String token, Map<String, Object> extra) {
        String uscc = TestUscc.random();
        given().auth().oauth2(token == null ? TestTokens.enterprise(uscc) : token).contentType(ContentType.JSON)
                .body(registration(uscc, extra)).post("/api/v1/enterprises").then().statusCode(201);
        return uscc;
    }

    private static void putFacts(String uscc, String token, Map<String, Object> body, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/v1/enterprises/" + uscc + "/facts").then().statusCode(status);
    }

    @Test
    void aPushedFactWinsOverALaterDeclaredOneAndTheHistoryKeepsEveryValue() {
        String uscc = register(null, Map.of("facts", Map.of("enterprise.size_class", "small")));
        String own = TestTokens.enterprise(uscc);
        putFacts(uscc, TestTokens.system(),
                Map.of("facts", Map.of("enterprise.size_class", "medium"), "period", "2025"),
                200);
        putFacts(uscc, own, Map.of("facts", Map.of("enterprise.size_class", "micro", "enterprise.is_track_enterprise",
                true)), 200);

        given().auth().oauth2(own).get("/api/v1/enterprises/" + uscc + "/facts").then().statusCode(200)
                .body("find { it.name == 'enterprise.size_class' }.value", equalTo("medium"))
                .body("find { it.name == 'enterprise.size_class' }.source", equalTo("system"))
                .body("find { it.name == 'enterprise.size_class' }.recordedBy", equalTo("system"))
                .body("find { it.name == 'enterprise.size_class' }.period", equalTo("2025"))
                .body("find { it.name == 'enterprise.is_track_enterprise' }.value", equalTo(true))
                .body("find { it.name == 'enterprise.is_track_enterprise' }.source", equalTo("declared"))
                .body("find { it.name == 'enterprise.is_track_enterprise' }.recordedBy",
                        equalTo("enterprise:" + uscc));
        given().auth().oauth2(TestTokens.official()).get("/api/v1/enterprises/" + uscc + "/facts/enterprise.size_class"
                + "/history").then().statusCode(200)
                .body("value", contains("micro", "medium", "small"))
                .body("source", contains("declared", "system", "declared"))
                .body("period", contains(null, "2025", null))
                .body("recordedAt.size()", equalTo(3));
        // GET /enterprises/{uscc} keeps showing the effective facts, as it always did.
        given().auth().oauth2(own).get("/api/v1/enterprises/" + uscc).then().statusCode(200)
                .body("facts.'enterprise.size_class'", equalTo("medium"))
                .body("facts.'enterprise.is_track_enterprise'", equalTo(true))
                .body("profileVersion", equalTo(3));

        EnterpriseProfileChangedV1 last = lastProfileChange(uscc, 2);
        assertThat(last.profileVersion()).isEqualTo(3);
        assertThat(last.facts()).containsEntry("enterprise.size_class", "medium")
                .containsEntry("enterprise.is_track_enterprise", true);
        assertThat(last.legalForm()).isEqualTo("limited_liability_company");
        assertThat(last.creditBlocked()).isFalse();
    }

    @Test
    void refusedFactsChangeNothing() {
        String uscc = register(null, Map.of("facts", Map.of("enterprise.size_class", "small")));
        String own = TestTokens.enterprise(uscc);
        given().auth().oauth2(own).contentType(ContentType.JSON)
                .body(Map.of("facts", Map.of("enterprise.size_class", "tiny", "enterprise.no_such_fact", 1)))
                .put("/api/v1/enterprises/" + uscc + "/facts").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:invalid-fact"))
                .body("violations.fact", hasItem("enterprise.no_such_fact"));
        given().auth().oauth2(own).contentType(ContentType.JSON)
                .body(Map.of("facts", Map.of("enterprise.is_track_enterprise", "yes")))
                .put("/api/v1/enterprises/" + uscc + "/facts").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.fact", contains("enterprise.is_track_enterprise"));
        given().auth().oauth2(own).contentType(ContentType.JSON)
                .body(Map.of("facts", Map.of("claim.talent.masters_hired", 3)))
                .put("/api/v1/enterprises/" + uscc + "/facts").then().statusCode(422)
                .body("violations.fact", contains("claim.talent.masters_hired"));
        given().auth().oauth2(own).contentType(ContentType.JSON)
                .body(Map.of("facts", Map.of("enterprise.size_class", "micro"), "period", "2025Q5"))
                .put("/api/v1/enterprises/" + uscc + "/facts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("period"));
        given().auth().oauth2(own).contentType(ContentType.JSON).body(Map.of("facts", Map.of()))
                .put("/api/v1/enterprises/" + uscc + "/facts").then().statusCode(400);

        given().auth().oauth2(own).get("/api/v1/enterprises/" + uscc + "/facts/enterprise.size_class/history").then()
                .statusCode(200).body("value", contains("small"));
        given().auth().oauth2(own).get("/api/v1/enterprises/" + uscc + "/facts/enterprise.no_such_fact/history")
                .then().statusCode(200).body("", empty());
        given().auth().oauth2(own).get("/api/v1/enterprises/" + uscc).then().statusCode(200)
                .body("profileVersion", equalTo(1));
    }

    @Test
    void anotherEnterpriseSeesNothingAndMayChangeNothing() {
        String uscc = register(null, Map.of("facts", Map.of("enterprise.size_class", "small")));
        String other = TestTokens.enterprise(TestUscc.random());
        given().auth().oauth2(other).get("/api/v1/enterprises/" + uscc + "/facts").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(other).get("/api/v1/enterprises/" + uscc + "/facts/enterprise.size_class/history")
                .then().statusCode(404).contentType("application/problem+json");
        putFacts(uscc, other, Map.of("facts", Map.of("enterprise.size_class", "large")), 403);
        putFacts(uscc, TestTokens.official(), Map.of("facts", Map.of("enterprise.size_class", "large")), 403);
        given().auth().oauth2(other).contentType(ContentType.JSON).body(Map.of("address", "别处"))
                .patch("/api/v1/enterprises/" + uscc).then().statusCode(403);
        putFacts(TestUscc.random(), TestTokens.system(), Map.of("facts", Map.of("enterprise.size_class", "large")),
                404);
        given().auth().oauth2(TestTokens.official()).get("/api/v1/enterprises/" + uscc
                + "/facts/enterprise.size_class/history").then().statusCode(200).body("value", contains("small"));
    }

    @Test
    void registrationFieldsAreOptionalValidatedAndUpdatable() {
        String uscc = register(null, Map.of("address", "吉林省长春市长春新区硅谷大街1号", "industryTags", List.of("数字医疗",
                "artificial_intelligence"), "sizeStage", "STARTUP"));
        String own = TestTokens.enterprise(uscc);
        given().auth().oauth2(own).get("/api/v1/enterprises/" + uscc).then().statusCode(200)
                .body("industryTags", contains("digital_healthcare", "artificial_intelligence"))
                .body("sizeStage", equalTo("STARTUP"))
                .body("facts.'enterprise.growth_stage'", equalTo("startup"))
                .body("contact", nullValue());

        given().auth().oauth2(own).contentType(ContentType.JSON).body(Map.of("industryTags", List.of("量子计算")))
                .patch("/api/v1/enterprises/" + uscc).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:invalid-industry-tag"));
        given().auth().oauth2(own).contentType(ContentType.JSON)
                .body(Map.of("contact", Map.of("name", "张伟", "phone", "12345678901", "email", "not-an-email")))
                .patch("/api/v1/enterprises/" + uscc).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("contact.phone"))
                .body("violations.field", hasItem("contact.email"));
        given().auth().oauth2(own).contentType(ContentType.JSON).body(Map.of("sizeStage", "GIANT"))
                .patch("/api/v1/enterprises/" + uscc).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("sizeStage"));
        given().auth().oauth2(own).get("/api/v1/enterprises/" + uscc).then().statusCode(200)
                .body("industryTags", contains("digital_healthcare", "artificial_intelligence"))
                .body("profileVersion", equalTo(1));

        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(Map.of("sizeStage", "GROWTH", "industryTags", List.of("卫星互联网"), "contact", Map.of("name", "李娜",
                        "phone", "0431-81234567")))
                .patch("/api/v1/enterprises/" + uscc).then().statusCode(200)
                .body("sizeStage", equalTo("GROWTH"))
                .body("address", equalTo("吉林省长春市长春新区硅谷大街1号"))
                .body("industryTags", contains("satellite_internet"))
                .body("contact.phone", equalTo("0431-81234567"))
                .body("profileVersion", equalTo(2));
        given().auth().oauth2(own).get("/api/v1/enterprises/" + uscc + "/facts/enterprise.growth_stage/history")
                .then().statusCode(200)
                .body("value", contains("growth", "startup"))
                .body("source", contains("system", "declared"));

        EnterpriseProfileChangedV1 changed = lastProfileChange(uscc, 1);
        assertThat(changed.sizeStage()).isEqualTo("GROWTH");
        assertThat(changed.industryTags()).containsExactly("satellite_internet");
        assertThat(changed.facts()).containsEntry("enterprise.growth_stage", "growth");
        assertThat(changed.change()).isEqualTo("registration");
    }

    @Test
    void officialsSeeTheContactMaskedUnlessTheyRevealItWhichIsAudited() throws Exception {
        String uscc = register(null, Map.of("contact", Map.of("name", "张伟", "phone", "13812345678", "email",
                "zhang.wei@example.com")));
        given().auth().oauth2(TestTokens.enterprise(uscc)).get("/api/v1/enterprises/" + uscc).then().statusCode(200)
                .body("contact.name", equalTo("张伟"))
                .body("contact.phone", equalTo("13812345678"))
                .body("contact.email", equalTo("zhang.wei@example.com"));
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + uscc).then().statusCode(200)
                .body("contact.phone", equalTo("13812345678"));
        given().auth().oauth2(TestTokens.official()).get("/api/v1/enterprises/" + uscc).then().statusCode(200)
                .body("contact.name", equalTo("张*"))
                .body("contact.phone", equalTo("138****5678"))
                .body("contact.email", equalTo("z***@example.com"));
        assertThat(audit(uscc)).isEmpty();
        given().auth().oauth2(TestTokens.official()).queryParam("reveal", "everything").get("/api/v1/enterprises/"
                + uscc).then().statusCode(400).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.official()).queryParam("reveal", "contact").get("/api/v1/enterprises/" + uscc)
                .then().statusCode(200)
                .body("contact.name", equalTo("张伟"))
                .body("contact.phone", equalTo("13812345678"))
                .body("contact.email", equalTo("zhang.wei@example.com"));
        assertThat(audit(uscc)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("outcome", "revealed")
                .containsEntry("roles", "official")
                .containsEntry("status", 200)
                .containsEntry("operation", "getEnterprise")
                .containsEntry("path", "/api/v1/enterprises/" + uscc + "?reveal=contact"));
        // The contact never travels in events.
        assertThat(TestTopics.records(bootstrapServers, Topics.ENTERPRISE, uscc, 1, Duration.ofSeconds(30)))
                .isNotEmpty().allSatisfy(r -> assertThat(r.value()).doesNotContain("13812345678")
                        .doesNotContain("zhang.wei"));
    }

    @Test
    void creditRecordsChangeTheProfileAndEndingOneLiftsTheBlock() {
        String uscc = register(TestTokens.system(), Map.of());
        String id = given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(Map.of("listName", "失信被执行人名单", "authority", "长春市中级人民法院", "listedOn",
                        LocalDate.now().minusDays(30).toString()))
                .post("/api/v1/enterprises/" + uscc + "/credit-records").then().statusCode(201)
                .body("blocksApplications", equalTo(true)).extract().path("id");
        EnterpriseProfileChangedV1 listed = lastProfileChange(uscc, 1);
        assertThat(listed.profileVersion()).isEqualTo(2);
        assertThat(listed.creditBlocked()).isTrue();
        assertThat(listed.change()).isEqualTo("credit");
        assertThat(listed.creditRecords()).singleElement()
                .satisfies(c -> assertThat(c.listedUntil()).isNull());

        given().auth().oauth2(TestTokens.official()).contentType(ContentType.JSON)
                .body(Map.of("endedOn", LocalDate.now().minusDays(1).toString(), "reason", "已履行义务"))
                .post("/api/v1/enterprises/" + uscc + "/credit-records/" + id + "/end").then().statusCode(403);
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(Map.of("endedOn", LocalDate.now().minusDays(60).toString(), "reason", "已履行义务"))
                .post("/api/v1/enterprises/" + uscc + "/credit-records/" + id + "/end").then().statusCode(422);
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(Map.of("endedOn", LocalDate.now().minusDays(1).toString(), "reason", "已履行义务"))
                .post("/api/v1/enterprises/" + uscc + "/credit-records/" + id + "/end").then().statusCode(200)
                .body("blocksApplications", equalTo(false))
                .body("endedBy", equalTo("system"));
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(Map.of("endedOn", LocalDate.now().minusDays(1).toString(), "reason", "again"))
                .post("/api/v1/enterprises/" + uscc + "/credit-records/" + id + "/end").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(Map.of("endedOn", LocalDate.now().toString(), "reason", "x"))
                .post("/api/v1/enterprises/" + uscc + "/credit-records/" + java.util.UUID.randomUUID() + "/end").then()
                .statusCode(404);

        EnterpriseProfileChangedV1 ended = lastProfileChange(uscc, 2);
        assertThat(ended.profileVersion()).isEqualTo(3);
        assertThat(ended.creditBlocked()).isFalse();
        assertThat(ended.creditRecords()).singleElement()
                .satisfies(c -> assertThat(c.listedUntil()).isEqualTo(LocalDate.now().minusDays(1)));
    }

    @Test
    void financialsPerPeriodKeepTheirProvenanceAndAreNotProjected() {
        String uscc = register(null, Map.of());
        String own = TestTokens.enterprise(uscc);
        given().auth().oauth2(own).contentType(ContentType.JSON)
                .body(Map.of("revenue", "12500000.00", "employees", 86, "taxPaid", 930000))
                .put("/api/v1/enterprises/" + uscc + "/financials/2025").then().statusCode(200)
                .body("period", equalTo("2025"))
                .body("revenue", equalTo(12500000.0f))
                .body("employees", equalTo(86))
                .body("sources.revenue.source", equalTo("declared"));
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(Map.of("revenue", new BigDecimal("13000000.50")))
                .put("/api/v1/enterprises/" + uscc + "/financials/2025").then().statusCode(200);
        given().auth().oauth2(own).contentType(ContentType.JSON).body(Map.of("revenue", "12000000.00"))
                .put("/api/v1/enterprises/" + uscc + "/financials/2025").then().statusCode(200);
        given().auth().oauth2(own).contentType(ContentType.JSON).body(Map.of("rdExpense", "450000.10"))
                .put("/api/v1/enterprises/" + uscc + "/financials/2025Q3").then().statusCode(200);

        // Refusals store nothing.
        given().auth().oauth2(own).contentType(ContentType.JSON).body(Map.of("revenue", "1.00"))
                .put("/api/v1/enterprises/" + uscc + "/financials/2025Q5").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("period"));
        given().auth().oauth2(own).contentType(ContentType.JSON).body(Map.of("revenue", "-1.00"))
                .put("/api/v1/enterprises/" + uscc + "/financials/2024").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(own).contentType(ContentType.JSON).body(Map.of("taxPaid", "1.005"))
                .put("/api/v1/enterprises/" + uscc + "/financials/2024").then().statusCode(400);
        given().auth().oauth2(own).contentType(ContentType.JSON).body(Map.of("employees", 1.5))
                .put("/api/v1/enterprises/" + uscc + "/financials/2024").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("employees"));
        given().auth().oauth2(own).contentType(ContentType.JSON).body(Map.of())
                .put("/api/v1/enterprises/" + uscc + "/financials/2024").then().statusCode(400);
        given().auth().oauth2(TestTokens.enterprise(TestUscc.random())).contentType(ContentType.JSON)
                .body(Map.of("revenue", "1.00")).put("/api/v1/enterprises/" + uscc + "/financials/2024").then()
                .statusCode(403);

        given().auth().oauth2(TestTokens.official()).config(RestAssuredConfig.config().jsonConfig(JsonConfig
                .jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .get("/api/v1/enterprises/" + uscc + "/financials").then()
                .statusCode(200)
                .body("period", contains("2025Q3", "2025"))
                .body("[1].revenue", equalTo(new BigDecimal("13000000.50")))
                .body("[1].sources.revenue.source", equalTo("system"))
                .body("[1].employees", equalTo(86))
                .body("[1].taxPaid", equalTo(new BigDecimal("930000.00")))
                .body("[1].sources.employees.recordedBy", equalTo("enterprise:" + uscc))
                .body("[0].rdExpense", equalTo(new BigDecimal("450000.10")))
                .body("[0].revenue", nullValue());
        given().auth().oauth2(TestTokens.enterprise(TestUscc.random())).get("/api/v1/enterprises/" + uscc
                + "/financials").then().statusCode(404);
        given().auth().oauth2(own).get("/api/v1/enterprises/" + uscc).then().statusCode(200)
                .body("facts.size()", equalTo(0))
                .body("profileVersion", equalTo(5));
        assertThat(lastProfileChange(uscc, 4).facts()).isEmpty();
    }

    @Test
    void qualificationsValidTodayFeedTheVocabularyFact() {
        String uscc = register(null, Map.of("facts", Map.of("enterprise.qualifications", List.of("tech_sme"))));
        String own = TestTokens.enterprise(uscc);
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(Map.of("kind", "HIGH_TECH_ENTERPRISE", "recognition", "FIRST", "certificateNumber",
                        "GR202422000123", "authority", "吉林省科学技术厅", "validFrom", "2024-11-20", "validUntil",
                        LocalDate.now().plusYears(1).toString()))
                .post("/api/v1/enterprises/" + uscc + "/qualifications").then().statusCode(200)
                .body("validToday", equalTo(true))
                .body("vocabularyValue", equalTo("high_tech_enterprise"))
                .body("provenance.source", equalTo("system"));
        given().auth().oauth2(own).contentType(ContentType.JSON)
                .body(Map.of("kind", "GAZELLE", "authority", "长春新区管委会", "validFrom", "2020-01-01", "validUntil",
                        LocalDate.now().minusDays(1).toString()))
                .post("/api/v1/enterprises/" + uscc + "/qualifications").then().statusCode(200)
                .body("validToday", equalTo(false));
        given().auth().oauth2(own).contentType(ContentType.JSON)
                .body(Map.of("kind", "INCUBATOR", "level", "NATIONAL", "authority", "科学技术部", "validFrom",
                        "2023-01-01"))
                .post("/api/v1/enterprises/" + uscc + "/qualifications").then().statusCode(200)
                .body("vocabularyValue", nullValue());
        given().auth().oauth2(own).contentType(ContentType.JSON)
                .body(Map.of("kind", "UNICORN", "authority", "x", "validFrom", "2025-01-01", "validUntil",
                        "2024-01-01"))
                .post("/api/v1/enterprises/" + uscc + "/qualifications").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(own).contentType(ContentType.JSON)
                .body(Map.of("kind", "DRAGON", "authority", "x", "validFrom", "2025-01-01"))
                .post("/api/v1/enterprises/" + uscc + "/qualifications").then().statusCode(400)
                .contentType("application/problem+json");

        given().auth().oauth2(TestTokens.official()).get("/api/v1/enterprises/" + uscc + "/qualifications").then()
                .statusCode(200)
                .body("kind", contains("GAZELLE", "HIGH_TECH_ENTERPRISE", "INCUBATOR"))
                .body("find { it.kind == 'INCUBATOR' }.level", equalTo("NATIONAL"));
        given().auth().oauth2(own).get("/api/v1/enterprises/" + uscc).then().statusCode(200)
                .body("profileVersion", equalTo(4));
        assertThat(lastProfileChange(uscc, 3).facts()).containsEntry("enterprise.qualifications",
                List.of("high_tech_enterprise", "tech_sme"));
    }

    @Test
    void aRecognitionThatLapsesAndAListingThatEndsAreAnnouncedTheDayAfter() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String uscc = register(TestTokens.system(), Map.of());
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(Map.of("kind", "HIGH_TECH_ENTERPRISE", "recognition", "FIRST", "authority", "吉林省科学技术厅",
                        "validFrom", "2023-11-20", "validUntil", today.toString()))
                .post("/api/v1/enterprises/" + uscc + "/qualifications").then().statusCode(200)
                .body("validToday", equalTo(true));
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(Map.of("listName", "失信被执行人名单", "authority", "长春市中级人民法院", "listedOn", "2026-01-05",
                        "listedUntil", today.plusDays(2).toString()))
                .post("/api/v1/enterprises/" + uscc + "/credit-records").then().statusCode(201);
        EnterpriseProfileChangedV1 announced = lastProfileChange(uscc, 2);
        assertThat(announced.facts()).containsEntry("enterprise.qualifications", List.of("high_tech_enterprise"));
        assertThat(announced.creditBlocked()).isTrue();

        // Still valid today: nothing to announce.
        sweep.sweep(today);
        assertThat(profileVersion(uscc)).isEqualTo(3);
        // The day after the recognition's last day: announced without it, once however often the sweep runs.
        sweep.sweep(today.plusDays(1));
        sweep.sweep(today.plusDays(1));
        assertThat(profileVersion(uscc)).isEqualTo(4);
        announced = lastProfileChange(uscc, 3);
        assertThat(announced.change()).isEqualTo("validity");
        assertThat(announced.facts()).doesNotContainKey("enterprise.qualifications");
        assertThat(announced.creditBlocked()).isTrue();
        // The day after the listing's last day: no longer blocked; then nothing dated lies ahead.
        sweep.sweep(today.plusDays(3));
        assertThat(profileVersion(uscc)).isEqualTo(5);
        assertThat(lastProfileChange(uscc, 4).creditBlocked()).isFalse();
        sweep.sweep(today.plusYears(5));
        assertThat(profileVersion(uscc)).isEqualTo(5);
    }

    private static int profileVersion(String uscc) {
        return given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + uscc).then().statusCode(200)
                .extract().path("profileVersion");
    }

    @Test
    void awardsReceivedFromOtherProgrammesAreKeptWithTheirSource() {
        String uscc = register(null, Map.of());
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(Map.of("programme", "吉林省科技发展计划项目", "level", "PROVINCIAL", "authority", "吉林省科学技术厅",
                        "year", 2024, "amount", "300000.00"))
                .post("/api/v1/enterprises/" + uscc + "/awards-received").then().statusCode(201)
                .body("source", equalTo("system"));
        given().auth().oauth2(TestTokens.enterprise(uscc)).contentType(ContentType.JSON)
                .body(Map.of("programme", "长春市科技创新券", "level", "MUNICIPAL", "authority", "长春市科技局", "year",
                        2025, "amount", "50000.50", "reference", "CC2025-01"))
                .post("/api/v1/enterprises/" + uscc + "/awards-received").then().statusCode(201);
        // Refusals store nothing.
        given().auth().oauth2(TestTokens.enterprise(uscc)).contentType(ContentType.JSON)
                .body(Map.of("programme", "x", "level", "GALACTIC", "authority", "y", "year", 2025, "amount", "1.00"))
                .post("/api/v1/enterprises/" + uscc + "/awards-received").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("level"));
        given().auth().oauth2(TestTokens.enterprise(uscc)).contentType(ContentType.JSON)
                .body(Map.of("programme", "x", "level", "DISTRICT", "authority", "y", "year", 2025, "amount", "-1"))
                .post("/api/v1/enterprises/" + uscc + "/awards-received").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.enterprise(TestUscc.random())).contentType(ContentType.JSON)
                .body(Map.of("programme", "x", "level", "DISTRICT", "authority", "y", "year", 2025, "amount", "1"))
                .post("/api/v1/enterprises/" + uscc + "/awards-received").then().statusCode(403);

        given().auth().oauth2(TestTokens.official()).config(RestAssuredConfig.config().jsonConfig(JsonConfig
                .jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .get("/api/v1/enterprises/" + uscc + "/awards-received").then().statusCode(200)
                .body("programme", contains("长春市科技创新券", "吉林省科技发展计划项目"))
                .body("amount", contains(new BigDecimal("50000.50"), new BigDecimal("300000.00")))
                .body("source", contains("declared", "system"))
                .body("[0].recordedBy", equalTo("enterprise:" + uscc));
        given().auth().oauth2(TestTokens.enterprise(TestUscc.random())).get("/api/v1/enterprises/" + uscc
                + "/awards-received").then().statusCode(404);
        assertThat(lastProfileChange(uscc, 2).facts()).isEmpty();
    }

    private EnterpriseProfileChangedV1 lastProfileChange(String uscc, int atLeast) {
        List<EventEnvelope> changes = TestTopics.events(bootstrapServers, Topics.ENTERPRISE, uscc, atLeast + 1,
                Duration.ofSeconds(30)).stream().filter(e -> e.type().equals(EventTypes.ENTERPRISE_PROFILE_CHANGED))
                .toList();
        assertThat(changes).hasSize(atLeast);
        return changes.get(changes.size() - 1).dataAs(EnterpriseProfileChangedV1.class);
    }

    private List<Map<String, Object>> audit(String uscc) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT roles, uscc, path, operation, status, outcome FROM"
                        + " security_audit WHERE uscc = ? AND method = 'GET'")) {
            s.setString(1, uscc);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                        row.put(r.getMetaData().getColumnName(i), r.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
