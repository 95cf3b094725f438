package cn.huiqi.support.problem;

import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Turns every error a resource can raise into {@code application/problem+json}; nothing leaves as an empty body. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String CHALLENGE = "Bearer realm=\"huiqi\"";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder r = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem(path(
                uri)));
        e.headers().forEach(r::header);
        return r.build();
    }

    /** No bearer token where one is needed. */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .entity(new Problem(Problem.type("unauthenticated"), "Authentication required", 401,
                        "send a bearer token: Authorization: Bearer <JWT>", path(uri), Map.of()))
                .build();
    }

    /** A token that does not verify: expired, another issuer, a bad signature, an unsigned one. */
    @ServerExceptionMapper
    public Response invalidToken(AuthenticationFailedException e, UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"")
                .entity(new Problem(Problem.type("invalid-token"), "Invalid token", 401,
                        "the bearer token is not valid (signature, issuer or expiry)", path(uri), Map.of()))
                .build();
    }

    /** The caller's role may not perform the operation. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "the caller's role may not perform this operation", path(uri), Map.of()));
    }

    /** A property the operation does not accept (e.g. status or amount on a submission): nothing was changed. */
    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return respond(new Problem(Problem.type("unknown-property"), "Property not allowed", 400,
                "the property '" + e.getPropertyName() + "' is not accepted by this operation; nothing was changed",
                path(uri), Map.of("property", e.getPropertyName(), "at", e.getPathReference())));
    }

    @ServerExceptionMapper
    public Response invalidRequest(ResteasyReactiveViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String where = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? " at " + m.getPathReference()
                : "";
        return respond(new Problem(Problem.type("malformed-body"), "Malformed request body", 400,
                "The body is not valid JSON for this operation" + where + ": " + e.getOriginalMessage(), path(uri),
                Map.of()));
    }

    /**
     * A value of the wrong type or form ("year": "abc", a date "2025-13-45", an unknown enum constant). Quarkus REST
     * has a built-in mapper for this exact class that answers a plain 400, so it needs its own mapper here.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownProperty(unknown, uri);
        }
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // Quarkus REST reports an unreadable body as a 400 whose cause is Jackson's exception.
        if (e.getCause() instanceof MismatchedInputException mismatched) {
            return mismatched(mismatched, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "HTTP " + status;
        return respond(new Problem(Problem.type("http-" + status), title, status, e.getMessage(), path(uri),
                Map.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("unexpected error on " + path(uri), e);
        return respond(new Problem(Problem.type("internal"), "Internal error", 500,
                "The request could not be completed; nothing was changed. Quote the instance when reporting it.",
                path(uri), Map.of()));
    }

    private static Response violations(ConstraintViolationException e, UriInfo uri) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .map(ProblemMappers::violation)
                .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                .toList();
        String detail = violations.stream().map(v -> v.get("field") + ": " + v.get("message")).reduce((a,
                b) -> a + "; " + b).orElse("invalid request");
        return respond(new Problem(Problem.type("validation"), "Invalid request", 400, detail, path(uri),
                Map.of("violations", violations)));
    }

    private static Map<String, String> violation(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // "register.request.name" -> "name": callers know fields, not Java method parameters.
        String[] parts = path.split("\\.");
        // "ofEnterprise.limit" -> "limit": a query or path parameter.
        String field = parts.length > 2
                ? String.join(".", List.of(parts).subList(2, parts.length))
                : parts.length == 2 ? parts[1] : path;
        return Map.of("field", field, "message", v.getMessage());
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
