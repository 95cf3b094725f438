package cn.huiqi.eligibility.determination;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Determinations, read by application id. */
@Path("/api/v1/determinations")
@Tag(name = "determinations")
@Produces(MediaType.APPLICATION_JSON)
public class DeterminationResource {

    private final DeterminationService service;

    public DeterminationResource(DeterminationService service) {
        this.service = service;
    }

    @GET
    @Path("/{applicationId}")
    @Operation(operationId = "getDetermination", summary = "The eligibility determination of an application, with every condition explained")
    @APIResponse(responseCode = "404", description = "No application with that id has reached eligibility-service")
    public DeterminationView get(@PathParam("applicationId") UUID applicationId) {
        return service.get(applicationId);
    }
}
