package cn.huiqi.award.fund;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new fund: who pays, for which year, how much, and the clauses it pays. */
@Schema(name = "FundRequest")
public record FundRequest(@NotBlank @Size(max = 200) @Schema(example = "2026年长春新区数实融合专项资金") String name,
        @NotBlank @Size(max = 100) @Schema(example = "科技局", description = "As the clauses' department.zh names it; it must be responsible for every clause") String department,
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotNull @DecimalMin(value = "0.01") @Digits(integer = 16, fraction = 2) @Schema(type = SchemaType.STRING, example = "1000000.00") BigDecimal total,
        @NotEmpty @Size(max = 200) List<@NotBlank String> clauseIds) {
}
