package cn.huiqi.award.ledger;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Corrected facts for an award (they override the facts it was computed from) and why. */
@Schema(name = "CorrectionRequest")
public record CorrectionRequest(
        @NotEmpty @Schema(description = "Facts in the policy vocabulary that replace those of the decision", example = "{\"claim.talent.phds_hired\": 1}") Map<String, Object> facts,
        @NotBlank @Size(max = 500) @Schema(example = "核查发现一名博士未实际入职") String reason) {
}
