package cn.huiqi.application.enterprise;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.huiqi.support.problem.ProblemException;

/**
 * Support an enterprise already received from another programme or level of government, needed for 配套 and for
 * "已通过其他渠道获取市财政资金支持的，不再重复支持". Kept as the registry fact {@code registry.award_received.<id>} with
 * provenance (period: the year); the vocabulary has no {@code enterprise.*} name for it, so it is shown, not projected.
 */
public final class AwardReceived {

    static final String PREFIX = "registry.award_received.";
    static final List<String> LEVELS = List.of("NATIONAL", "PROVINCIAL", "MUNICIPAL", "DISTRICT");

    private AwardReceived() {
    }

    @Schema(name = "AwardReceivedRequest")
    public record Request(
            @Schema(description = "The programme", example = "吉林省科技发展计划项目") @NotBlank @Size(max = 200) String programme,
            @Schema(enumeration = {
                    "NATIONAL", "PROVINCIAL", "MUNICIPAL", "DISTRICT"}, example = "PROVINCIAL") @NotBlank String level,
            @Schema(example = "吉林省科学技术厅") @NotBlank @Size(max = 200) String authority,
            @Schema(example = "2025") @NotNull @Min(1990) @Max(2100) Integer year,
            @Schema(description = "CNY, two decimals", example = "300000.00") @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal amount,
            @Schema(description = "The grant's reference", example = "20250101001GX") @Size(max = 100) String reference){

        Map<String, Object> asValue() {
            if (!LEVELS.contains(level)) {
                throw new ProblemException(400, "validation", "Invalid field", "level " + level + " is not one of "
                        + LEVELS,
                        Map.of("violations", List.of(Map.of("field", "level", "message", "must be one of "
                                + LEVELS))));
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("programme", programme.strip());
            v.put("level", level);
            v.put("authority", authority.strip());
            v.put("year", year);
            v.put("amount", Financials.money(amount));
            v.put("reference", reference);
            return v;
        }
    }

    @Schema(name = "AwardReceived")
    public record View(UUID id, String programme, String level, String authority, int year, BigDecimal amount,
            String reference, String source, String recordedBy, java.time.OffsetDateTime recordedAt) {

        static View of(FactView f) {
            @SuppressWarnings("unchecked")
            Map<String, Object> v = (Map<String, Object>) f.value();
            return new View(UUID.fromString(f.name().substring(PREFIX.length())), (String) v.get("programme"),
                    (String) v.get("level"), (String) v.get("authority"), ((Number) v.get("year")).intValue(),
                    Financials.money(v.get("amount")), (String) v.get("reference"), f.source(), f.recordedBy(),
                    f.recordedAt());
        }
    }

}
