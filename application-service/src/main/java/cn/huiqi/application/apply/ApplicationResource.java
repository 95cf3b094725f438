package cn.huiqi.application.apply;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.huiqi.support.idempotency.IdempotentRequests;
import cn.huiqi.support.problem.ProblemException;
import cn.huiqi.support.security.Caller;
import cn.huiqi.support.security.Paging;
import cn.huiqi.support.security.Roles;

/** Applications for policy clauses. */
@Path("/api/v1")
@Tag(name = "applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    private final ApplicationService service;
    private final IdempotentRequests idempotent;
    private final Caller caller;

    public ApplicationResource(ApplicationService service, IdempotentRequests idempotent, Caller caller) {
        this.service = service;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @Path("/applications")
    @Operation(operationId = "submitApplication", summary = "Apply for a clause", description = "Checks the clause exists and the claim's facts, stores the application and publishes"
            + " application.submitted; eligibility and the award follow asynchronously.")
    @APIResponse(responseCode = "201", description = "Submitted")
    @APIResponse(responseCode = "409", description = "Already applied for this clause and year")
    @APIResponse(responseCode = "422", description = "Unknown enterprise or clause, or an invalid claim")
    @APIResponse(responseCode = "403", description = "Not the enterprise's own token")
    @RolesAllowed(Roles.ENTERPRISE)
    public Response submit(@Valid @NotNull ApplicationRequest request,
            @Parameter(description = "Retries with the same key and body get the first answer") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        caller.mayActFor(request.uscc());
        return idempotent.execute("submitApplication", idempotencyKey, request, () -> {
            ApplicationView view = service.submit(request, caller.subject());
            return Response.created(URI.create("/api/v1/applications/" + view.id())).entity(view).build();
        });
    }

    @GET
    @Path("/applications/{id}")
    @Operation(operationId = "getApplication", summary = "An application with its status, reasons and amount", description = "The ETag header"
            + " is the application's version: send it as If-Match with a review action.")
    @APIResponse(responseCode = "200", description = "The application; ETag: its version", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such application, or another enterprise's")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM})
    public Response get(@PathParam("id") UUID id) {
        ApplicationView application = service.get(id);
        caller.mayRead(application.uscc(), () -> ProblemException.notFound("application", id.toString()));
        return Response.ok(application).tag(new EntityTag(String.valueOf(application.version()))).build();
    }

    @GET
    @Path("/enterprises/{uscc}/applications")
    @Operation(operationId = "listEnterpriseApplications", summary = "An enterprise's applications, newest first")
    @APIResponse(responseCode = "404", description = "Another enterprise's applications (problem+json)")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM})
    public List<ApplicationView> ofEnterprise(@PathParam("uscc") String uscc,
            @Parameter(description = "Page size, at most 200") @QueryParam("limit") @DefaultValue(Paging.DEFAULT_LIMIT_TEXT) @Min(1) @Max(Paging.MAX_LIMIT) int limit,
            @Parameter(description = "Items to skip") @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        caller.mayRead(uscc, () -> ProblemException.notFound("enterprise", uscc));
        return service.ofEnterprise(uscc, offset, limit);
    }
}
