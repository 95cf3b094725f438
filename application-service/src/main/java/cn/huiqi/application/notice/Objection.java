package cn.huiqi.application.notice;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An objection as its author gets it back: received, and what the application's state is now. */
@Schema(name = "Objection")
public record Objection(UUID id, UUID applicationId, OffsetDateTime raisedAt,
        @Schema(example = "OBJECTION_RAISED") String status) {
}
