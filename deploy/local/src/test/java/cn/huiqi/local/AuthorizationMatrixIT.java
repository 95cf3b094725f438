package cn.huiqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.infra.DevJwt;
import cn.huiqi.infra.TestUscc;

/**
 * The authorization matrix ({@code docs/security/authorization-matrix.csv}) asserted against the four packaged
 * services: every operation of their OpenAPI documents must have a row, every row an operation, and every cell (an
 * operation called by one kind of caller) must answer the status the table gives, as problem+json when it is an
 * error, with a Bearer challenge when it is a 401.
 * <p>
 * The data: enterprises A and B (registered by a system), an application of A for the talent reward
 * 长新管规〔2023〕11号 (十二) (department 人社局), its determination, award and inbox message. "enterprise" is A's
 * token on A's ids, "enterprise-b" is B's token on A's ids, "official" is of 人社局, "official-other-department"
 * of 科技局. A POST that creates calls for something new in each cell (a fresh code to register, a year not yet
 * applied for), so each cell is independent of the others.
 */
@ExtendWith(SharedSuite.class)
class AuthorizationMatrixIT {

    static final Path MATRIX = Path.of("docs/security/authorization-matrix.csv");
    static final List<String> CALLERS = List.of("no-token", "expired-token", "wrong-issuer", "alg-none",
            "bad-signature", "enterprise", "enterprise-b", "official", "official-other-department", "policy-admin",
            "system");
    static final String TALENT = "ccxq-2023-11.12";
    /** One PhD hired: eligible, 10,000.00. */
    static final Map<String, Object> CLAIM = Map.of("claim.talent.masters_hired", 0, "claim.talent.phds_hired", 1,
            "claim.talent.postdocs_hired", 0);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static HuiqiSuite suite;
    static DevJwt jwt;
    static String a;
    static String b;
    static String applicationId;
    /** A second application of A, under public notice (公示), for the objection row. */
    static String noticeId;
    static int nextYear = 2001;

    record Row(String service, String method, String path, Map<String, Integer> expected) {
        String operation() {
            return service + " " + method + " " + path;
        }
    }

