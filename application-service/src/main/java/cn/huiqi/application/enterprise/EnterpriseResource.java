package cn.huiqi.application.enterprise;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;

import cn.huiqi.support.idempotency.IdempotentRequests;
import cn.huiqi.support.problem.ProblemException;
import cn.huiqi.support.security.AuditLog;
import cn.huiqi.support.security.Caller;
import cn.huiqi.support.security.Roles;

/** Enterprise registration and look-up. The root is shared with ApplicationResource (/enterprises/{uscc}/...). */
@Path("/api/v1")
@Tag(name = "enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnterpriseResource {

    static final String REVEAL_CONTACT = "contact";

    private final EnterpriseService service;
    private final IdempotentRequests idempotent;
    private final Caller caller;
    private final AuditLog audit;

    public EnterpriseResource(EnterpriseService service, IdempotentRequests idempotent, Caller caller,
            AuditLog audit) {
        this.service = service;
        this.idempotent = idempotent;
        this.caller = caller;
        this.audit = audit;
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
            EnterpriseView view = service.register(request, Provenance.of(caller));
            return Response.created(URI.create("/api/v1/enterprises/" + view.uscc())).entity(view).build();
        });
    }

    @GET
    @Path("/enterprises/{uscc}")
    @Operation(operationId = "getEnterprise", summary = "An enterprise by its 统一社会信用代码", description = "Officials see"
            + " the contact person masked (张**, 138****5678, z***@example.com) unless they ask ?reveal=contact, which is"
            + " recorded in the security audit log.")
    @APIResponse(responseCode = "200", description = "The enterprise with its effective facts")
    @APIResponse(responseCode = "400", description = "reveal is not `contact` (problem+json)")
    @APIResponse(responseCode = "404", description = "Not registered, or another enterprise (problem+json)")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM})
    public EnterpriseView get(@PathParam("uscc") String uscc,
            @Parameter(description = "`contact`: an official sees the contact person in full (audited)") @QueryParam("reveal") String reveal,
            @Context HttpServerRequest http) {
        caller.mayRead(uscc, () -> ProblemException.notFound("enterprise", uscc));
        if (reveal != null && !REVEAL_CONTACT.equals(reveal)) {
            throw new ProblemException(400, "validation", "Invalid parameter", "reveal may only be 'contact'",
                    Map.of("violations", List.of(Map.of("field", "reveal", "message", "must be contact"))));
        }
        boolean official = caller.is(Roles.OFFICIAL) && !caller.is(Roles.SYSTEM) && caller.uscc() == null;
        EnterpriseView view = service.get(uscc, !official || reveal != null);
        if (official && reveal != null) {
            audit.record(new AuditLog.Entry(caller.subject(), String.join(",", new TreeSet<>(caller.roles())),
                    view.uscc(), "GET", "/api/v1/enterprises/" + view.uscc() + "?reveal=contact", "getEnterprise",
                    http == null || http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(), 200,
                    "revealed"));
        }
        return view;
    }

    @PATCH
    @Path("/enterprises/{uscc}")
    @Operation(operationId = "updateEnterprise", summary = "Change registration fields (name, address, industry tags,"
            + " size stage, contact person)", description = "Absent fields stay. The enterprise for itself, or a government"
                    + " system. Publishes enterprise.profile-changed.")
    @APIResponse(responseCode = "200", description = "The enterprise as it is now")
    @APIResponse(responseCode = "400", description = "Invalid field (problem+json, violations name it)")
    @APIResponse(responseCode = "403", description = "Another enterprise's token (problem+json)")
    @APIResponse(responseCode = "404", description = "Not registered (problem+json)")
    @APIResponse(responseCode = "422", description = "Unknown industry tag (problem+json)")
    @RolesAllowed({Roles.ENTERPRISE, Roles.SYSTEM})
    public EnterpriseView update(@PathParam("uscc") String uscc, @Valid @NotNull EnterpriseUpdate request) {
        caller.mayActFor(uscc);
        return service.update(uscc, request, Provenance.of(caller));
    }

    @PUT
    @Path("/enterprises/{uscc}/facts")
    @Operation(operationId = "recordEnterpriseFacts", summary = "Declare (enterprise) or push (system) profile facts", description = "Each value is kept with its source, who, when and the period it is for. A value pushed by a"
            + " system wins over a declared one, even a later one. Publishes enterprise.profile-changed.")
    @APIResponse(responseCode = "200", description = "The effective facts after the change")
    @APIResponse(responseCode = "400", description = "No facts, or a bad period (problem+json)")
    @APIResponse(responseCode = "403", description = "Another enterprise's token (problem+json)")
    @APIResponse(responseCode = "404", description = "Not registered (problem+json)")
    @APIResponse(responseCode = "422", description = "Unknown fact or a value of the wrong type: `violations` name the facts; nothing stored")
    @RolesAllowed({Roles.ENTERPRISE, Roles.SYSTEM})
    public List<FactView> recordFacts(@PathParam("uscc") String uscc, @Valid @NotNull FactsUpdate request) {
        caller.mayActFor(uscc);
        return service.recordFacts(uscc, request, Provenance.of(caller));
    }

    @GET
    @Path("/enterprises/{uscc}/facts")
    @Operation(operationId = "listEnterpriseFacts", summary = "The effective value of each fact, with its provenance")
    @APIResponse(responseCode = "200", description = "Facts by name")
    @APIResponse(responseCode = "404", description = "Not registered, or another enterprise (problem+json)")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM})
    public List<FactView> facts(@PathParam("uscc") String uscc) {
        caller.mayRead(uscc, () -> ProblemException.notFound("enterprise", uscc));
        return service.facts(uscc);
    }

    @PUT
    @Path("/enterprises/{uscc}/financials/{period}")
    @Operation(operationId = "recordEnterpriseFinancials", summary = "Declare (enterprise) or push (system) the"
            + " financials of a year or a quarter", description = "Revenue, R&D expense and tax paid in CNY with two"
                    + " decimals, employees a whole number, all ≥ 0; absent figures stay. Kept with provenance like every"
                    + " fact (a system's figure wins over a declared one).")
    @APIResponse(responseCode = "200", description = "The period's figures as they now are")
    @APIResponse(responseCode = "400", description = "A bad period (not 2025 or 2025Q3), a negative or over-precise figure,"
            + " or no figure (problem+json)")
    @APIResponse(responseCode = "403", description = "Another enterprise's token (problem+json)")
    @APIResponse(responseCode = "404", description = "Not registered (problem+json)")
    @RolesAllowed({Roles.ENTERPRISE, Roles.SYSTEM})
    public Financials.View recordFinancials(@PathParam("uscc") String uscc, @PathParam("period") String period,
            @Valid @NotNull Financials.Request request) {
        caller.mayActFor(uscc);
        return service.recordFinancials(uscc, period, request, Provenance.of(caller));
    }

    @GET
    @Path("/enterprises/{uscc}/financials")
    @Operation(operationId = "listEnterpriseFinancials", summary = "The financials of every period, the latest first")
    @APIResponse(responseCode = "200", description = "Figures per period with their provenance")
    @APIResponse(responseCode = "404", description = "Not registered, or another enterprise (problem+json)")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM})
    public List<Financials.View> financials(@PathParam("uscc") String uscc) {
        caller.mayRead(uscc, () -> ProblemException.notFound("enterprise", uscc));
        return service.financials(uscc);
    }

    @POST
    @Path("/enterprises/{uscc}/qualifications")
    @Operation(operationId = "recordEnterpriseQualification", summary = "Declare (enterprise) or push (system) a"
            + " recognition held (资质称号)", description = "国家高新技术企业 (FIRST/RENEWED), 专精特新 with its level, 小巨人,"
                    + " 瞪羚, 独角兽, 孵化器, 重点实验室 ...; while valid, the kinds the vocabulary names feed"
                    + " enterprise.qualifications. A later record of the same kind replaces the earlier (kept in the"
                    + " history); a system's wins over a declared one.")
    @APIResponse(responseCode = "200", description = "The recognition as it now stands")
    @APIResponse(responseCode = "400", description = "Unknown kind or a missing field (problem+json)")
    @APIResponse(responseCode = "403", description = "Another enterprise's token (problem+json)")
    @APIResponse(responseCode = "404", description = "Not registered (problem+json)")
    @APIResponse(responseCode = "422", description = "validUntil before validFrom (problem+json)")
    @RolesAllowed({Roles.ENTERPRISE, Roles.SYSTEM})
    public Qualification.View recordQualification(@PathParam("uscc") String uscc,
            @Valid @NotNull Qualification.Request request) {
        caller.mayActFor(uscc);
        return service.recordQualification(uscc, request, Provenance.of(caller));
    }

    @GET
    @Path("/enterprises/{uscc}/qualifications")
    @Operation(operationId = "listEnterpriseQualifications", summary = "The recognitions an enterprise holds, one per kind")
    @APIResponse(responseCode = "200", description = "Recognitions with validity and provenance")
    @APIResponse(responseCode = "404", description = "Not registered, or another enterprise (problem+json)")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM})
    public List<Qualification.View> qualifications(@PathParam("uscc") String uscc) {
        caller.mayRead(uscc, () -> ProblemException.notFound("enterprise", uscc));
        return service.qualifications(uscc);
    }

    @POST
    @Path("/enterprises/{uscc}/awards-received")
    @Operation(operationId = "recordEnterpriseAwardReceived", summary = "Declare (enterprise) or push (system) support"
            + " already received from another programme or level of government", description = "For 配套 and for"
                    + " \"已通过其他渠道获取市财政资金支持的，不再重复支持\": programme, level, authority, year, amount (CNY).")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "400", description = "A missing or invalid field (problem+json)")
    @APIResponse(responseCode = "403", description = "Another enterprise's token (problem+json)")
    @APIResponse(responseCode = "404", description = "Not registered (problem+json)")
    @RolesAllowed({Roles.ENTERPRISE, Roles.SYSTEM})
    public Response recordAwardReceived(@PathParam("uscc") String uscc, @Valid @NotNull AwardReceived.Request request) {
        caller.mayActFor(uscc);
        AwardReceived.View view = service.recordAwardReceived(uscc, request, Provenance.of(caller));
        return Response.status(201).entity(view).build();
    }

    @GET
    @Path("/enterprises/{uscc}/awards-received")
    @Operation(operationId = "listEnterpriseAwardsReceived", summary = "Support received from other programmes, the"
            + " latest year first")
    @APIResponse(responseCode = "200", description = "Each with its provenance")
    @APIResponse(responseCode = "404", description = "Not registered, or another enterprise (problem+json)")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM})
    public List<AwardReceived.View> awardsReceived(@PathParam("uscc") String uscc) {
        caller.mayRead(uscc, () -> ProblemException.notFound("enterprise", uscc));
        return service.awardsReceived(uscc);
    }

    @GET
    @Path("/enterprises/{uscc}/facts/{name}/history")
    @Operation(operationId = "getEnterpriseFactHistory", summary = "Every value a fact has had, newest first")
    @APIResponse(responseCode = "200", description = "The values with source, who, when and period")
    @APIResponse(responseCode = "404", description = "Not registered, or another enterprise (problem+json)")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM})
    public List<FactView> history(@PathParam("uscc") String uscc, @PathParam("name") String name) {
        caller.mayRead(uscc, () -> ProblemException.notFound("enterprise", uscc));
        return service.history(uscc, name);
    }
}
