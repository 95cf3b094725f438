package cn.huiqi.notification.inbox;

import java.util.List;

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

/** An enterprise's in-app inbox: the enterprise itself, officials and systems read it. */
@Path("/api/v1/enterprises/{uscc}/inbox")
@Tag(name = "inbox")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    private final InboxService service;
    private final Caller caller;

    public InboxResource(InboxService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL, Roles.SYSTEM})
    @Operation(operationId = "getInbox", summary = "An enterprise's in-app messages, newest first")
    @APIResponse(responseCode = "404", description = "Another enterprise's inbox (problem+json)")
    public List<NotificationView> inbox(@PathParam("uscc") String uscc,
            @Parameter(description = "Page size, at most 200") @QueryParam("limit") @DefaultValue(Paging.DEFAULT_LIMIT_TEXT) @Min(1) @Max(Paging.MAX_LIMIT) int limit,
            @Parameter(description = "Items to skip") @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        caller.mayRead(uscc, () -> ProblemException.notFound("inbox", uscc));
        return service.inbox(uscc, offset, limit);
    }
}
