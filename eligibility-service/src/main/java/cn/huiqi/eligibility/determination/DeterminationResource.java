package cn.huiqi.eligibility.determination;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.huiqi.support.problem.ProblemException;
import cn.huiqi.support.security.Caller;
import cn.huiqi.support.security.Roles;

/** Determinations, read by application id. */
@Path("/api/v1/determinations")
@Tag(name = "determinations")
@Produces(MediaType.APPLICATION_JSON)
public class DeterminationResource {

    private final DeterminationService service;
    private final Caller caller;

    public DeterminationResource(DeterminationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/{applicationId}")
    @Operation(operationId = "getDetermination", summary = "The eligibility determination of an application, with every condition explained")
    @APIResponse(responseCode = "404", description = "No application with that id has reached eligibility-service, or it is another enterprise's")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM})
    public DeterminationView get(@PathParam("applicationId") UUID applicationId) {
        DeterminationView d = service.get(applicationId);
        caller.mayRead(d.uscc(), () -> ProblemException.notFound("determination", applicationId.toString()));
        return d;
    }
}
