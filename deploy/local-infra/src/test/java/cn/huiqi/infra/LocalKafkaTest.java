package cn.huiqi.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.jar.JarFile;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kafka.server.KafkaRaftServer;

class LocalKafkaTest {

    @TempDir
    Path tmp;

    @Test
    void producesAndConsumesARecord() throws Exception {
        try (LocalKafka kafka = LocalKafka.startOnFreePort()) {
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());
            kafka.createTopics(List.of("huiqi.test"), 3);
            kafka.createTopics(List.of("huiqi.test", "huiqi.other"), 3);

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                Map<String, TopicDescription> topics = admin.describeTopics(Set.of("huiqi.test", "huiqi.other"))
                        .allTopicNames().get();
                assertThat(topics.get("huiqi.test").partitions()).hasSize(3);
                assertThat(topics.get("huiqi.other").partitions()).hasSize(3);
            }

            RecordMetadata sent = produce(kafka.bootstrapServers(), "huiqi.test", "91110000MA01ABCD1X", "hello");
            assertThat(sent.offset()).isZero();

            List<ConsumerRecord<String, String>> received = consume(kafka.bootstrapServers(), "huiqi.test", 1);
            assertThat(received).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("91110000MA01ABCD1X");
                assertThat(r.value()).isEqualTo("hello");
                assertThat(r.partition()).isEqualTo(sent.partition());
            });
            assertThat(LocalKafka.isBroker(kafka.bootstrapServers(), Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void topicsAndRecordsInAPersistentDirectorySurviveARestart() throws Exception {
        Path logDir = tmp.resolve("kafka");
        try (LocalKafka kafka = LocalKafka.start(logDir, 0)) {
            kafka.createTopics(List.of("huiqi.kept"), 1);
            produce(kafka.bootstrapServers(), "huiqi.kept", "k", "before restart");
        }
        assertThat(logDir.resolve("meta.properties")).exists();
        try (LocalKafka again = LocalKafka.start(logDir, 0)) {
            again.createTopics(List.of("huiqi.kept"), 1);
            assertThat(consume(again.bootstrapServers(), "huiqi.kept", 1)).extracting(ConsumerRecord::value)
                    .containsExactly("before restart");
        }
        assertThat(logDir.resolve("meta.properties")).as("a persistent directory is kept").exists();
    }

    @Test
    void aTemporaryLogDirectoryIsDeletedOnClose() {
        Path logDir;
        try (LocalKafka kafka = LocalKafka.startOnFreePort()) {
            logDir = kafka.logDirectory();
            assertThat(logDir.resolve("meta.properties")).exists();
        }
        assertThat(logDir).doesNotExist();
    }

    @Test
    void nothingAnswersAsABrokerOnAClosedPort() {
        assertThat(LocalKafka.isBroker("127.0.0.1:" + FreePorts.find(), Duration.ofSeconds(1))).isFalse();
    }

    /** A broker newer than the clients fails at runtime (NoSuchMethodError), so the versions must match exactly. */
    @Test
    void brokerAndClientsAreTheSameKafkaVersion() throws IOException {
        String clients = AppInfoParser.getVersion();
        assertThat(clients).isEqualTo(versionProperty(AppInfoParser.class));
        assertThat(manifestVersion(KafkaRaftServer.class)).as("kafka_2.13").isEqualTo(clients);
        assertThat(versionProperty(org.apache.kafka.server.logger.LoggingController.class)).as("kafka-server")
                .isEqualTo(clients);
        assertThat(jarOf(org.apache.kafka.metadata.storage.Formatter.class)).as("kafka-metadata")
                .endsWith("kafka-metadata-" + clients + ".jar");
    }

    private static RecordMetadata produce(String bootstrap, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<ConsumerRecord<String, String>> consume(String bootstrap, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** kafka/kafka-version.properties read from the jar that holds {@code type}, not the first one on the path. */
    private static String versionProperty(Class<?> type) throws IOException {
        try (JarFile jar = new JarFile(jarOf(type));
                InputStream in = jar.getInputStream(jar.getEntry("kafka/kafka-version.properties"))) {
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version");
        }
    }

    private static String manifestVersion(Class<?> type) throws IOException {
        try (JarFile jar = new JarFile(jarOf(type))) {
            return jar.getManifest().getMainAttributes().getValue("Version");
        }
    }

    private static String jarOf(Class<?> type) {
        URL location = type.getProtectionDomain().getCodeSource().getLocation();
        return Path.of(java.net.URI.create(location.toString())).toString();
    }
}
