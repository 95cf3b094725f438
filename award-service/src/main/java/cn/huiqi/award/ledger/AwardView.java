package cn.huiqi.award.ledger;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A ledger entry as the API shows it: the amount, how it was computed, and which caps bound it. */
@Schema(name = "Award")
public record AwardView(UUID id, UUID applicationId, String uscc, String clauseId, int year, String kind,
        @Schema(type = SchemaType.STRING, example = "55000.00") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        @Schema(type = SchemaType.STRING, example = "55000.00") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal uncappedAmount,
        List<String> trace, List<String> capsApplied,
        @Schema(description = "grant, investment or non_monetary") String awardKind,
        @Schema(description = "computed, review_maximum (the amount is the most review can grant) or not_computable") String amountBasis,
        Map<String, Object> facts, OffsetDateTime createdAt) {

    static AwardView of(LedgerEntryEntity e) {
        return new AwardView(e.id, e.applicationId, e.uscc, e.clauseId, e.year, e.kind, e.amount, e.uncappedAmount,
                e.trace, e.capsApplied, e.awardKind, e.amountBasis, e.facts, e.createdAt);
    }
}
