package cn.huiqi.application.review;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.huiqi.application.apply.ApplicationEntity;
import cn.huiqi.application.apply.ApplicationService;
import cn.huiqi.application.apply.ApplicationView;
import cn.huiqi.application.apply.ETags;
import cn.huiqi.support.problem.ProblemException;
import cn.huiqi.support.security.Caller;
import cn.huiqi.support.security.Paging;
import cn.huiqi.support.security.Roles;

/** Review actions on an application (the root is shared with ApplicationResource) (officials, the enterprise, the finance system) and its history. */
@Path("/api/v1")
@Tag(name = "review")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {

    static final int CSV_MAX_LINES = 10_000;

    private final ReviewService review;
    private final ApplicationService applications;
    private final Caller caller;
    private final ApplicationSearch search;

    public ReviewResource(ReviewService review, ApplicationService applications, Caller caller,
            ApplicationSearch search) {
        this.search = search;
        this.review = review;
        this.applications = applications;
        this.caller = caller;
    }

    @POST
    @Path("/applications/{id}/actions")
    @Operation(operationId = "actOnApplication", summary = "Take a lifecycle action", description = "Officials of the"
            + " clause's department review, start and run the 公示, approve and claw back; the enterprise withdraws and"
            + " resubmits; the finance system (system) reports the disbursement. Who acts comes from the token. Send"
            + " the version you read as If-Match (the ETag of GET /applications/{id}) or as `version`: a stale one is"
            + " refused with 412 and changes nothing. Publishes application.state-changed.v1.")
    @APIResponse(responseCode = "200", description = "Done: the application as it is now, its new ETag in the header", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "403", description = "The action is not this role's, or the official is of another department")
    @APIResponse(responseCode = "404", description = "No such application, or another enterprise's")
    @APIResponse(responseCode = "409", description = "Not allowed in the application's state (the body lists what is), an open objection, or the 公示 is not over")
    @APIResponse(responseCode = "412", description = "Stale version: the application changed since it was read")
    @APIResponse(responseCode = "422", description = "A reason or an amount missing or out of bounds")
    @APIResponse(responseCode = "428", description = "No version: send If-Match or `version`")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM})
    public Response act(@PathParam("id") UUID id, @Valid @NotNull ActionRequest request,
            @Parameter(description = "The ETag read with the application, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ApplicationView view = review.act(id, request, version(ifMatch), caller);
        return Response.ok(view).tag(new EntityTag(String.valueOf(view.version()))).build();
    }

    @GET
    @Path("/applications/{id}/history")
    @Operation(operationId = "getApplicationHistory", summary = "Every action on an application, oldest first", description = "Who (actor and"
            + " token subject), when, what (action, from and to state) and why; append-only.")
    @APIResponse(responseCode = "404", description = "No such application, or another enterprise's")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM})
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        applications.readable(id, caller);
        return review.history(id);
    }

    @GET
    @Path("/applications")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(operationId = "searchApplications", summary = "Officials' list of applications, filtered, newest first; CSV for the finance bureau", description = "Filters by"
            + " clause, state, department, submission date and proposed amount, all optional and combined. Officials"
            + " of every department read every application; acting is department-scoped. With format=csv the same"
            + " list is a CSV file (UTF-8, RFC 4180, a header line, amounts as decimal strings, at most 10,000 lines"
            + " a call: page with offset).")
    @APIResponse(responseCode = "200", description = "The applications (JSON), or the CSV with format=csv", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class, type = SchemaType.ARRAY)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "An unknown state or format, an empty range, a page too large")
    @RolesAllowed({Roles.OFFICIAL, Roles.SYSTEM})
    public Response search(@BeanParam ApplicationQuery query,
            @Parameter(description = "json (default) or csv") @QueryParam("format") @DefaultValue("json") String format,
            @Parameter(description = "Page size, at most 200 (csv: at most 10000)") @QueryParam("limit") @DefaultValue(Paging.DEFAULT_LIMIT_TEXT) @Min(1) int limit,
            @Parameter(description = "Items to skip") @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        boolean csv = switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw invalid("format", "json or csv, not " + format);
        };
        int max = csv ? CSV_MAX_LINES : Paging.MAX_LIMIT;
        if (limit > max) {
            throw invalid("limit", "must be less than or equal to " + max);
        }
        List<ApplicationEntity> found = search.find(query, offset, limit);
        if (csv) {
            return Response.ok(search.csv(found), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"applications.csv\"").build();
        }
        return Response.ok(found.stream().map(applications::view).toList(), MediaType.APPLICATION_JSON).build();
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", field + ": " + message,
                Map.of("violations", List.of(Map.of("field", field, "message", message))));
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3} → 3; anything else is a 400. */
    static Integer version(String ifMatch) {
        return ETags.version(ifMatch);
    }
}
