package cn.huiqi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.huiqi.infra.FreePorts;

/**
 * The launcher against real PostgreSQL and Kafka, with {@link FakeService} jars where the services' runnable jars go
 * (the end-to-end tests, *IT, run the real ones).
 */
class HuiqiSuiteTest {

    @TempDir
    Path root;

    @BeforeEach
    void project() throws IOException {
        Files.writeString(root.resolve("mvnw"), "");
    }

    @Test
    void startsEverythingPointsTheServicesAtItAndStopsEverything() throws Exception {
        for (Service service : Service.values()) {
            fakeJar(service, FakeService.class.getName());
        }
        SuiteConfig config = SuiteConfig.forTests(root).serviceSystemProperty("huiqi.test.extra", "passed").build();
        List<ProcessHandle> children;
        int pgPort;
        int kafkaPort;
        try (HuiqiSuite suite = HuiqiSuite.start(config)) {
            children = suite.processes().stream().map(ServiceProcess::handle).toList();
            assertThat(children).hasSize(4).allMatch(ProcessHandle::isAlive);
            pgPort = suite.postgres().port();
            kafkaPort = Integer.parseInt(suite.kafkaBootstrapServers().split(":")[1]);

            HttpClient http = HttpClient.newHttpClient();
            for (Service service : Service.values()) {
                String ready = suite.baseUrl(service.module()) + HuiqiSuite.READY_PATH;
                assertThat(http.send(HttpRequest.newBuilder(URI.create(ready)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
                assertThat(suite.apiUrl(service.module())).isEqualTo(
                        "http://localhost:" + suite.httpPort(service.module()) + "/api/v1");
                assertThat(suite.jdbcUrl(service.module())).endsWith("/" + service.database());
                assertThat(Files.readString(suite.logFile(service.module())))
                        .contains("database=" + service.database())
                        .contains("kafka=" + suite.kafkaBootstrapServers())
                        .contains("kafka reachable")
                        .contains("extra=passed")
                        .contains("-Dquarkus.datasource.password=****")
                        .doesNotContain("-Dquarkus.datasource.password=postgres");
            }
            assertThat(suite.describe())
                    .contains(suite.apiUrl("award-service"))
                    .contains(suite.baseUrl("award") + "/q/swagger-ui")
                    .contains(suite.baseUrl("award") + "/q/openapi")
                    .contains(suite.baseUrl("award") + "/q/health")
                    .contains(suite.baseUrl("award") + "/q/metrics")
                    .contains(suite.logFile("award").toString());
        }
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(FreePorts.isListening(pgPort)).as("PostgreSQL stopped").isFalse();
        assertThat(FreePorts.isListening(kafkaPort)).as("Kafka stopped").isFalse();
        assertThat(Files.readString(config.logFile(Service.AWARD))).contains("stopping on SIGTERM");
    }

    @Test
    void aServiceThatDiesStopsTheStartWithItsLogAndNothingIsLeftRunning() throws Exception {
        for (Service service : Service.values()) {
            fakeJar(service, service == Service.AWARD
                    ? FakeService.Failing.class.getName()
                    : FakeService.class.getName());
        }
        SuiteConfig config = SuiteConfig.forTests(root).build();

        assertThatThrownBy(() -> HuiqiSuite.start(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("award-service exited with code 3")
                .hasMessageContaining("seems to be in use");

        List<String> left = ProcessHandle.current().children()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(commandLine -> commandLine.contains(root.toString()))
                .toList();
        assertThat(left).as("no service process left").isEmpty();
    }

    @Test
    void missingJarsAreReportedBeforeAnythingStarts() {
        assertThatThrownBy(() -> HuiqiSuite.start(SuiteConfig.forTests(root).build()))
                .hasMessageContaining("Not built yet")
                .hasMessageContaining("application-service/target/quarkus-app/quarkus-run.jar")
                .hasMessageContaining("./mvnw -B package -DskipTests");
    }

    @Test
    void aTakenHttpPortIsReportedBeforeAnythingStarts() throws Exception {
        for (Service service : Service.values()) {
            fakeJar(service, FakeService.class.getName());
        }
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            assertThatThrownBy(() -> HuiqiSuite.start(SuiteConfig.forTests(root)
                    .httpPort(Service.ELIGIBILITY, taken.getLocalPort()).build()))
                    .hasMessageContaining("Port " + taken.getLocalPort() + " for eligibility-service is in use")
                    .hasMessageContaining("HUIQI_PORT_ELIGIBILITY_SERVICE");
        }
    }

    /** {@code <root>/<module>/target/quarkus-app/quarkus-run.jar} running {@code mainClass} from the test classes. */
    private void fakeJar(Service service, String mainClass) throws Exception {
        Path jar = root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, mainClass);
        main.put(Attributes.Name.CLASS_PATH, location(FakeService.class) + " " + location(org.postgresql.Driver.class));
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out,
                        manifest)) {
            // the manifest is all it needs
        }
    }

    private static String location(Class<?> type) throws Exception {
        return type.getProtectionDomain().getCodeSource().getLocation().toURI().toString();
    }
}
