package cn.huiqi.support.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import cn.huiqi.support.problem.Problem;

/**
 * Refuses a request body larger than {@code quarkus.http.limits.max-body-size} with a 413 problem+json (Quarkus' own
 * 413 has an empty body): a declared Content-Length over the limit before anything reads the body; a chunked body
 * (no Content-Length) is read here, up to the limit, and refused as soon as it passes it.
 * <p>
 * A service with an upload route raises Quarkus' limit for it and keeps every other route small: paths matching
 * {@code huiqi.http.limits.large-body-paths} (a regular expression) get Quarkus' limit, all others
 * {@code huiqi.http.limits.max-body-size}. Without these two properties every route has Quarkus' limit.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Just before Quarkus' own upload-limit handler ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT}, -2). */
    static final int ORDER = -3;

    private final long limit;
    private final long largeLimit;
    private final Optional<Pattern> largeBodyPaths;
    private final AuditLog audit;
    private final ObjectMapper json;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize quarkusLimit,
            @ConfigProperty(name = "huiqi.http.limits.max-body-size") Optional<MemorySize> limit,
            @ConfigProperty(name = "huiqi.http.limits.large-body-paths") Optional<String> largeBodyPaths,
            AuditLog audit, ObjectMapper json) {
        this.largeLimit = quarkusLimit.asLongValue();
        this.limit = Math.min(limit.map(MemorySize::asLongValue).orElse(largeLimit), largeLimit);
        this.largeBodyPaths = largeBodyPaths.map(Pattern::compile);
        this.audit = audit;
        this.json = json;
    }

    void install(@Observes Router router) {
        BodyHandler chunkedBodies = BodyHandler.create(false).setBodyLimit(limit);
        BodyHandler largeChunkedBodies = BodyHandler.create(false).setBodyLimit(largeLimit);
        router.route().order(ORDER).handler(ctx -> {
            boolean large = large(ctx);
            check(ctx, large ? largeChunkedBodies : chunkedBodies, large ? largeLimit : limit);
        });
        // BodyHandler fails the request with 413 when a chunked body passes the limit.
        router.route().order(ORDER).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                long l = large(ctx) ? largeLimit : limit;
                refuse(ctx, "the body has more than " + l + " bytes", l);
            } else {
                ctx.next();
            }
        });
    }

    private boolean large(RoutingContext ctx) {
        return largeBodyPaths.isPresent() && largeBodyPaths.get().matcher(ctx.request().path()).matches();
    }

    private void check(RoutingContext ctx, BodyHandler chunkedBodies, long limit) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        String encoding = ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (declared == null && encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
            chunkedBodies.handle(ctx);
            return;
        }
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= limit) {
            ctx.next();
            return;
        }
        refuse(ctx, "the body has " + length + " bytes", limit);
    }

    private void refuse(RoutingContext ctx, String what, long limit) {
        String path = ctx.request().path();
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("limitBytes", limit);
        Problem problem = new Problem(Problem.type("payload-too-large"), "Request body too large", 413,
                what + "; at most " + limit + " are accepted", path, extensions);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":413}";
        }
        audit.record(new AuditLog.Entry(null, null, null, ctx.request().method().name(), path, null,
                ctx.request().remoteAddress() != null ? ctx.request().remoteAddress().hostAddress() : null, 413,
                "denied"));
        // The body is not read: close the connection after answering, as Quarkus does.
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }
}
