package cn.huiqi.application.window;

import java.util.List;

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

/** 申报期: officials of a clause's department set its yearly application windows; everyone reads them. */
@Path("/api/v1/clauses/{clauseId}/windows")
@Tag(name = "application windows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApplicationWindowResource {

    private final ApplicationWindows windows;
    private final Caller caller;

    public ApplicationWindowResource(ApplicationWindows windows, Caller caller) {
        this.windows = windows;
        this.caller = caller;
    }

    @PUT
    @Path("/{year}")
    @Operation(operationId = "setApplicationWindow", summary = "Set a clause's application window (申报期) for a year", description = "Only"
            + " an official of the clause's department. Outside the window submissions for that year are refused"
            + " (422 outside-application-window); a clause without a window takes applications while in force.")
    @APIResponse(responseCode = "403", description = "Not an official of the clause's department")
    @APIResponse(responseCode = "404", description = "No such clause")
    @RolesAllowed(Roles.OFFICIAL)
    public ApplicationWindow.View set(@PathParam("clauseId") String clauseId, @PathParam("year") int year,
            @Valid @NotNull ApplicationWindow.Request request) {
        return windows.set(clauseId, year, request, caller);
    }

    @GET
    @Operation(operationId = "listApplicationWindows", summary = "A clause's application windows, latest year first")
    @APIResponse(responseCode = "404", description = "No such clause")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM, Roles.POLICY_ADMIN})
    public List<ApplicationWindow.View> list(@PathParam("clauseId") String clauseId) {
        return windows.of(clauseId);
    }
}
