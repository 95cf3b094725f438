package cn.huiqi.application.credit;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.huiqi.support.problem.ProblemException;
import cn.huiqi.support.security.Caller;
import cn.huiqi.support.security.Roles;

/** 失信 records of an enterprise (the root is shared with EnterpriseResource). */
@Path("/api/v1")
@Tag(name = "enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CreditResource {

    private final CreditService credit;
    private final Caller caller;

    public CreditResource(CreditService credit, Caller caller) {
        this.credit = credit;
        this.caller = caller;
    }

    @POST
    @Path("/enterprises/{uscc}/credit-records")
    @Operation(operationId = "recordCreditRecord", summary = "A government system reports a 失信 record", description = "While"
            + " the record lasts (listedOn to listedUntil, or open-ended) the enterprise may not apply (422 credit-blocked)."
            + " Publishes enterprise.profile-changed.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "404", description = "No such enterprise")
    @RolesAllowed(Roles.SYSTEM)
    public Response record(@PathParam("uscc") String uscc, @Valid @NotNull CreditRecord.Request request) {
        CreditRecord.View view = credit.record(uscc, request, caller.subject());
        return Response.created(URI.create("/api/v1/enterprises/" + view.uscc() + "/credit-records")).entity(view)
                .build();
    }

    @POST
    @Path("/enterprises/{uscc}/credit-records/{id}/end")
    @Operation(operationId = "endCreditRecord", summary = "A government system reports that a 失信 record ended", description = "The"
            + " record stays, with who ended it, when and why; from the day after endedOn it no longer blocks. Publishes"
            + " enterprise.profile-changed.")
    @APIResponse(responseCode = "200", description = "Ended")
    @APIResponse(responseCode = "404", description = "No such enterprise or record (problem+json)")
    @APIResponse(responseCode = "409", description = "Already ended (problem+json)")
    @APIResponse(responseCode = "422", description = "endedOn before listedOn (problem+json)")
    @RolesAllowed(Roles.SYSTEM)
    public CreditRecord.View end(@PathParam("uscc") String uscc, @PathParam("id") UUID id,
            @Valid @NotNull CreditRecord.End request) {
        return credit.end(uscc, id, request, caller.subject());
    }

    @GET
    @Path("/enterprises/{uscc}/credit-records")
    @Operation(operationId = "listCreditRecords", summary = "An enterprise's 失信 records, newest first")
    @APIResponse(responseCode = "404", description = "Another enterprise's (problem+json)")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM})
    public List<CreditRecord.View> list(@PathParam("uscc") String uscc) {
        caller.mayRead(uscc, () -> ProblemException.notFound("enterprise", uscc));
        return credit.of(uscc);
    }
}
