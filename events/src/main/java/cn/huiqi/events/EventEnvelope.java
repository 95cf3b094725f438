package cn.huiqi.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every event the services exchange, in the spirit of CloudEvents: a unique id (the consumers' de-duplication key), a
 * versioned type such as {@code application.submitted.v1}, the producing service, when it happened, the subject (the
 * enterprise's 统一社会信用代码, which is also the Kafka key) and the payload.
 */
public record EventEnvelope(UUID id, String type, String source, OffsetDateTime time, String subject, JsonNode data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
    }

    /** A new event with a fresh id, stamped now, its payload converted to JSON. */
    public static EventEnvelope of(String type, String source, String subject, Object payload) {
        return new EventEnvelope(UUID.randomUUID(), type, source, OffsetDateTime.now(ZoneOffset.UTC), subject,
                EventCodec.toTree(payload));
    }

    /** The payload as the given type; unknown fields added by newer producers are ignored. */
    public <T> T dataAs(Class<T> payloadType) {
        return EventCodec.fromTree(data, payloadType);
    }
}
