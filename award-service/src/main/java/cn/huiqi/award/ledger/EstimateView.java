package cn.huiqi.award.ledger;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

/** What an enterprise can still get under each clause in a year, given its ledger. Nothing is written. */
@Schema(name = "Estimate")
public record EstimateView(String uscc, int year,
        @Schema(type = SchemaType.STRING, description = "The sum of the clauses' amounts, after stacking among them") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
        List<Item> clauses,
        @Schema(description = "The 企业自主选择 groups among the clauses asked: the one kept, the recommendation (the largest) and whether the enterprise chose") List<Choice> choices) {

    /** A 企业自主选择 group among the clauses asked. */
    @Schema(name = "EstimateChoice")
    public record Choice(String stackingGroup, String keptClauseId, String recommendedClauseId,
            boolean chosenByEnterprise, String note) {
    }

    /** One clause: the amount it can still pay, and what bound it. */
    @Schema(name = "EstimateItem")
    public record Item(String clauseId,
            @Schema(type = SchemaType.STRING, example = "470000.00") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
            @Schema(type = SchemaType.STRING, description = "Before caps and limits") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal uncappedAmount,
            @Schema(type = SchemaType.STRING, description = "The engine's amount against the ledger, before stacking") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal computedAmount,
            List<String> trace, List<String> capsApplied,
            @Schema(description = "Why the amount is zero or would replace held awards (stacking groups)") String reason,
            @Schema(description = "Facts the formula needs that were not given; then no amount") List<String> missingFacts,
            String awardKind, String amountBasis) {
    }
}
