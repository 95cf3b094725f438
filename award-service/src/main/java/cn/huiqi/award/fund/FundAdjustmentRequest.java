package cn.huiqi.award.fund;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change of a fund's total: the new total or the change (exactly one of them), and why. */
@Schema(name = "FundAdjustmentRequest")
public record FundAdjustmentRequest(
        @DecimalMin(value = "0.01") @Digits(integer = 16, fraction = 2) @Schema(type = SchemaType.STRING, example = "1500000.00", description = "The fund's new total") BigDecimal newTotal,
        @Digits(integer = 16, fraction = 2) @Schema(type = SchemaType.STRING, example = "500000.00", description = "The change of the total: positive raises, negative lowers") BigDecimal delta,
        @NotBlank @Size(max = 500) @Schema(example = "区财政局追加预算（区财〔2026〕12号）") String reason) {
}
