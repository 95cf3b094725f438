package cn.huiqi.award.ledger;

import java.util.List;
import java.util.Map;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.huiqi.support.idempotency.IdempotentRequests;
import cn.huiqi.support.problem.ProblemException;
import cn.huiqi.support.security.Caller;
import cn.huiqi.support.security.Paging;
import cn.huiqi.support.security.Roles;

/** Awards and the ledger: the enterprise reads its own, officials and systems any; corrections and estimates. */
@Path("/api/v1")
@Tag(name = "awards")
@Produces(MediaType.APPLICATION_JSON)
public class AwardResource {

    private final AwardService service;
    private final Caller caller;
    private final IdempotentRequests idempotent;

    public AwardResource(AwardService service, Caller caller, IdempotentRequests idempotent) {
        this.service = service;
        this.caller = caller;
        this.idempotent = idempotent;
    }

    @GET
    @Path("/awards/{applicationId}")
    @Operation(operationId = "getAward", summary = "The decision record of an application's award: clause, pack version, facts, history, trace, the caps and limits that bound, the result, and every ledger entry since")
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

    @GET
    @Path("/enterprises/{uscc}/ledger")
    @Operation(operationId = "getEnterpriseLedger", summary = "An enterprise's ledger: balances derived from every entry (proposed and held, granted, disbursed, clawed back, released, corrections), with their reconciliation, and one page of entries, newest first")
    @APIResponse(responseCode = "404", description = "Another enterprise's ledger (problem+json)")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM})
    public LedgerView ledger(@PathParam("uscc") String uscc,
            @Parameter(description = "Page size, at most 200") @QueryParam("limit") @DefaultValue(Paging.DEFAULT_LIMIT_TEXT) @Min(1) @Max(Paging.MAX_LIMIT) int limit,
            @Parameter(description = "Entries to skip") @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        caller.mayRead(uscc, () -> ProblemException.notFound("enterprise", uscc));
        return service.ledger(uscc, offset, limit);
    }

    @POST
    @Path("/awards/{applicationId}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "correctAward", summary = "Correct the facts of an award: it is recomputed and the difference written as a top-up, a reversal or (once disbursed) a clawback, with the reason; nothing is overwritten")
    @APIResponse(responseCode = "200", description = "The award with its entries; a correction that changes nothing writes nothing")
    @APIResponse(responseCode = "403", description = "Not an official of the clause's department, nor a system (problem+json)")
    @APIResponse(responseCode = "404", description = "No award for that application (problem+json)")
    @APIResponse(responseCode = "409", description = "The award holds nothing, or a top-up exceeds its fund's remaining budget (problem+json)")
    @APIResponse(responseCode = "422", description = "Facts not in the vocabulary or of the wrong type (problem+json)")
    @RolesAllowed({Roles.OFFICIAL, Roles.SYSTEM})
    public Response correct(@PathParam("applicationId") UUID applicationId, @Valid @NotNull CorrectionRequest request,
            @Parameter(description = "Retries with the same key and body get the first answer") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        AwardView award = service.get(applicationId);
        if (!caller.is(Roles.SYSTEM)) {
            caller.mustCoverDepartment(service.pack().clause(award.clauseId()).orElseThrow().department().zh());
        }
        return idempotent.execute("correctAward", idempotencyKey, Map.of("applicationId", applicationId.toString(),
                "request", request),
                () -> Response.ok(service.correct(applicationId, request, UUID.randomUUID()))
                        .build());
    }

    @POST
    @Path("/enterprises/{uscc}/estimate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "estimateAwards", summary = "What an enterprise can still get this year under each clause, given its ledger (caps, count limits, stacking groups); nothing is written")
    @APIResponse(responseCode = "404", description = "Another enterprise (problem+json)")
    @APIResponse(responseCode = "422", description = "Unknown clause, or facts not in the vocabulary (problem+json)")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM})
    public EstimateView estimate(@PathParam("uscc") String uscc, @Valid @NotNull EstimateRequest request) {
        caller.mayRead(uscc, () -> ProblemException.notFound("enterprise", uscc));
        return service.estimate(uscc, request);
    }
}