    @BeforeAll
    static void data() throws Exception {
        suite = SharedSuite.suite();
        jwt = suite.tokens();
        a = TestUscc.random();
        b = TestUscc.random();
        for (String uscc : List.of(a, b)) {
            Answer r = call("application-service", "POST", "/api/v1/enterprises", jwt.system(), registration(uscc));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        Answer applied = call("application-service", "POST", "/api/v1/applications", jwt.enterprise(a), Map.of(
                "uscc", a, "clauseId", TALENT, "year", 2026, "claim", CLAIM));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        applicationId = applied.body().get("id").asText();
        // The determination, the award and the inbox message arrive through Kafka.
        awaitOk("award-service", "/api/v1/awards/" + applicationId);
        awaitOk("eligibility-service", "/api/v1/determinations/" + applicationId);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (call("notification-service", "GET", "/api/v1/enterprises/" + a + "/inbox", jwt.system(), null)
                .body().size() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        noticeId = underPublicNotice();
    }

    /** An application of A for 2025 that an official of 人社局 reviewed and put under public notice. */
    private static String underPublicNotice() throws Exception {
        Answer applied = call("application-service", "POST", "/api/v1/applications", jwt.enterprise(a), Map.of(
                "uscc", a, "clauseId", TALENT, "year", 2025, "claim", CLAIM));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String id = applied.body().get("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Answer read;
        while (!"AWARD_PROPOSED".equals((read = call("application-service", "GET", "/api/v1/applications/" + id,
                jwt.system(), null)).body().path("status").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        for (String action : List.of("START_FORMAL_REVIEW", "START_PUBLIC_NOTICE")) {
            Answer done = call("application-service", "POST", "/api/v1/applications/" + id + "/actions", jwt.official(
                    "人社局"), Map.of("action", action, "version", read.body().path("version").asInt()));
            assertThat(done.status()).as(done.toString()).isEqualTo(200);
            read = done;
        }
        return id;
    }

    @Test
    void everyOperationHasARowAndEveryRowAnOperation() throws Exception {
        TreeSet<String> documented = new TreeSet<>();
        for (Service service : Service.values()) {
            JsonNode openapi = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(suite.baseUrl(service)
                    + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString()).body());
            Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                Iterator<String> methods = path.getValue().fieldNames();
                while (methods.hasNext()) {
                    String method = methods.next().toUpperCase(Locale.ROOT);
                    if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                        documented.add(service.module() + " " + method + " " + path.getKey());
                    }
                }
            }
        }
        TreeSet<String> inMatrix = new TreeSet<>(rows().stream().map(Row::operation).toList());
        TreeSet<String> withoutRow = new TreeSet<>(documented);
        withoutRow.removeAll(inMatrix);
        TreeSet<String> withoutOperation = new TreeSet<>(inMatrix);
        withoutOperation.removeAll(documented);
        assertThat(withoutRow).as("operations in the OpenAPI documents without a row in " + MATRIX
                + ": add one, with the expected status for every caller").isEmpty();
        assertThat(withoutOperation).as("rows of " + MATRIX + " for operations no service has").isEmpty();
        assertThat(documented).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsTheStatusTheMatrixGives() throws IOException {
        return rows().stream().map(row -> DynamicTest.dynamicTest(row.operation(), () -> {
            SoftAssertions soft = new SoftAssertions();
            for (String callerName : CALLERS) {
                int expected = row.expected().get(callerName);
                Answer answer = callAs(row, callerName);
                soft.assertThat(answer.status()).as(row.operation() + " as " + callerName + ": " + answer)
                        .isEqualTo(expected);
                if (answer.status() >= 400) {
                    soft.assertThat(answer.contentType()).as(row.operation() + " as " + callerName)
                            .startsWith("application/problem+json");
                }
                if (answer.status() == 401) {
                    soft.assertThat(answer.challenge()).as(row.operation() + " as " + callerName)
                            .startsWith("Bearer");
                }
            }
            soft.assertAll();
        }));
    }

    /** One cell: the row's operation on A's ids, with the body the operation needs, as the caller. */
    private static Answer callAs(Row row, String callerName) throws IOException, InterruptedException {
        String path = row.path().replace("{uscc}", a).replace("{id}", applicationId)
                .replace("{applicationId}", applicationId).replace("{clauseId}", TALENT);
        Object body = null;
        String ownCode = a;
        switch (row.operation()) {
            case "application-service POST /api/v1/enterprises" -> {
                // A fresh code; "enterprise" registers the code of its own token.
                ownCode = TestUscc.random();
                body = registration(ownCode);
            }
            case "application-service POST /api/v1/applications" -> body = Map.of("uscc", a, "clauseId", TALENT,
                    "year", nextYear++, "claim", CLAIM);
            case "eligibility-service POST /api/v1/calculator" -> body = Map.of("uscc", a, "facts", Map.of(
                    "claim.talent.phds_hired", 1), "clauseIds", List.of(TALENT));
            case "award-service POST /api/v1/awards/{applicationId}/corrections" -> body = Map.of("facts", CLAIM,
                    "reason", "授权矩阵：事实不变");
            case "award-service POST /api/v1/enterprises/{uscc}/estimate" -> body = Map.of("clauseIds", List.of(
                    TALENT), "facts", CLAIM);
            case "award-service POST /api/v1/funds" -> body = Map.of("name", "授权矩阵基金", "department", "人社局",
                    "year", 2100, "total", "1000.00", "clauseIds", List.of(TALENT));
            // {id} is no fund: the roles that may adjust one are told it does not exist
            case "award-service POST /api/v1/funds/{id}/adjustments" -> body = Map.of("delta", "1.00", "reason",
                    "授权矩阵：追加");
            // A stale version: every caller is told who may act, the official of the department gets 412.
            case "application-service POST /api/v1/applications/{id}/actions" -> body = Map.of("action",
                    "START_FORMAL_REVIEW", "version", Integer.MAX_VALUE);
            // A listing that ended long ago: recorded, and A may still apply.
            case "application-service POST /api/v1/enterprises/{uscc}/credit-records" -> body = Map.of("listName",
                    "失信被执行人名单", "authority", "长春市中级人民法院", "listedOn", "2020-01-01", "listedUntil",
                    "2020-12-31");
            // 申报期 of a year no cell applies for.
            case "application-service PUT /api/v1/clauses/{clauseId}/windows/{year}" -> {
                path = row.path().replace("{clauseId}", TALENT).replace("{year}", "2099");
                body = Map.of("opensOn", "2099-01-01", "closesOn", "2099-12-31");
            }
            // A's application is past the draft: its owner may not edit it (409), others never see it.
            case "application-service PUT /api/v1/applications/{id}" -> body = Map.of("claim", CLAIM, "version",
                    Integer.MAX_VALUE);
            case "application-service POST /api/v1/applications/{id}/attachments" -> {
                path = path + "?fileName=matrix.txt";
                body = Map.of("note", "授权矩阵：附件");
            }
            // An attachment A's application does not have: the department's official is told so, others not.
            case "application-service GET /api/v1/applications/{id}/attachments/{attachmentId}" -> path = path
                    .replace("{attachmentId}", java.util.UUID.randomUUID().toString());
            // The defaults again: nothing changes for the other tests.
            case "application-service PUT /api/v1/clauses/{clauseId}/review-settings" -> body = Map.of(
                    "publicNoticeWorkingDays", 5, "expertReview", "OPTIONAL");
            case "application-service POST /api/v1/public-notices/{applicationId}/objections" -> {
                path = row.path().replace("{applicationId}", noticeId);
                body = Map.of("name", "王某", "contact", "13800000000", "reason", "授权矩阵：异议");
            }
            // The enterprise registry: a harmless declared fact, a new address.
            case "application-service PUT /api/v1/enterprises/{uscc}/facts" -> body = Map.of("facts", Map.of(
                    "enterprise.size_class", "small"));
            case "application-service PATCH /api/v1/enterprises/{uscc}" -> body = Map.of("address",
                    "吉林省长春市长春新区授权矩阵路1号");
            case "application-service GET /api/v1/enterprises/{uscc}/facts/{name}/history" -> path = path.replace(
                    "{name}", "enterprise.size_class");
            case "application-service PUT /api/v1/enterprises/{uscc}/financials/{period}" -> {
                path = path.replace("{period}", "2025");
                body = Map.of("revenue", "1000000.00", "employees", 12);
            }
            case "application-service POST /api/v1/enterprises/{uscc}/qualifications" -> body = Map.of("kind",
                    "INCUBATOR", "level", "MUNICIPAL", "authority", "长春市科技局", "validFrom", "2024-01-01");
            case "application-service POST /api/v1/enterprises/{uscc}/awards-received" -> body = Map.of("programme",
                    "授权矩阵：长春市科技创新券", "level", "MUNICIPAL", "authority", "长春市科技局", "year", 2024, "amount",
                    "1000.00");
            // A 失信 record A does not have: only a system gets that far (404).
            case "application-service POST /api/v1/enterprises/{uscc}/credit-records/{id}/end" -> body = Map.of(
                    "endedOn", "2020-06-30", "reason", "授权矩阵：信用修复");
            default -> {
                if (!row.method().equals("GET")) {
                    throw new AssertionError("No request body for " + row.operation() + ": teach "
                            + AuthorizationMatrixIT.class.getSimpleName() + " how to call it");
                }
            }
        }
        return call(row.service(), row.method(), path, token(callerName, ownCode), body);
    }

    private static String token(String callerName, String ownCode) {
        return switch (callerName) {
            case "no-token" -> null;
            case "expired-token" -> jwt.expired();
            case "wrong-issuer" -> jwt.wrongIssuer();
            case "alg-none" -> jwt.algNone();
            case "bad-signature" -> jwt.badSignature();
            case "enterprise" -> jwt.enterprise(ownCode);
            case "enterprise-b" -> jwt.enterprise(b);
            case "official" -> jwt.official("人社局");
            case "official-other-department" -> jwt.official("科技局");
            case "policy-admin" -> jwt.policyAdmin();
            case "system" -> jwt.system();
            default -> throw new IllegalArgumentException(callerName);
        };
    }

    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(suite.config().projectRoot().resolve(MATRIX)).stream()
                .filter(l -> !l.isBlank()).toList();
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header.subList(3, header.size())).as("the callers of " + MATRIX).isEqualTo(CALLERS);
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertThat(cells).as(line).hasSize(header.size());
            Map<String, Integer> expected = new LinkedHashMap<>();
            for (int i = 3; i < cells.length; i++) {
                expected.put(header.get(i), Integer.parseInt(cells[i].trim()));
            }
            rows.add(new Row(cells[0].trim(), cells[1].trim().toUpperCase(Locale.ROOT), cells[2].trim(), expected));
        }
        return rows;
    }

    static Map<String, Object> registration(String uscc) {
        return Map.of("uscc", uscc, "name", "长春某科技有限公司", "legalForm", "limited_liability_company",
                "regionCode", "220173", "registrationDate", "2020-05-01");
    }

    record Answer(int status, String contentType, String challenge, JsonNode body) {
    }

    static Answer call(String service, String method, String path, String token, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.baseUrl(service) + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("WWW-Authenticate").orElse(""), json);
    }

    private static void awaitOk(String service, String path) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Answer last;
        do {
            last = call(service, "GET", path, jwt.system(), null);
            if (last.status() == 200) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(service + path + " never answered 200; last: " + last);
    }
}
