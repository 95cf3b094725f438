package cn.huiqi.application.notice;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.ext.web.RoutingContext;

import cn.huiqi.support.security.Paging;
import cn.huiqi.support.security.RateLimiter;

/**
 * 公示, public on purpose (docs/security.md): anyone reads the applications under notice and objects to one, without
 * a token. Objections are rate-limited per address and notice.
 */
@Path("/api/v1/public-notices")
@Tag(name = "public notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PublicNoticeResource {

    private final PublicNoticeService notices;
    private final RateLimiter rateLimiter;
    private final RoutingContext routing;
    private final int perMinute;

    public PublicNoticeResource(PublicNoticeService notices, RateLimiter rateLimiter, RoutingContext routing,
            @ConfigProperty(name = "huiqi.rate-limit.objections.per-minute", defaultValue = "20") int perMinute) {
        this.notices = notices;
        this.rateLimiter = rateLimiter;
        this.routing = routing;
        this.perMinute = perMinute;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listPublicNotices", summary = "公示: applications under public notice (no token needed)", description = "Applicant,"
            + " clause, proposed amount and the notice's last day; no personal data.")
    public List<PublicNotice> list(@Parameter(description = "Only this clause") @QueryParam("clauseId") String clauseId,
            @Parameter(description = "Page size, at most 200") @QueryParam("limit") @DefaultValue(Paging.DEFAULT_LIMIT_TEXT) @Min(1) @Max(Paging.MAX_LIMIT) int limit,
            @Parameter(description = "Items to skip") @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return notices.list(clauseId, offset, limit);
    }

    @POST
    @Path("/{applicationId}/objections")
    @PermitAll
    @Operation(operationId = "raiseObjection", summary = "异议: object to an application under public notice (no token needed)", description = "The"
            + " first objection holds the application (OBJECTION_RAISED) until an official dismisses it or rejects the"
            + " application. Name and contact are kept for officials only. Rate-limited per address and notice.")
    @APIResponse(responseCode = "201", description = "Received", content = @Content(schema = @Schema(implementation = Objection.class)))
    @APIResponse(responseCode = "404", description = "No public notice for this application")
    @APIResponse(responseCode = "409", description = "The notice is over")
    @APIResponse(responseCode = "429", description = "Too many objections from this address")
    public Response object(@PathParam("applicationId") UUID applicationId, @Valid @NotNull ObjectionRequest request) {
        String address = routing.request().remoteAddress() == null
                ? "unknown"
                : routing.request().remoteAddress().hostAddress();
        rateLimiter.acquire("raiseObjection " + applicationId, address, perMinute);
        Objection objection = notices.object(applicationId, request);
        return Response.created(URI.create("/api/v1/public-notices/" + applicationId + "/objections/"
                + objection.id())).entity(objection).build();
    }
}
