package cn.huiqi.events.payload;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A correction (corrected facts, a changed clause) changed an award: {@code kind} is {@code TOP_UP} (more),
 * {@code REVERSAL} (less, not yet paid) or {@code CLAWED_BACK} (less after payment: money to recover);
 * {@code difference} is the positive amount of the change, {@code held} what the award holds after it.
 */
public record AwardCorrectedV1(UUID applicationId, String uscc, String clauseId, int year, String kind,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal difference,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal held, String reason) {
}
