package cn.huiqi.application.enterprise;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
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
import cn.huiqi.support.problem.ProblemException;
import cn.huiqi.support.security.Caller;
import cn.huiqi.support.security.Roles;

/** Enterprise registration and look-up. The root is shared with ApplicationResource (/enterprises/{uscc}/...). */
@Path("/api/v1")
@Tag(name = "enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnterpriseResource {

    private final EnterpriseService service;
    private final IdempotentRequests idempotent;
    private final Caller caller;

    public EnterpriseResource(EnterpriseService service, IdempotentRequests idempotent, Caller caller) {
        this.service = service;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @Path("/enterprises")
    @Operation(operationId = "registerEnterprise", summary = "Register an enterprise", description = "Checks the 统一社会信用代码 and publishes enterprise.registered.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "409", description = "Already registered (problem+json)")
    @APIResponse(responseCode = "422", description = "Invalid code: the body's `rule` names the broken rule")
    @APIResponse(responseCode = "403", description = "An enterprise token registering another code, or a role that may not register")
    @RolesAllowed({Roles.ENTERPRISE, Roles.SYSTEM})
    public Response register(@Valid @NotNull EnterpriseRegistration request,
            @Parameter(description = "Retries with the same key and body get the first answer") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        caller.mayActFor(request.uscc());
        return idempotent.execute("registerEnterprise", idempotencyKey, request, () -> {
            EnterpriseView view = service.register(request);
            return Response.created(URI.create("/api/v1/enterprises/" + view.uscc())).entity(view).build();
        });
    }

    @GET
    @Path("/enterprises/{uscc}")
    @Operation(operationId = "getEnterprise", summary = "An enterprise by its 统一社会信用代码")
    @APIResponse(responseCode = "404", description = "Not registered, or another enterprise (problem+json)")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM})
    public EnterpriseView get(@PathParam("uscc") String uscc) {
        caller.mayRead(uscc, () -> ProblemException.notFound("enterprise", uscc));
        return service.get(uscc);
    }
}
