package cn.huiqi.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import cn.huiqi.application.apply.ClauseCatalog;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestUscc;
import cn.huiqi.support.security.Departments;

/** Who may call what: tokens, roles, object-level checks, the allow-list on writes, limits and the audit log. */
@QuarkusTest
class SecurityTest {

    static final String TALENT = "ccxq-2023-11.12";

    @Inject
    DataSource dataSource;

    @Inject
    ClauseCatalog catalog;

    @Test
    void withoutATokenTheApiAnswers401ProblemWithAChallenge() {
        given().get("/api/v1/enterprises/" + TestUscc.random()).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:huiqi:problem:unauthenticated"));
        given().contentType(ContentType.JSON).body(EnterpriseResourceTest.registration(TestUscc.random()))
                .post("/api/v1/enterprises").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tokensThatDoNotVerifyAre401() {
        var jwt = TestTokens.jwt();
        for (String token : List.of(jwt.expired(), jwt.wrongIssuer(), jwt.algNone(), jwt.badSignature(),
                "not-a-jwt")) {
            given().auth().oauth2(token).get("/api/v1/enterprises/" + TestUscc.random()).then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("type", equalTo("urn:huiqi:problem:invalid-token"));
        }
    }

    @Test
    void healthMetricsAndOpenApiNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void theNoticeListAndObjectionsArePublicOnPurposeAndTheRestIsNot() {
        var jwt = TestTokens.jwt();
        for (String token : java.util.Arrays.asList(null, jwt.expired(), jwt.algNone(), TestTokens.policyAdmin())) {
            var request = given();
            if (token != null) {
                request.auth().oauth2(token);
            }
            request.get("/api/v1/public-notices").then().statusCode(200);
            // Reaches the operation: no such notice, not 401.
            (token == null ? given() : given().auth().oauth2(token)).contentType(ContentType.JSON)
                    .body(Map.of("name", "王某", "contact", "13800000000", "reason", "x"))
                    .post("/api/v1/public-notices/" + UUID.randomUUID() + "/objections").then().statusCode(404)
                    .contentType("application/problem+json");
        }
        given().get("/api/v1/applications/" + UUID.randomUUID() + "/history").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("action", "APPROVE", "version", 0))
                .post("/api/v1/applications/" + UUID.randomUUID() + "/actions").then().statusCode(401);
        given().auth().oauth2(TestTokens.policyAdmin()).get("/api/v1/applications/" + UUID.randomUUID() + "/history")
                .then().statusCode(403);
    }

