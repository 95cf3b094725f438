package cn.huiqi.application.attachment;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An attachment reference as the API shows it; the bytes are at {@code GET .../attachments/{id}}. */
@Schema(name = "Attachment")
public record AttachmentView(UUID id,
        @Schema(example = "博士学位证书.pdf") String fileName,
        @Schema(description = "SHA-256 of the content, lower-case hex", example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
        @Schema(description = "Bytes", example = "183422") long size,
        @Schema(example = "application/pdf") String contentType,
        OffsetDateTime uploadedAt) {

    public static AttachmentView of(AttachmentEntity e) {
        return new AttachmentView(e.id, e.fileName, e.sha256, e.sizeBytes, e.contentType, e.uploadedAt);
    }
}
