package cn.huiqi.application.clause;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.huiqi.support.security.Caller;
import cn.huiqi.support.security.Roles;

/** A clause's review settings (公示 length, 专家评审): officials of its department set them; everyone reads them. */
@Path("/api/v1/clauses/{clauseId}/review-settings")
@Tag(name = "review settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewSettingsResource {

    private final ClauseReviewSettings settings;
    private final Caller caller;

    public ReviewSettingsResource(ClauseReviewSettings settings, Caller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @PUT
    @Operation(operationId = "setReviewSettings", summary = "Set a clause's 公示 length and expert review", description = "Only"
            + " an official of the clause's department. START_PUBLIC_NOTICE then sets the notice's end that many"
            + " working days on; with expert review REQUIRED the notice starts only after SEND_TO_EXPERTS, with"
            + " NOT_USED SEND_TO_EXPERTS is refused. Setting them again replaces them.")
    @APIResponse(responseCode = "200", description = "The settings now in force")
    @APIResponse(responseCode = "400", description = "A length outside 1 to 30 working days, or an unknown expert-review value")
    @APIResponse(responseCode = "403", description = "Not an official of the clause's department")
    @APIResponse(responseCode = "404", description = "No such clause")
    @RolesAllowed(Roles.OFFICIAL)
    public ReviewSettings.View set(@PathParam("clauseId") String clauseId,
            @Valid @NotNull ReviewSettings.Request request) {
        return settings.set(clauseId, request, caller);
    }

    @GET
    @Operation(operationId = "getReviewSettings", summary = "A clause's review settings (the defaults when none were set)")
    @APIResponse(responseCode = "200", description = "The settings in force")
    @APIResponse(responseCode = "404", description = "No such clause")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM, Roles.POLICY_ADMIN})
    public ReviewSettings.View get(@PathParam("clauseId") String clauseId) {
        return settings.of(clauseId);
    }
}
