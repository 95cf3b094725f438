package cn.huiqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.huiqi.infra.TestUscc;

/**
 * The whole application lifecycle across the four packaged services, as an official runs it: eligibility and the
 * award from the other services, formal review, 公示 with an objection from the public, approval, the finance bureau's
 * disbursement and a clawback; award-service books each step in its ledger and the enterprise hears of each in its
 * inbox.
 */
@ExtendWith(SharedSuite.class)
class LifecycleIT {

    static final String TALENT = "ccxq-2023-11.12";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static HuiqiSuite suite;

    @BeforeAll
    static void suite() {
        suite = SharedSuite.suite();
    }

    @Test
    void reviewNoticeWithAnObjectionApprovalDisbursementAndClawback() throws Exception {
        String uscc = TestUscc.random();
        String enterprise = suite.tokens().enterprise(uscc);
        String official = suite.tokens().official("人社局");
        String system = suite.tokens().system();
        assertThat(call("POST", "/enterprises", system, Map.of("uscc", uscc, "name", "长春公示测试科技有限公司",
                "legalForm", "limited_liability_company", "regionCode", "220173", "registrationDate", "2021-03-15"))
                .status()).isEqualTo(201);
        Answer applied = call("POST", "/applications", enterprise, Map.of("uscc", uscc, "clauseId", TALENT, "year",
                2026, "claim", Map.of("claim.talent.masters_hired", 0, "claim.talent.phds_hired", 1,
                        "claim.talent.postdocs_hired", 0)));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String id = applied.body().get("id").asText();
        await(enterprise, "application-service", "/applications/" + id,
                a -> "AWARD_PROPOSED".equals(a.path("status").asText()));

        act(official, id, "START_FORMAL_REVIEW", null, null, 200);
        JsonNode notice = act(official, id, "START_PUBLIC_NOTICE", null, null, 200).body();
        String ends = notice.get("noticeEndsOn").asText();
        // Anyone reads the notice and objects, without a token.
        JsonNode list = call("GET", "/public-notices?clauseId=" + TALENT + "&limit=200", null, null).body();
        assertThat(list.findValuesAsText("applicationId")).contains(id);
        Answer objection = call("POST", "/public-notices/" + id + "/objections", null, Map.of("name", "王某",
                "contact", "13800000000", "reason", "博士学历存疑"));
        assertThat(objection.status()).as(objection.toString()).isEqualTo(201);
        assertThat(act(official, id, "APPROVE", null, null, 409).body().get("type").asText())
                .isEqualTo("urn:huiqi:problem:objection-open");
        act(official, id, "DISMISS_OBJECTION", "学历证书经核验属实", null, 200);
        assertThat(act(official, id, "APPROVE", null, null, 409).body().get("noticeEndsOn").asText())
                .isEqualTo(ends);
        // Five working days pass.
        try (Connection c = suite.postgres().connect(Service.named("application-service").database());
                PreparedStatement ps = c.prepareStatement("UPDATE application SET notice_ends_on = ? WHERE id = ?")) {
            ps.setObject(1, LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1));
            ps.setObject(2, UUID.fromString(id));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThat(act(official, id, "APPROVE", null, null, 200).body().get("approvedAmount").asText())
                .isEqualTo("10000.00");
        act(system, id, "DISBURSE", null, null, 200);
        assertThat(act(official, id, "CLAW_BACK", "虚报学历", "4000.00", 200).body().get("status").asText())
                .isEqualTo("CLAWED_BACK");

        JsonNode history = call("GET", "/applications/" + id + "/history", enterprise, null).body();
        assertThat(history.findValuesAsText("action")).containsExactly("SUBMIT", "DETERMINE_ELIGIBLE",
                "PROPOSE_AWARD", "START_FORMAL_REVIEW", "START_PUBLIC_NOTICE", "RAISE_OBJECTION", "DISMISS_OBJECTION",
                "APPROVE", "DISBURSE", "CLAW_BACK");
        // award-service books the grant, the disbursement and the clawback from application.state-changed.v1.
        JsonNode award = await(official, "award-service", "/awards/" + id,
                a -> a.path("entries").findValuesAsText("kind").contains("CLAWED_BACK"));
        assertThat(award.path("entries").findValuesAsText("kind")).contains("GRANTED", "DISBURSED", "CLAWED_BACK");
        // The enterprise hears of each step in Chinese.
        JsonNode inbox = await(enterprise, "notification-service", "/enterprises/" + uscc + "/inbox",
                i -> i.findValuesAsText("kind").contains("application-claw-back"));
        assertThat(inbox.findValuesAsText("title")).contains("申请进入形式审查", "申请进入公示", "公示期收到异议",
                "异议不成立，公示继续", "申请已批准：10,000.00 元", "资金已拨付：10,000.00 元", "资金追回：4,000.00 元");
    }

