package cn.huiqi.award.fund;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.huiqi.award.ledger.AwardService;
import cn.huiqi.award.ledger.TxRetry;
import cn.huiqi.support.idempotency.IdempotentRequests;
import cn.huiqi.support.security.Caller;
import cn.huiqi.support.security.Paging;
import cn.huiqi.support.security.Roles;

/**
 * Fund budgets: policy-admins create them; they and the officials of a fund's department raise or lower them; officials
 * and systems read where each stands.
 */
@Path("/api/v1/funds")
@Tag(name = "funds")
@Produces(MediaType.APPLICATION_JSON)
public class FundResource {

    private final FundService funds;
    private final AwardService awards;
    private final IdempotentRequests idempotent;
    private final Caller caller;
    private final TxRetry tx;

    public FundResource(FundService funds, AwardService awards, IdempotentRequests idempotent, Caller caller,
            TxRetry tx) {
        this.tx = tx;
        this.funds = funds;
        this.awards = awards;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createFund", summary = "Create a fund: a department's budget for one year and the clauses it pays")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "Another fund already pays one of the clauses that year (problem+json)")
    @APIResponse(responseCode = "422", description = "An unknown clause, or a clause of another department (problem+json)")
    @RolesAllowed(Roles.POLICY_ADMIN)
    public Response create(@Valid @NotNull FundRequest request,
            @Parameter(description = "Retries with the same key and body get the first answer") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute("createFund", idempotencyKey, request, () -> {
            FundView fund = funds.create(request, awards.pack(), caller.subject());
            return Response.created(URI.create("/api/v1/funds/" + fund.id())).entity(fund).build();
        });
    }

    @GET
    @Operation(operationId = "listFunds", summary = "Funds with their total, committed, disbursed and remaining budget")
    @RolesAllowed({Roles.POLICY_ADMIN, Roles.OFFICIAL, Roles.SYSTEM})
    public List<FundView> list(@Parameter(description = "Only the funds of this year") @QueryParam("year") Integer year,
            @Parameter(description = "Page size, at most 200") @QueryParam("limit") @DefaultValue(Paging.DEFAULT_LIMIT_TEXT) @Min(1) @Max(Paging.MAX_LIMIT) int limit,
            @Parameter(description = "Items to skip") @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return funds.list(year, offset, limit);
    }

    @POST
    @Path("/{id}/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adjustFund", summary = "Raise or lower a fund's total (never below what is committed); a raise grants the awards awaiting its budget in arrival order")
    @APIResponse(responseCode = "200", description = "The fund after the change, with every adjustment")
    @APIResponse(responseCode = "403", description = "Not a policy-admin nor an official of the fund's department (problem+json)")
    @APIResponse(responseCode = "404", description = "No such fund (problem+json)")
    @APIResponse(responseCode = "409", description = "The new total is below what is committed; nothing changed (problem+json)")
    @APIResponse(responseCode = "422", description = "Neither or both of newTotal and delta, or a total not above 0.00 (problem+json)")
    @RolesAllowed({Roles.POLICY_ADMIN, Roles.OFFICIAL})
    public Response adjust(@PathParam("id") UUID id, @Valid @NotNull FundAdjustmentRequest request,
            @Parameter(description = "Retries with the same key and body get the first answer") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        FundView fund = funds.get(id);
        if (!caller.is(Roles.POLICY_ADMIN)) {
            caller.mustCoverDepartment(fund.department());
        }
        // the adjustment locks the waiting awards' accounts and the fund; a deadlock with a racing grant is retried
        return tx.inNewTransaction(() -> idempotent.execute("adjustFund:" + id, idempotencyKey, request,
                () -> Response.ok(awards.adjustFund(id, request, caller.subject())).build()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFund", summary = "A fund: total, committed, disbursed, remaining, and what awaits budget")
    @APIResponse(responseCode = "404", description = "No such fund (problem+json)")
    @RolesAllowed({Roles.POLICY_ADMIN, Roles.OFFICIAL, Roles.SYSTEM})
    public FundView get(@PathParam("id") UUID id) {
        return funds.get(id);
    }
}
