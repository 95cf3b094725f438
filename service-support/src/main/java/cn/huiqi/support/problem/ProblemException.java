package cn.huiqi.support.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal the caller can act on, rendered as RFC 9457 {@code application/problem+json}. {@code slug} names the
 * stable problem type ({@code urn:huiqi:problem:<slug>}) that clients may switch on.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    public ProblemException(int status, String slug, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.extensions = new LinkedHashMap<>(extensions);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", what + " not found", what + " " + id + " does not exist",
                Map.of("id", id));
    }

    /** Adds a response header (e.g. Retry-After). */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, extensions);
    }
}