    @Test
    void aDraftWithAttachmentsIsSubmittedReturnedCorrectedAndProposedAgain() throws Exception {
        String uscc = TestUscc.random();
        String enterprise = suite.tokens().enterprise(uscc);
        String official = suite.tokens().official("人社局");
        assertThat(call("POST", "/enterprises", suite.tokens().system(), Map.of("uscc", uscc, "name",
                "长春补充材料测试科技有限公司", "legalForm", "limited_liability_company", "regionCode", "220173",
                "registrationDate", "2021-03-15")).status()).isEqualTo(201);
        // A draft for one PhD, its degree certificate attached, then submitted.
        Answer draft = call("POST", "/applications", enterprise, Map.of("uscc", uscc, "clauseId", TALENT, "year",
                2026, "claim", Map.of("claim.talent.masters_hired", 0, "claim.talent.phds_hired", 1,
                        "claim.talent.postdocs_hired", 0),
                "submit", false));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        String id = draft.body().get("id").asText();
        byte[] certificate = ("博士学位证书 " + uscc).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(upload(enterprise, id, "博士学位证书.pdf", certificate).status()).isEqualTo(201);
        assertThat(call("GET", "/applications/" + id, official, null).status()).isEqualTo(404);
        act(enterprise, id, "SUBMIT", null, null, 200);
        JsonNode proposed = await(enterprise, "application-service", "/applications/" + id,
                a -> "AWARD_PROPOSED".equals(a.path("status").asText()));
        assertThat(proposed.path("amount").asText()).isEqualTo("10000.00");

        // Returned for material: the enterprise adds the second PhD it had left out, with its certificate.
        act(official, id, "START_FORMAL_REVIEW", null, null, 200);
        act(official, id, "RETURN_FOR_MATERIAL", "请补充第二名博士的学位证书", null, 200);
        String etag = call("GET", "/applications/" + id, enterprise, null).etag();
        HttpRequest.Builder edit = HttpRequest.newBuilder(URI.create(suite.apiUrl("application-service")
                + "/applications/" + id)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer "
                        + enterprise)
                .header("If-Match", etag).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("claim", Map.of(
                        "claim.talent.masters_hired", 0, "claim.talent.phds_hired", 2, "claim.talent.postdocs_hired",
                        0)))));
        assertThat(send(edit).status()).isEqualTo(200);
        byte[] second = ("第二名博士学位证书 " + uscc).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(upload(enterprise, id, "第二名博士学位证书.pdf", second).status()).isEqualTo(201);
        assertThat(act(enterprise, id, "RESUBMIT", null, null, 200).body().path("revision").asInt()).isEqualTo(1);

        // Eligibility is determined again on the new claim; award-service releases the first proposal and proposes
        // again, for two PhDs.
        JsonNode again = await(enterprise, "application-service", "/applications/" + id,
                a -> "AWARD_PROPOSED".equals(a.path("status").asText()));
        assertThat(again.path("amount").asText()).isEqualTo("20000.00");
        assertThat(again.path("attachments").findValuesAsText("fileName")).containsExactly("博士学位证书.pdf",
                "第二名博士学位证书.pdf");
        JsonNode determination = call("eligibility-service", "GET", "/determinations/" + id, enterprise, null)
                .body();
        assertThat(determination.path("revision").asInt()).isEqualTo(1);
        assertThat(determination.path("history").findValuesAsText("revision")).containsExactly("0", "1");
        JsonNode history = call("GET", "/applications/" + id + "/history", enterprise, null).body();
        assertThat(history.findValuesAsText("action")).containsExactly("SUBMIT", "DETERMINE_ELIGIBLE",
                "PROPOSE_AWARD", "START_FORMAL_REVIEW", "RETURN_FOR_MATERIAL", "RESUBMIT", "DETERMINE_ELIGIBLE",
                "PROPOSE_AWARD");
        // The department's official reads the material.
        String attachmentId = again.path("attachments").get(1).path("id").asText();
        HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(suite.apiUrl("application-service")
                + "/applications/" + id + "/attachments/" + attachmentId)).header("Authorization", "Bearer "
                        + official)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(second);
    }

    private static Answer upload(String token, String id, String fileName, byte[] bytes)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(suite.apiUrl("application-service") + "/applications/" + id
                + "/attachments?fileName=" + java.net.URLEncoder.encode(fileName,
                        java.nio.charset.StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    record Answer(int status, String etag, JsonNode body) {
    }

    private static Answer act(String token, String id, String action, String reason, String amount, int expected)
            throws IOException, InterruptedException {
        String etag = call("GET", "/applications/" + id, token, null).etag();
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("action", action);
        if (reason != null) {
            body.put("reason", reason);
        }
        if (amount != null) {
            body.put("amount", amount);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.apiUrl("application-service")
                + "/applications/" + id + "/actions")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("If-Match", etag)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        Answer answer = send(request);
        assertThat(answer.status()).as(action + ": " + answer).isEqualTo(expected);
        return answer;
    }

    private static Answer call(String method, String path, String token, Object body)
            throws IOException, InterruptedException {
        return call("application-service", method, path, token, body);
    }

    private static Answer call(String service, String method, String path, String token, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.apiUrl(service) + path))
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
        return send(request);
    }

    private static Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("ETag").orElse(null),
                r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body()));
    }

    private static JsonNode await(String token, String service, String path, Predicate<JsonNode> condition)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Answer last;
        do {
            last = call(service, "GET", path, token, null);
            if (last.status() == 200 && condition.test(last.body())) {
                return last.body();
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(service + path + " never reached the expected state; last: " + last);
    }
}
