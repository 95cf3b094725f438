package cn.huiqi.application.enterprise;

import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** New values of profile facts, declared by the enterprise or pushed by a government system. */
@Schema(name = "FactsUpdate")
public record FactsUpdate(
        @Schema(description = "Values keyed by vocabulary name (enterprise.*), each of the fact's type", example = "{\"enterprise.qualifications\": [\"high_tech_enterprise\"]}") @NotEmpty Map<String, Object> facts,
        @Schema(description = "The year or quarter the values are for; absent for timeless facts", example = "2025Q3") @Pattern(regexp = PERIOD, message = "must be a year (2025) or a quarter (2025Q3)") String period) {

    static final String PERIOD = "\\d{4}(Q[1-4])?";
}
