package cn.huiqi.award.fund;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A fund and where its budget stands, derived from the ledger. */
@Schema(name = "Fund")
public record FundView(UUID id, String name, String department, int year, List<String> clauseIds,
        @Schema(type = SchemaType.STRING, example = "1000000.00") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
        @Schema(type = SchemaType.STRING, description = "Granted from this fund, less reversals, clawbacks and releases") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal committed,
        @Schema(type = SchemaType.STRING) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal disbursed,
        @Schema(type = SchemaType.STRING, description = "total − committed") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal remaining,
        @Schema(type = SchemaType.STRING, description = "Approved awards waiting because the fund could not cover them") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal awaitingBudget,
        int awaitingBudgetCount, OffsetDateTime createdAt,
        @Schema(description = "Every change of the total, oldest first, with who, when and why") List<Adjustment> adjustments) {

    /** One change of the fund's total. */
    @Schema(name = "FundAdjustment")
    public record Adjustment(
            @Schema(type = SchemaType.STRING) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal previousTotal,
            @Schema(type = SchemaType.STRING) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal newTotal,
            String reason, String adjustedBy, OffsetDateTime adjustedAt) {
    }
}
