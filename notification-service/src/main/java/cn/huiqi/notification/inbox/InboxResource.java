package cn.huiqi.notification.inbox;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An enterprise's in-app inbox. */
@Path("/api/v1/enterprises/{uscc}/inbox")
@Tag(name = "inbox")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    private final InboxService service;

    public InboxResource(InboxService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "getInbox", summary = "An enterprise's in-app messages, newest first")
    public List<NotificationView> inbox(@PathParam("uscc") String uscc) {
        return service.inbox(uscc);
    }
}
