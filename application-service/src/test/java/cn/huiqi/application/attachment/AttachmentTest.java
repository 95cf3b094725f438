package cn.huiqi.application.attachment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.AwardProposedV1;
import cn.huiqi.infra.TestTokens;
import cn.huiqi.infra.TestTopics;
import cn.huiqi.infra.TestUscc;

/** Attachments: uploaded while a draft or returned, stored once per content, read by the enterprise and its department. */
@QuarkusTest
class AttachmentTest {

    static final String TALENT = "ccxq-2023-11.12";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "huiqi.attachments.dir")
    Path dir;

    @Test
    void anAttachmentIsStoredOnceListedAndDownloadedByTheEnterpriseAndItsDepartment() throws Exception {
        String uscc = registered();
        String enterprise = TestTokens.enterprise(uscc);
        UUID id = draft(enterprise, uscc);
        byte[] pdf = ("%PDF-1.4 博士学位证书 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String sha = sha256(pdf);

        String attachmentId = upload(enterprise, id, "博士学位证书.pdf", "application/pdf", pdf, sha).then()
                .statusCode(201).body("fileName", equalTo("博士学位证书.pdf")).body("sha256", equalTo(sha))
                .body("size", equalTo(pdf.length)).body("contentType", equalTo("application/pdf")).extract()
                .path("id");
        // The same file again: the same reference; under another name: a second reference to the same stored file.
        upload(enterprise, id, "博士学位证书.pdf", "application/pdf", pdf, null).then().statusCode(200)
                .body("id", equalTo(attachmentId));
        upload(enterprise, id, "学位证书副本.pdf", "application/pdf", pdf, null).then().statusCode(201);
        assertThat(storedFiles(sha)).hasSize(1);
        assertThat(Files.readAllBytes(storedFiles(sha).get(0))).isEqualTo(pdf);

        given().auth().oauth2(enterprise).get("/api/v1/applications/" + id).then().statusCode(200)
                .body("attachments", hasSize(2)).body("attachments[0].id", equalTo(attachmentId))
                .body("attachments[0].sha256", equalTo(sha));

        // Download: the enterprise while a draft; after submission officials of the clause's department too.
        download(enterprise, id, attachmentId).then().statusCode(200).contentType("application/pdf")
                .header("ETag", "\"" + sha + "\"");
        assertThat(download(enterprise, id, attachmentId).asByteArray()).isEqualTo(pdf);
        download(TestTokens.official(), id, attachmentId).then().statusCode(404);
        submit(enterprise, id);
        byte[] read = download(TestTokens.official(), id, attachmentId).then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("UTF-8''"))
                .extract().asByteArray();
        assertThat(read).isEqualTo(pdf);
        download(TestTokens.official(TestTokens.STI_BUREAU), id, attachmentId).then().statusCode(403)
                .contentType("application/problem+json");
        download(TestTokens.enterprise(TestUscc.random()), id, attachmentId).then().statusCode(404);
        download(TestTokens.system(), id, attachmentId).then().statusCode(403);
        download(enterprise, id, UUID.randomUUID().toString()).then().statusCode(404);

        // Submitted: no more attachments.
        upload(enterprise, id, "补充.pdf", "application/pdf", "more".getBytes(StandardCharsets.UTF_8), null).then()
                .statusCode(409).body("type", equalTo("urn:huiqi:problem:not-editable"));
    }

    @Test
    void refusedUploadsStoreNothing() throws Exception {
        String uscc = registered();
        String enterprise = TestTokens.enterprise(uscc);
        UUID id = draft(enterprise, uscc);
        byte[] bytes = ("营业执照 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String sha = sha256(bytes);

        // A sha256 that is not the body's: changed in transit.
        upload(enterprise, id, "营业执照.jpg", "image/jpeg", bytes, sha256("other".getBytes(StandardCharsets.UTF_8)))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:sha256-mismatch")).body("actualSha256", equalTo(sha));
        assertThat(storedFiles(sha)).isEmpty();
        // No file name, a path, an empty body, another enterprise's application, an official.
        upload(enterprise, id, null, "image/jpeg", bytes, null).then().statusCode(400);
        upload(enterprise, id, "../../etc/passwd", "image/jpeg", bytes, null).then().statusCode(400);
        upload(enterprise, id, "empty.txt", "text/plain", new byte[0], null).then().statusCode(422)
                .body("type", equalTo("urn:huiqi:problem:empty-attachment"));
        upload(TestTokens.enterprise(TestUscc.random()), id, "x.jpg", "image/jpeg", bytes, null).then()
                .statusCode(404);
        upload(TestTokens.official(), id, "x.jpg", "image/jpeg", bytes, null).then().statusCode(403);
        // Larger than the service's other bodies (256 KB) is fine up to the attachment limit (300 KB in tests).
        byte[] big = new byte[280 * 1024];
        Arrays.fill(big, (byte) 7);
        big[0] = (byte) UUID.randomUUID().hashCode();
        upload(enterprise, id, "scan.tiff", "image/tiff", big, null).then().statusCode(201)
                .body("size", equalTo(big.length));
        byte[] tooBig = new byte[400 * 1024];
        upload(enterprise, id, "huge.tiff", "image/tiff", tooBig, null).then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:huiqi:problem:attachment-too-large"));
        assertThat(storedFiles(sha256(tooBig))).isEmpty();
        given().auth().oauth2(enterprise).get("/api/v1/applications/" + id).then().body("attachments", hasSize(1));
        // Other routes keep the 256 KB limit.
        given().auth().oauth2(enterprise).contentType(ContentType.JSON).body("{\"claim\":{},\"x\":\""
                + "a".repeat(300 * 1024) + "\"}").put("/api/v1/applications/" + id).then().statusCode(413)
                .body("type", equalTo("urn:huiqi:problem:payload-too-large"));
    }

    @Test
    void aReturnedApplicationTakesMoreMaterial() throws Exception {
        String uscc = registered();
        String enterprise = TestTokens.enterprise(uscc);
        UUID id = UUID.fromString(given().auth().oauth2(enterprise).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "clauseId", TALENT, "year", 2026, "claim",
                        Map.of("claim.talent.phds_hired", 1)))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id"));
        byte[] bytes = ("劳动合同 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        upload(enterprise, id, "劳动合同.pdf", "application/pdf", bytes, null).then().statusCode(409);
        TestTopics.send(bootstrapServers, Topics.AWARD, EventEnvelope.of(EventTypes.AWARD_PROPOSED,
                "huiqi/award-service", uscc, new AwardProposedV1(id, uscc, TALENT, 2026, new BigDecimal("10000.00"),
                        new BigDecimal("10000.00"), List.of(), List.of(), "grant", "computed")));
        awaitStatus(id, "AWARD_PROPOSED");
        act(TestTokens.official(), id, "START_FORMAL_REVIEW", null).then().statusCode(200);
        act(TestTokens.official(), id, "RETURN_FOR_MATERIAL", "请补充劳动合同").then().statusCode(200);
        int before = version(enterprise, id);
        upload(enterprise, id, "劳动合同.pdf", "application/pdf", bytes, sha256(bytes)).then().statusCode(201);
        // The application changed: its ETag moved on.
        assertThat(version(enterprise, id)).isGreaterThan(before);
        act(enterprise, id, "RESUBMIT", null).then().statusCode(200).body("attachments", hasSize(1))
                .body("attachments[0].fileName", equalTo("劳动合同.pdf"));
    }

    // --- helpers

    private List<Path> storedFiles(String sha) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().equals(sha)).toList();
        }
    }

    static Response upload(String token, UUID id, String fileName, String contentType, byte[] body, String sha) {
        // The content type as given (RestAssured would add a charset to it).
        var request = given().config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false))).auth().oauth2(token)
                .contentType(contentType).body(body);
        if (fileName != null) {
            request = request.queryParam("fileName", fileName);
        }
        if (sha != null) {
            request = request.queryParam("sha256", sha);
        }
        return request.post("/api/v1/applications/" + id + "/attachments");
    }

    static Response download(String token, UUID id, String attachmentId) {
        return given().auth().oauth2(token).get("/api/v1/applications/" + id + "/attachments/" + attachmentId);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static Response act(String token, UUID id, String action, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        if (reason != null) {
            body.put("reason", reason);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("If-Match", "\"" + version(token, id) + "\"").body(body)
                .post("/api/v1/applications/" + id + "/actions");
    }

    static int version(String token, UUID id) {
        return Integer.parseInt(given().auth().oauth2(token).get("/api/v1/applications/" + id).then().statusCode(200)
                .extract().header("ETag").replace("\"", ""));
    }

    static void awaitStatus(UUID id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!status.equals(given().auth().oauth2(TestTokens.system()).get("/api/v1/applications/" + id).then()
                .extract().path("status"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("application " + id + " never reached " + status);
            }
            Thread.sleep(100);
        }
    }

    private static void submit(String token, UUID id) {
        act(token, id, "SUBMIT", null).then().statusCode(200);
    }

    private static UUID draft(String token, String uscc) {
        return UUID.fromString(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "clauseId", TALENT, "year", 2026, "claim",
                        Map.of("claim.talent.phds_hired", 1), "submit", false))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id"));
    }

    private static String registered() {
        String uscc = TestUscc.random();
        given().auth().oauth2(TestTokens.system()).contentType(ContentType.JSON)
                .body(Map.of("uscc", uscc, "name", "长春数实融合科技有限公司", "legalForm", "limited_liability_company",
                        "regionCode", "220173", "registrationDate", "2021-03-15"))
                .post("/api/v1/enterprises").then().statusCode(201);
        return uscc;
    }
}
