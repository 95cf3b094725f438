package cn.huiqi.support.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.huiqi.support.problem.ProblemException;

/**
 * {@code Idempotency-Key} for POSTs that create things: the first answer to a key is stored in the same transaction
 * as the effect and replayed to every retry with the same body; the same key with another body is refused (422). A
 * retry racing the first request waits for it (the key's row is locked) and then gets its answer.
 */
@ApplicationScoped
public class IdempotentRequests {

    /** The header clients send; any string of 1 to 200 characters, typically a UUID. */
    public static final String HEADER = "Idempotency-Key";

    private final EntityManager em;
    private final ObjectMapper json;

    public IdempotentRequests(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /**
     * Runs the action once per (operation, key) and request body; without a key it simply runs it. The action's
     * response entity must be JSON-serializable; its status, Location and body are what retries receive.
     */
    @Transactional
    public Response execute(String operation, String key, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 200) {
            throw new ProblemException(400, "invalid-idempotency-key", "Invalid Idempotency-Key",
                    "Idempotency-Key must be 1 to 200 characters", Map.of());
        }
        String hash = hash(request);
        int claimed = em.createNativeQuery("INSERT INTO idempotency_key (operation, key, request_hash, status, body)"
                + " VALUES (?1, ?2, ?3, 0, '') ON CONFLICT DO NOTHING")
                .setParameter(1, operation).setParameter(2, key).setParameter(3, hash)
                .executeUpdate();
        if (claimed == 0) {
            return replay(operation, key, hash);
        }
        Response response = action.get();
        em.createNativeQuery("UPDATE idempotency_key SET status = ?1, location = ?2, body = ?3"
                + " WHERE operation = ?4 AND key = ?5")
                .setParameter(1, response.getStatus())
                .setParameter(2, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(3, write(response.getEntity()))
                .setParameter(4, operation).setParameter(5, key)
                .executeUpdate();
        return response;
    }

    private Response replay(String operation, String key, String hash) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT request_hash, status, location, body"
                + " FROM idempotency_key WHERE operation = ?1 AND key = ?2 FOR UPDATE")
                .setParameter(1, operation).setParameter(2, key)
                .getSingleResult();
        if (!hash.equals(row[0])) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key used for another request",
                    "this Idempotency-Key was already used with a different body; use a new key for a new request",
                    Map.of("idempotencyKey", key));
        }
        Response.ResponseBuilder replay = Response.status(((Number) row[1]).intValue())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(row[3])
                .header("Idempotent-Replayed", "true");
        if (row[2] != null) {
            replay.location(URI.create((String) row[2]));
        }
        return replay.build();
    }

    private String hash(Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(write(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
