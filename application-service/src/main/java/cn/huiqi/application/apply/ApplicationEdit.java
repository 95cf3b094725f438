package cn.huiqi.application.apply;

import java.util.Map;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The enterprise's edit of a draft or of an application returned for material: the claim as it now stands. */
@Schema(name = "ApplicationEdit")
public record ApplicationEdit(
        @Schema(description = "Claim facts keyed by vocabulary name; replaces the claim", example = "{\"claim.talent.phds_hired\": 3}") @NotNull Map<String, Object> claim,
        @Schema(description = "The application's version as last read (its ETag); If-Match works too", example = "0") Integer version) {
}
