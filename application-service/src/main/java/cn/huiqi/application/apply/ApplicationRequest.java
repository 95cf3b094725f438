package cn.huiqi.application.apply;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An enterprise applies for one clause. */
@Schema(name = "ApplicationRequest")
public record ApplicationRequest(
        @Schema(example = "91220101MA0Y5CGQ2L") @NotBlank String uscc,
        @Schema(description = "Clause id from the policy catalog", example = "ccxq-2023-11.12") @NotBlank String clauseId,
        @Schema(description = "The year claimed for; defaults to the current year", example = "2026") @Min(2000) @Max(2100) Integer year,
        @Schema(description = "Claim facts keyed by vocabulary name", example = "{\"claim.talent.masters_hired\": 3, \"claim.talent.phds_hired\": 2, \"claim.talent.postdocs_hired\": 1}") @NotNull Map<String, Object> claim,
        @Schema(description = "false saves a draft (草稿) to edit and submit later with the SUBMIT action; default true", example = "true") Boolean submit) {

    /** Whether to submit now (the default) rather than save a draft. */
    public boolean submitNow() {
        return submit == null || submit;
    }
}
