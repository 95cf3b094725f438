package cn.huiqi.award.ledger;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.huiqi.support.problem.ProblemException;
import cn.huiqi.support.security.Caller;
import cn.huiqi.support.security.Paging;
import cn.huiqi.support.security.Roles;

/** Awards read from the ledger: the enterprise its own, officials and systems any. */
@Path("/api/v1")
@Tag(name = "awards")
@Produces(MediaType.APPLICATION_JSON)
public class AwardResource {

    private final AwardService service;
    private final Caller caller;

    public AwardResource(AwardService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/awards/{applicationId}")
    @Operation(operationId = "getAward", summary = "The award proposed for an application, with its formula trace")
    @APIResponse(responseCode = "404", description = "No award for that application (not eligible or not yet computed), or another enterprise's")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM})
    public AwardView get(@PathParam("applicationId") UUID applicationId) {
        AwardView award = service.get(applicationId);
        caller.mayRead(award.uscc(), () -> ProblemException.notFound("award for application", applicationId
                .toString()));
        return award;
    }

    @GET
    @Path("/enterprises/{uscc}/awards")
    @Operation(operationId = "listEnterpriseAwards", summary = "An enterprise's ledger entries, newest first")
    @APIResponse(responseCode = "404", description = "Another enterprise's awards (problem+json)")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM})
    public List<AwardView> ofEnterprise(@PathParam("uscc") String uscc,
            @Parameter(description = "Page size, at most 200") @QueryParam("limit") @DefaultValue(Paging.DEFAULT_LIMIT_TEXT) @Min(1) @Max(Paging.MAX_LIMIT) int limit,
            @Parameter(description = "Items to skip") @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        caller.mayRead(uscc, () -> ProblemException.notFound("enterprise", uscc));
        return service.ofEnterprise(uscc, offset, limit);
    }
}
