package cn.huiqi.award.ledger;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Awards read from the ledger. */
@Path("/api/v1")
@Tag(name = "awards")
@Produces(MediaType.APPLICATION_JSON)
public class AwardResource {

    private final AwardService service;

    public AwardResource(AwardService service) {
        this.service = service;
    }

    @GET
    @Path("/awards/{applicationId}")
    @Operation(operationId = "getAward", summary = "The award proposed for an application, with its formula trace")
    @APIResponse(responseCode = "404", description = "No award for that application (not eligible or not yet computed)")
    public AwardView get(@PathParam("applicationId") UUID applicationId) {
        return service.get(applicationId);
    }

    @GET
    @Path("/enterprises/{uscc}/awards")
    @Operation(operationId = "listEnterpriseAwards", summary = "An enterprise's ledger entries, newest first")
    public List<AwardView> ofEnterprise(@PathParam("uscc") String uscc) {
        return service.ofEnterprise(uscc);
    }
}
