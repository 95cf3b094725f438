package cn.huiqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.infra.TestUscc;

/**
 * The thin flow through all four services, as packaged, over real HTTP, PostgreSQL and Kafka (no in-memory
 * connector): register an enterprise, apply for the Changchun New Area talent reward (长新管规〔2023〕11号 (十二)), and
 * see eligibility, the exact amount and the inbox message arrive.
 */
@ExtendWith(SharedSuite.class)
class ThinFlowIT {

    static final String TALENT = "ccxq-2023-11.12";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static HuiqiSuite suite;

    @BeforeAll
    static void up() {
        suite = SharedSuite.suite();
    }

    @Test
    void talentRewardFromRegistrationToInbox() throws Exception {
        String uscc = TestUscc.random();
        Response registered = post(uscc, "application-service", "/enterprises", Map.of("uscc", uscc, "name",
                "长春数实融合科技有限公司", "legalForm", "limited_liability_company", "regionCode", "220173",
                "registrationDate", "2021-03-15", "facts", Map.of("enterprise.industry_tags", List.of(
                        "digital_healthcare"))));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        Response applied = post(uscc, "application-service", "/applications", Map.of("uscc", uscc, "clauseId", TALENT,
                "year", 2026, "claim", Map.of("claim.talent.masters_hired", 3, "claim.talent.phds_hired", 2,
                        "claim.talent.postdocs_hired", 1)));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String applicationId = applied.body().get("id").asText();

        // application-service shows the status and the amount computed by award-service: 3×5,000 + 2×10,000 + 20,000.
        JsonNode application = await(uscc, "application-service", "/applications/" + applicationId,
                a -> "AWARD_PROPOSED".equals(a.path("status").asText()));
        assertThat(application.get("amount").asText()).isEqualTo("55000.00");
        assertThat(application.get("awardTrace").toString()).contains("硕士 3 人 × 5,000.00 = 15,000.00");

        JsonNode determination = get(uscc, "eligibility-service", "/determinations/" + applicationId).body();
        assertThat(determination.get("eligible").asBoolean()).isTrue();

        JsonNode award = get(uscc, "award-service", "/awards/" + applicationId).body();
        assertThat(award.get("amount").asText()).isEqualTo("55000.00");
        assertThat(award.get("uncappedAmount").asText()).isEqualTo("55000.00");

        JsonNode inbox = await(uscc, "notification-service", "/enterprises/" + uscc + "/inbox",
                i -> i.findValuesAsText("kind").contains("award-proposed"));
        assertThat(inbox.findValuesAsText("title")).contains("拟奖励 55,000.00 元", "申请已提交");
        assertThat(inbox.findValuesAsText("body"))
                .anyMatch(b -> b.contains("拟奖励金额 55,000.00 元") && b.contains(applicationId));
    }

    @Test
    void yearlyCapOfHalfAMillionBinds() throws Exception {
        String uscc = register();
        Response applied = post(uscc, "application-service", "/applications", Map.of("uscc", uscc, "clauseId", TALENT,
                "year", 2026, "claim", Map.of("claim.talent.masters_hired", 0, "claim.talent.phds_hired", 0,
                        "claim.talent.postdocs_hired", 30)));
        JsonNode application = await(uscc, "application-service", "/applications/" + applied.body().get("id").asText(),
                a -> "AWARD_PROPOSED".equals(a.path("status").asText()));
        assertThat(application.get("amount").asText()).isEqualTo("500000.00");
        assertThat(application.get("uncappedAmount").asText()).isEqualTo("600000.00");
        JsonNode inbox = await(uscc, "notification-service", "/enterprises/" + uscc + "/inbox",
                i -> i.findValuesAsText("kind").contains("award-proposed"));
        assertThat(inbox.findValuesAsText("body")).anyMatch(b -> b.contains("按政策计算 600,000.00 元，受上限约束"));
    }

    @Test
    void noQualifyingHireIsExplained() throws Exception {
        String uscc = register();
        Response applied = post(uscc, "application-service", "/applications", Map.of("uscc", uscc, "clauseId", TALENT,
                "year", 2026, "claim", Map.of("claim.talent.masters_hired", 0, "claim.talent.phds_hired", 0,
                        "claim.talent.postdocs_hired", 0)));
        JsonNode application = await(uscc, "application-service", "/applications/" + applied.body().get("id").asText(),
                a -> "INELIGIBLE".equals(a.path("status").asText()));
        assertThat(application.get("amount").isNull()).isTrue();
        assertThat(application.get("reasons").findValuesAsText("shortfall")).contains("1");
        JsonNode inbox = await(uscc, "notification-service", "/enterprises/" + uscc + "/inbox",
                i -> i.findValuesAsText("kind").contains("application-ineligible"));
        assertThat(inbox.findValuesAsText("title")).contains("申请未通过资格审核");
    }

    @Test
    void badCreditCodeIsRefusedNamingTheRule() throws Exception {
        String valid = TestUscc.random();
        String wrong = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        Response refused = post(wrong, "application-service", "/enterprises", Map.of("uscc", wrong, "name", "某公司",
                "legalForm", "limited_liability_company", "regionCode", "220173", "registrationDate", "2021-03-15"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("rule").asText()).isEqualTo("check-digit");
        assertThat(get(wrong, "application-service", "/enterprises/" + wrong).status()).isEqualTo(404);
    }

    private static String register() throws IOException, InterruptedException {
        String uscc = TestUscc.random();
        Response r = post(uscc, "application-service", "/enterprises", Map.of("uscc", uscc, "name", "长春某科技有限公司",
                "legalForm", "joint_stock_company", "regionCode", "220173", "registrationDate", "2019-07-01"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return uscc;
    }

    record Response(int status, String contentType, JsonNode body) {
    }

    /** A POST with the token of enterprise {@code uscc}, the way its front end calls. */
    private static Response post(String uscc, String service, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.apiUrl(service) + path))
                .header("Authorization", "Bearer " + suite.tokens().enterprise(uscc))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .timeout(Duration.ofSeconds(30))
                .build();
        return send(request);
    }

    private static Response get(String uscc, String service, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(suite.apiUrl(service) + path))
                .header("Authorization", "Bearer " + suite.tokens().enterprise(uscc))
                .timeout(Duration.ofSeconds(30)).build());
    }

    private static Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
        return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), body);
    }

    /** Polls until the resource exists and satisfies the condition (events are asynchronous), for up to 60 s. */
    private static JsonNode await(String uscc, String service, String path, Predicate<JsonNode> condition)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Response last;
        do {
            last = get(uscc, service, path);
            if (last.status() == 200 && condition.test(last.body())) {
                return last.body();
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(service + path + " did not reach the expected state; last answer: " + last);
    }
}
