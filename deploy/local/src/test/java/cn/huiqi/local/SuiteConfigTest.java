package cn.huiqi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteConfigTest {

    @TempDir
    Path tmp;
    Path root;
    Path userHome;

    @BeforeEach
    void project() throws IOException {
        root = Files.createDirectories(tmp.resolve("huiqi"));
        Files.writeString(root.resolve("mvnw"), "");
        userHome = Files.createDirectories(tmp.resolve("home/dev"));
    }

    private SuiteConfig local(Map<String, String> sysProps, Map<String, String> env) {
        return SuiteConfig.local(Settings.of(sysProps, env), root.resolve("deploy"), userHome).build();
    }

    @Test
    void theLocalStackDefaults() {
        SuiteConfig config = local(Map.of(), Map.of());

        assertThat(config.projectRoot()).isEqualTo(root);
        assertThat(config.httpPort(Service.APPLICATION)).isEqualTo(8081);
        assertThat(config.httpPort(Service.ELIGIBILITY)).isEqualTo(8082);
        assertThat(config.httpPort(Service.AWARD)).isEqualTo(8083);
        assertThat(config.httpPort(Service.NOTIFICATION)).isEqualTo(8084);
        assertThat(config.postgresPort()).isEqualTo(5432);
        assertThat(config.reuseRunningPostgres()).isTrue();
        assertThat(config.postgresDataDirectory()).isEqualTo(userHome.resolve(".huiqi/pgdata"));
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.reuseRunningKafka()).isTrue();
        assertThat(config.kafkaBootstrapServers()).isNull();
        assertThat(config.kafkaLogDirectory()).isEqualTo(userHome.resolve(".huiqi/kafka"));
        assertThat(config.logFile(Service.AWARD)).isEqualTo(userHome.resolve(".huiqi/logs/award-service.log"));
        assertThat(config.serviceSystemProperties()).containsEntry("huiqi.attachments.dir",
                userHome.resolve(".huiqi/attachments").toString());
        assertThat(config.readyTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.runnableJar(Service.NOTIFICATION))
                .isEqualTo(root.resolve("notification-service/target/quarkus-app/quarkus-run.jar"));
    }

    @Test
    void systemPropertiesAndEnvironmentOverride() {
        Path home = tmp.resolve("custom-home");
        SuiteConfig config = local(
                Map.of("huiqi.port.award-service", "9083", "huiqi.pg.port", "15432", "huiqi.ready-timeout-seconds",
                        "30"),
                Map.of("HUIQI_HOME", home.toString(), "HUIQI_PORT_NOTIFICATION_SERVICE", "0", "HUIQI_KAFKA_PORT",
                        "19092", "HUIQI_PORT_AWARD_SERVICE", "7777"));

        assertThat(config.httpPort(Service.AWARD)).as("the system property wins").isEqualTo(9083);
        assertThat(config.httpPort(Service.NOTIFICATION)).isZero();
        assertThat(config.httpPort(Service.APPLICATION)).isEqualTo(8081);
        assertThat(config.postgresPort()).isEqualTo(15432);
        assertThat(config.kafkaPort()).isEqualTo(19092);
        assertThat(config.postgresDataDirectory()).isEqualTo(home.resolve("pgdata"));
        assertThat(config.kafkaLogDirectory()).isEqualTo(home.resolve("kafka"));
        assertThat(config.logDirectory()).isEqualTo(home.resolve("logs"));
        assertThat(config.serviceSystemProperties()).containsEntry("huiqi.attachments.dir",
                home.resolve("attachments").toString());
        assertThat(config.readyTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anExistingBrokerFromKafkaBootstrapServers() {
        assertThat(local(Map.of(), Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092")).kafkaBootstrapServers())
                .isEqualTo("broker:9092");
        assertThat(local(Map.of("huiqi.kafka.bootstrap-servers", "other:9093"),
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092")).kafkaBootstrapServers()).isEqualTo("other:9093");
        assertThat(local(Map.of(), Map.of("KAFKA_BOOTSTRAP_SERVERS", "  ")).kafkaBootstrapServers()).isNull();
    }

    @Test
    void aBadPortSaysWhichSetting() {
        assertThatThrownBy(() -> local(Map.of(), Map.of("HUIQI_PORT_AWARD_SERVICE", "eighty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("huiqi.port.award-service")
                .hasMessageContaining("HUIQI_PORT_AWARD_SERVICE")
                .hasMessageContaining("eighty");
        assertThatThrownBy(() -> local(Map.of("huiqi.pg.port", "70000"), Map.of()))
                .hasMessageContaining("huiqi.pg.port");
    }

    @Test
    void testsGetFreePortsAndTemporaryData() {
        SuiteConfig config = SuiteConfig.forTests(root).build();

        for (Service service : Service.values()) {
            assertThat(config.httpPort(service)).isZero();
        }
        assertThat(config.postgresPort()).isZero();
        assertThat(config.postgresDataDirectory()).isNull();
        assertThat(config.reuseRunningPostgres()).isFalse();
        assertThat(config.kafkaPort()).isZero();
        assertThat(config.kafkaLogDirectory()).isNull();
        assertThat(config.reuseRunningKafka()).isFalse();
        assertThat(config.logDirectory()).isEqualTo(root.resolve("deploy/local/target/e2e-logs"));
        assertThat(config.serviceSystemProperties()).containsEntry("huiqi.attachments.dir",
                root.resolve("deploy/local/target/e2e-attachments").toString());
    }

    @Test
    void theBuilderAdjustsAndCopies() {
        SuiteConfig config = SuiteConfig.forTests(root)
                .httpPort(Service.AWARD, 18083)
                .serviceSystemProperty("quarkus.log.level", "DEBUG")
                .readyTimeout(Duration.ofSeconds(60))
                .build();
        SuiteConfig copy = config.toBuilder().build();

        assertThat(copy.httpPort(Service.AWARD)).isEqualTo(18083);
        assertThat(copy.serviceSystemProperties()).containsEntry("quarkus.log.level", "DEBUG");
        assertThat(copy.readyTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThatThrownBy(() -> SuiteConfig.forTests(root).postgres(null, 0, true).build())
                .hasMessageContaining("fixed port");
    }

    @Test
    void servicesByName() {
        assertThat(Service.named("award-service")).isEqualTo(Service.AWARD);
        assertThat(Service.named("award")).isEqualTo(Service.AWARD);
        assertThat(Service.named("NOTIFICATION")).isEqualTo(Service.NOTIFICATION);
        assertThatThrownBy(() -> Service.named("billing")).hasMessageContaining("application-service");
    }
}
