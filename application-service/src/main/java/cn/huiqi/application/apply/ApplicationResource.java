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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
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
    @Operation(operationId = "submitApplication", summary = "Apply for a clause, or save a draft", description = "Checks the clause exists and the claim's facts, stores the application and publishes"
            + " application.submitted; eligibility and the award follow asynchronously. With \"submit\": false the"
            + " application is saved as a draft (草稿): only the clause and the claim's facts are checked, nothing is"
            + " published, the draft holds the clause and year; edit it with PUT and submit it with the SUBMIT action.")
    @APIResponse(responseCode = "201", description = "Submitted, or saved as a draft")
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
        ApplicationView application = service.view(service.readable(id, caller));
        return Response.ok(application).tag(new EntityTag(String.valueOf(application.version()))).build();
    }

    @PUT
    @Path("/applications/{id}")
    @Operation(operationId = "editApplication", summary = "Edit the claim of a draft or of an application returned for material", description = "The"
            + " enterprise replaces the claim of its DRAFT (facts checked against the vocabulary) or of its RETURNED"
            + " application (补充材料; RESUBMIT then has eligibility determined again). Send the version you read as"
            + " If-Match or `version`: a stale one is 412 and changes nothing.")
    @APIResponse(responseCode = "200", description = "Edited: the application, its new ETag in the header", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such application, or another enterprise's")
    @APIResponse(responseCode = "409", description = "Neither a draft nor returned for material (not-editable)")
    @APIResponse(responseCode = "412", description = "Stale version")
    @APIResponse(responseCode = "422", description = "An invalid claim")
    @APIResponse(responseCode = "428", description = "No version: send If-Match or `version`")
    @RolesAllowed(Roles.ENTERPRISE)
    public Response edit(@PathParam("id") UUID id, @Valid @NotNull ApplicationEdit edit,
            @Parameter(description = "The ETag read with the application, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ApplicationView view = service.edit(id, edit, ETags.version(ifMatch), caller);
        return Response.ok(view).tag(new EntityTag(String.valueOf(view.version()))).build();
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
        // Drafts are the enterprise's own business: officials and systems see submitted applications only.
        return service.ofEnterprise(uscc, caller.is(Roles.ENTERPRISE), offset, limit);
    }
}
