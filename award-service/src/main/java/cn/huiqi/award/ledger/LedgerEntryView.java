package cn.huiqi.award.ledger;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

/** One ledger entry as the API shows it: what happened to which application's award, by how much and why. */
@Schema(name = "LedgerEntry")
public record LedgerEntryView(UUID id, UUID applicationId, String clauseId, int year,
        @Schema(description = "PROPOSED, GRANTED, DISBURSED, CLAWED_BACK, RELEASED, TOP_UP or REVERSAL") String kind,
        @Schema(type = SchemaType.STRING, example = "55000.00") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        @Schema(type = SchemaType.STRING, example = "-5000.00", description = "The change to what the application holds against caps, limits and groups") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal heldDelta,
        String reason, UUID causedBy, OffsetDateTime createdAt) {

    static LedgerEntryView of(LedgerEntryEntity e) {
        return new LedgerEntryView(e.id, e.applicationId, e.clauseId, e.year, e.kind, e.amount, e.heldDelta, e.reason,
                e.causedBy, e.createdAt);
    }
}
