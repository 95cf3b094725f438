package cn.huiqi.award.ledger;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Clauses to estimate for an enterprise, the facts their formulas read, the award year (this year if absent) and the
 * enterprise's choices in 企业自主选择 groups.
 */
@Schema(name = "EstimateRequest")
public record EstimateRequest(@NotEmpty @Size(max = 50) List<@NotBlank String> clauseIds,
        @NotNull @Schema(example = "{\"claim.talent.phds_hired\": 2}") Map<String, Object> facts,
        @Min(2000) @Max(2100) Integer year,
        @Schema(description = "The enterprise's choice per 企业自主选择 group asked: group id → clause id (as the calculator takes them); without one the platform recommends the largest", example = "{\"mtg-ai/S6\": \"mtg-ai.6b\"}") Map<String, String> choices) {
}
