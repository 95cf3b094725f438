package cn.huiqi.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

import cn.huiqi.events.Topics;

/** The lifecycle Quarkus drives: init with the resource args, start for the config, stop. */
class HuiqiTestInfraTest {

    @Test
    void startsPostgresAndKafkaAndPointsTheServiceAtThem() throws Exception {
        HuiqiTestInfra infra = new HuiqiTestInfra();
        infra.init(Map.of(HuiqiTestInfra.DATABASE, "huiqi_award"));
        Map<String, String> config;
        try {
            config = infra.start();
            assertThat(infra.start()).as("a second start reuses both servers").isEqualTo(config);

            assertThat(config).containsKeys("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                    "quarkus.datasource.password", "kafka.bootstrap.servers")
                    .containsEntry("quarkus.log.category.\"kafka\".level", "WARN")
                    .containsEntry("quarkus.log.category.\"org.apache.kafka\".level", "WARN");
            assertThat(config.get("quarkus.datasource.jdbc.url")).endsWith("/huiqi_award");

            try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                    config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("huiqi_award");
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    config.get("kafka.bootstrap.servers")))) {
                assertThat(admin.listTopics().names().get()).containsAll(Topics.ALL);
                Map<String, TopicDescription> award = admin.describeTopics(Set.of(Topics.AWARD)).allTopicNames().get();
                assertThat(award.get(Topics.AWARD).partitions()).hasSize(HuiqiTestInfra.DEFAULT_PARTITIONS);
            }
        } finally {
            infra.stop();
        }
        String jdbcUrl = config.get("quarkus.datasource.jdbc.url");
        int pgPort = Integer.parseInt(jdbcUrl.replaceAll(".*localhost:(\\d+)/.*", "$1"));
        int kafkaPort = Integer.parseInt(config.get("kafka.bootstrap.servers").split(":")[1]);
        assertThat(FreePorts.isListening(pgPort)).as("PostgreSQL stopped").isFalse();
        assertThat(FreePorts.isListening(kafkaPort)).as("Kafka stopped").isFalse();
    }

    @Test
    void theDatabaseArgumentIsRequired() {
        assertThatThrownBy(() -> new HuiqiTestInfra().init(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@ResourceArg(name = \"database\"");
    }
}