    @Test
    void anEnterpriseRegistersOnlyItselfAndASystemAnyone() {
        String own = TestUscc.random();
        String other = TestUscc.random();
        given().auth().oauth2(TestTokens.enterprise(own)).contentType(ContentType.JSON)
                .body(EnterpriseResourceTest.registration(other)).post("/api/v1/enterprises").then()
                .statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:forbidden"));
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + other).then().statusCode(404);
        given().auth().oauth2(TestTokens.official()).contentType(ContentType.JSON)
                .body(EnterpriseResourceTest.registration(other)).post("/api/v1/enterprises").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.enterprise(own)).contentType(ContentType.JSON)
                .body(EnterpriseResourceTest.registration(own)).post("/api/v1/enterprises").then()
                .statusCode(201);
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(EnterpriseResourceTest.registration(other)).post("/api/v1/enterprises").then()
                .statusCode(201);
    }

    @Test
    void anotherEnterprisesApplicationIsIndistinguishableFromAMissingOne() {
        String a = registered();
        String b = registered();
        String id = submit(a, TestTokens.enterprise(a));

        JsonPath hidden = given().auth().oauth2(TestTokens.enterprise(b)).get("/api/v1/applications/" + id).then()
                .statusCode(404).contentType("application/problem+json").extract().jsonPath();
        UUID missingId = UUID.randomUUID();
        JsonPath missing = given().auth().oauth2(TestTokens.enterprise(b)).get("/api/v1/applications/" + missingId)
                .then().statusCode(404).extract().jsonPath();
        assertThat(hidden.getString("type")).isEqualTo(missing.getString("type"));
        assertThat(hidden.getString("title")).isEqualTo(missing.getString("title"));
        assertThat(hidden.getString("detail")).isEqualTo(missing.getString("detail").replace(missingId.toString(),
                id));

        given().auth().oauth2(TestTokens.enterprise(b)).get("/api/v1/enterprises/" + a).then().statusCode(404);
        given().auth().oauth2(TestTokens.enterprise(b)).get("/api/v1/enterprises/" + a + "/applications").then()
                .statusCode(404);

        given().auth().oauth2(TestTokens.enterprise(a)).get("/api/v1/applications/" + id).then().statusCode(200)
                .body("uscc", equalTo(a));
        given().auth().oauth2(TestTokens.official()).get("/api/v1/applications/" + id).then().statusCode(200);
        // Reading is not scoped by department yet; review actions will be.
        given().auth().oauth2(TestTokens.official(TestTokens.STI_BUREAU)).get("/api/v1/applications/" + id).then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + a + "/applications").then()
                .statusCode(200).body("size()", equalTo(1));
        given().auth().oauth2(TestTokens.policyAdmin()).get("/api/v1/applications/" + id).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:huiqi:problem:forbidden"));
    }

    @Test
    void onlyTheEnterpriseItselfApplies() {
        String a = registered();
        String b = registered();
        for (String token : List.of(TestTokens.enterprise(b), TestTokens.system(), TestTokens.official(),
                TestTokens.policyAdmin())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(application(a)).post(
                    "/api/v1/applications").then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + a + "/applications").then()
                .statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void propertiesAWriteDoesNotAcceptAreRefusedByNameAndChangeNothing() {
        String a = registered();
        Map<String, Object> body = new java.util.LinkedHashMap<>(application(a));
        body.put("status", "AWARD_PROPOSED");
        given().auth().oauth2(TestTokens.enterprise(a)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:unknown-property"))
                .body("property", equalTo("status"));
        body.remove("status");
        body.put("amount", "500000.00");
        given().auth().oauth2(TestTokens.enterprise(a)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications").then().statusCode(400).body("property", equalTo("amount"));
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + a + "/applications").then()
                .statusCode(200).body("size()", equalTo(0));

        String c = TestUscc.random();
        Map<String, Object> registration = new java.util.LinkedHashMap<>(EnterpriseResourceTest.registration(c));
        registration.put("approver", "someone");
        given().auth().oauth2(TestTokens.enterprise(c)).contentType(ContentType.JSON).body(registration)
                .post("/api/v1/enterprises").then().statusCode(400).body("property", equalTo("approver"));
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + c).then().statusCode(404);
    }

    @Test
    void pagesAreBounded() {
        String a = registered();
        submit(a, TestTokens.enterprise(a));
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + a + "/applications?limit=201")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:validation"))
                .body("violations[0].field", equalTo("limit"));
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + a + "/applications?limit=200")
                .then().statusCode(200).body("size()", equalTo(1));
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + a + "/applications?offset=1")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aBodyOverTheLimitIs413Problem() {
        String a = TestUscc.random();
        String big = "{\"uscc\":\"" + a + "\",\"name\":\"" + "x".repeat(300 * 1024) + "\"}";
        given().auth().oauth2(TestTokens.enterprise(a)).contentType(ContentType.JSON).body(big)
                .post("/api/v1/enterprises").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:payload-too-large"));
        given().auth().oauth2(TestTokens.system()).get("/api/v1/enterprises/" + a).then().statusCode(404);

        // The same without Content-Length (chunked): read up to the limit, then refused.
        given().auth().oauth2(TestTokens.enterprise(a)).contentType(ContentType.JSON)
                .body(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))).post("/api/v1/enterprises")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:payload-too-large"));
        // A chunked body within the limit goes through.
        String small = "{\"uscc\":\"" + a + "\",\"name\":\"长春某公司\",\"legalForm\":\"limited_liability_company\","
                + "\"regionCode\":\"220173\",\"registrationDate\":\"2021-03-15\"}";
        given().auth().oauth2(TestTokens.enterprise(a)).contentType(ContentType.JSON)
                .body(new ByteArrayInputStream(small.getBytes(StandardCharsets.UTF_8))).post("/api/v1/enterprises")
                .then().statusCode(201);
    }

    @Test
    void denialsAndWritesAreAuditedWithWhoWhatAndResult() throws Exception {
        String a = registered();
        String b = TestUscc.random();
        String id = submit(a, TestTokens.enterprise(a));
        given().auth().oauth2(TestTokens.enterprise(b)).get("/api/v1/applications/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.policyAdmin()).get("/api/v1/enterprises/" + a).then().statusCode(403);
        given().get("/api/v1/enterprises/" + a + "?audit-probe=" + a).then().statusCode(401);

        List<Map<String, Object>> hidden = awaitAudit("path = '/api/v1/applications/" + id + "'", 1);
        assertThat(hidden).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("status", 404).containsEntry("outcome", "denied")
                    .containsEntry("subject", "enterprise:" + b).containsEntry("uscc", b)
                    .containsEntry("roles", "enterprise").containsEntry("operation", "getApplication");
            assertThat(r.get("remote_address")).isNotNull();
        });
        assertThat(awaitAudit("path = '/api/v1/enterprises/" + a + "' and status = 403", 1)).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("roles", "policy-admin"));
        assertThat(awaitAudit("path = '/api/v1/enterprises/" + a + "' and status = 401", 1)).singleElement()
                .satisfies(r -> assertThat(r.get("subject")).isNull());
        assertThat(awaitAudit("path = '/api/v1/applications' and uscc = '" + a + "' and outcome = 'written'", 1))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("status", 201)
                        .containsEntry("operation", "submitApplication").containsEntry("method", "POST"));
        // Reads that succeed are not security events.
        given().auth().oauth2(TestTokens.enterprise(a)).get("/api/v1/applications/" + id).then().statusCode(200);
        Thread.sleep(300);
        assertThat(audit("path = '/api/v1/applications/" + id + "' and status = 200")).isEmpty();
    }

    @Test
    void theAuditLogIsAppendOnly() throws Exception {
        given().get("/api/v1/enterprises/" + TestUscc.random()).then().statusCode(401);
        awaitAudit("status = 401", 1);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE security_audit SET status = 200"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM security_audit"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE security_audit"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM security_audit WHERE status = 200")) {
                r.next();
                assertThat(r.getLong(1)).isZero();
            }
            // And a role that is not the owner has no UPDATE, DELETE or TRUNCATE privilege at all.
            try (ResultSet r = s.executeQuery("SELECT has_table_privilege('public', 'security_audit', 'UPDATE'),"
                    + " has_table_privilege('public', 'security_audit', 'DELETE'),"
                    + " has_table_privilege('public', 'security_audit', 'TRUNCATE')")) {
                r.next();
                assertThat(List.of(r.getBoolean(1), r.getBoolean(2), r.getBoolean(3))).containsOnly(false);
            }
        }
    }

    @Test
    void anOfficialIsScopedToTheDepartmentsResponsibleForAClause() {
        String department = catalog.department(TALENT).orElseThrow();
        assertThat(department).isEqualTo(TestTokens.HR_BUREAU);
        assertThat(Departments.covers(List.of(TestTokens.HR_BUREAU), department)).isTrue();
        assertThat(Departments.covers(List.of(TestTokens.STI_BUREAU), department)).isFalse();
        // Several departments in one clause: each of them is responsible, names match exactly.
        assertThat(Departments.covers(List.of("市财政局"), "市科技局、市财政局")).isTrue();
        assertThat(Departments.covers(List.of("科技局"), "市科技局、市财政局")).isFalse();
    }

    private static String registered() {
        String uscc = TestUscc.random();
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(EnterpriseResourceTest.registration(uscc)).post("/api/v1/enterprises").then().statusCode(201);
        return uscc;
    }

    private static Map<String, Object> application(String uscc) {
        return Map.of("uscc", uscc, "clauseId", TALENT, "year", 2026, "claim", Map.of("claim.talent.phds_hired", 1));
    }

    private static String submit(String uscc, String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(application(uscc))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
    }

    private List<Map<String, Object>> awaitAudit(String where, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Map<String, Object>> rows;
        do {
            rows = audit(where);
            if (rows.size() >= atLeast) {
                return rows;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no audit entry where " + where + "; found " + rows);
    }

    private List<Map<String, Object>> audit(String where) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT subject, roles, uscc, method, path, operation, remote_address,"
                        + " status, outcome FROM security_audit WHERE " + where)) {
            while (r.next()) {
                Map<String, Object> row = new java.util.HashMap<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.put(r.getMetaData().getColumnName(i), r.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
