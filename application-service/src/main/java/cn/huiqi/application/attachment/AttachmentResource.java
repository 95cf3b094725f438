package cn.huiqi.application.attachment;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

import cn.huiqi.support.security.Caller;
import cn.huiqi.support.security.Roles;

/** Attachments of an application: the file's bytes in, its reference (name, sha256, size, type) out. */
@Path("/api/v1/applications/{id}/attachments")
@Tag(name = "attachments")
public class AttachmentResource {

    private final AttachmentService attachments;
    private final Caller caller;

    public AttachmentResource(AttachmentService attachments, Caller caller) {
        this.attachments = attachments;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(operationId = "addAttachment", summary = "Attach a file to a draft or to an application returned for material", description = "The"
            + " body is the file itself (its Content-Type is kept); the server computes its sha256 and size. A"
            + " sha256 given by the client must match (422 sha256-mismatch otherwise). Files are stored once per"
            + " content; the same file under the same name again answers 200 with the existing reference. At most"
            + " huiqi.attachments.max-size bytes (10 MB; 413 attachment-too-large).")
    @RequestBody(content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Attached", content = @Content(schema = @Schema(implementation = AttachmentView.class)))
    @APIResponse(responseCode = "200", description = "Already attached: the existing reference")
    @APIResponse(responseCode = "400", description = "No or an invalid fileName")
    @APIResponse(responseCode = "404", description = "No such application, or another enterprise's")
    @APIResponse(responseCode = "409", description = "Neither a draft nor returned for material (not-editable)")
    @APIResponse(responseCode = "413", description = "The file is too large")
    @APIResponse(responseCode = "422", description = "An empty file, or the sha256 does not match")
    @RolesAllowed(Roles.ENTERPRISE)
    public Response add(@PathParam("id") UUID id,
            @Parameter(description = "The file's name", required = true, example = "博士学位证书.pdf") @QueryParam("fileName") String fileName,
            @Parameter(description = "The SHA-256 the client computed (hex); checked against the body") @QueryParam("sha256") String sha256,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        AttachmentService.Added added = attachments.add(id, fileName, contentType, sha256, body, caller);
        if (added.created()) {
            return Response.created(URI.create("/api/v1/applications/" + id + "/attachments/"
                    + added.attachment().id())).entity(added.attachment()).type(MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(added.attachment(), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "getAttachment", summary = "Download an attachment", description = "The enterprise its own,"
            + " officials of the clause's department; the body is the file with its Content-Type and sha256 (ETag).")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "An official of another department")
    @APIResponse(responseCode = "404", description = "No such application or attachment, or another enterprise's")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OFFICIAL})
    public Response get(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        AttachmentService.Download d = attachments.download(id, attachmentId, caller);
        String encoded = URLEncoder.encode(d.attachment().fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(d.file().toFile(), d.attachment().contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
                .header("ETag", "\"" + d.attachment().sha256() + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
