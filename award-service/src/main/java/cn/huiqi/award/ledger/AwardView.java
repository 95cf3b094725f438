package cn.huiqi.award.ledger;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import cn.huiqi.engine.model.Money;

/**
 * An award's decision record as the API shows it: the proposal (clause, pack version, facts, the history the engine
 * was given, trace, the caps and limits that bound, the result), where it stands now, and every entry since.
 */
@Schema(name = "Award")
public record AwardView(UUID id, UUID applicationId, String uscc, String clauseId, int year,
        @Schema(description = "The application's submission this proposal was computed for: 0, or the revision of a resubmission") int revision,
        @Schema(description = "The decision entry: PROPOSED") String kind,
        @Schema(type = SchemaType.STRING, example = "55000.00", description = "What the proposal held: the engine's amount, or 0.00 when its stacking group set it aside") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        @Schema(type = SchemaType.STRING, example = "55000.00") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal uncappedAmount,
        @Schema(type = SchemaType.STRING, example = "55000.00", description = "The engine's amount after caps and limits, before stacking") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal computedAmount,
        List<String> trace, List<String> capsApplied,
        @Schema(description = "grant, investment or non_monetary") String awardKind,
        @Schema(description = "computed, review_maximum (the amount is the most review can grant) or not_computable") String amountBasis,
        Map<String, Object> facts,
        @Schema(description = "sha256 of the policy pack's files the engine read") String packVersion,
        @Schema(description = "What the engine was told was already held: cap id → amount, count limit id → awards") Map<String, Object> history,
        String stackingGroup,
        @Schema(description = "Why the proposal was set aside, reduced to nothing or refused") String reason,
        @Schema(description = "PROPOSED, AWAITING_BUDGET, GRANTED, DISBURSED, CLAWED_BACK or RELEASED: the latest step") String status,
        @Schema(description = "Why an approved award waits for budget") String awaitingBudget,
        @Schema(type = SchemaType.STRING, description = "What the application holds now against caps, limits and groups") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal held,
        List<LedgerEntryView> entries, OffsetDateTime createdAt) {

    static AwardView of(LedgerEntryEntity p, List<LedgerEntryEntity> entries, String awaitingBudget) {
        String status = LedgerEntryEntity.PROPOSED;
        BigDecimal held = Money.ZERO;
        for (LedgerEntryEntity e : entries) {
            held = held.add(e.heldDelta);
            if (!e.kind.equals(LedgerEntryEntity.TOP_UP) && !e.kind.equals(LedgerEntryEntity.REVERSAL)) {
                status = e.kind;
            }
        }
        if (awaitingBudget != null && status.equals(LedgerEntryEntity.PROPOSED)) {
            status = "AWAITING_BUDGET";
        }
        return new AwardView(p.id, p.applicationId, p.uscc, p.clauseId, p.year, p.revision, p.kind, p.amount,
                p.uncappedAmount,
                p.computedAmount, p.trace, p.capsApplied, p.awardKind, p.amountBasis, p.facts, p.packVersion,
                p.history, p.stackingGroup, p.reason, status, awaitingBudget, entries.isEmpty() ? p.heldDelta : held,
                entries.stream().map(LedgerEntryView::of).toList(), p.createdAt);
    }
}
