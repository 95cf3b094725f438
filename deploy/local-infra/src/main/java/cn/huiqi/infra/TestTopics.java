package cn.huiqi.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import cn.huiqi.events.EventCodec;
import cn.huiqi.events.EventEnvelope;

/** Tests' side of the broker: publish events as another service would, and read back what a service published. */
public final class TestTopics {

    private TestTopics() {
    }

    /** Publishes each event (keyed by its subject, as the relays do) and waits for the broker's acknowledgement. */
    public static void send(String bootstrapServers, String topic, EventEnvelope... events) {
        for (EventEnvelope e : events) {
            sendRaw(bootstrapServers, topic, e.subject(), EventCodec.encode(e));
        }
    }

    /** Publishes any text, e.g. a record no service could read, and waits for the broker's acknowledgement. */
    public static void sendRaw(String bootstrapServers, String topic, String key, String value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("broker refused a test event", e);
        }
    }

    /**
     * Every record on the topic with this key, read from the beginning; waits up to {@code wait} for at least
     * {@code atLeast} of them (returns what it found when the time is up).
     */
    public static List<ConsumerRecord<String, String>> records(String bootstrapServers, String topic, String key,
            int atLeast, Duration wait) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + wait.toNanos();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (true) {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                boolean caughtUp = partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
                if ((caughtUp && found.size() >= atLeast) || System.nanoTime() > deadline) {
                    return found;
                }
                if (caughtUp) {
                    end.putAll(consumer.endOffsets(partitions));
                }
            }
        }
    }

    /** The events of {@link #records}, decoded. */
    public static List<EventEnvelope> events(String bootstrapServers, String topic, String key, int atLeast,
            Duration wait) {
        return records(bootstrapServers, topic, key, atLeast, wait).stream().map(r -> EventCodec.decode(r.value()))
                .toList();
    }
}
