package cn.huiqi.application.apply;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.huiqi.support.idempotency.IdempotentRequests;

/** Applications for policy clauses. */
@Path("/api/v1")
@Tag(name = "applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    private final ApplicationService service;
    private final IdempotentRequests idempotent;

    public ApplicationResource(ApplicationService service, IdempotentRequests idempotent) {
        this.service = service;
        this.idempotent = idempotent;
    }

    @POST
    @Path("/applications")
    @Operation(operationId = "submitApplication", summary = "Apply for a clause", description = "Checks the clause exists and the claim's facts, stores the application and publishes"
            + " application.submitted; eligibility and the award follow asynchronously.")
    @APIResponse(responseCode = "201", description = "Submitted")
    @APIResponse(responseCode = "409", description = "Already applied for this clause and year")
    @APIResponse(responseCode = "422", description = "Unknown enterprise or clause, or an invalid claim")
    public Response submit(@Valid @NotNull ApplicationRequest request,
            @Parameter(description = "Retries with the same key and body get the first answer") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute("submitApplication", idempotencyKey, request, () -> {
            ApplicationView view = service.submit(request);
            return Response.created(URI.create("/api/v1/applications/" + view.id())).entity(view).build();
        });
    }

    @GET
    @Path("/applications/{id}")
    @Operation(operationId = "getApplication", summary = "An application with its status, reasons and amount")
    @APIResponse(responseCode = "404", description = "No such application")
    public ApplicationView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/enterprises/{uscc}/applications")
    @Operation(operationId = "listEnterpriseApplications", summary = "An enterprise's applications, newest first")
    public List<ApplicationView> ofEnterprise(@PathParam("uscc") String uscc) {
        return service.ofEnterprise(uscc);
    }
}
