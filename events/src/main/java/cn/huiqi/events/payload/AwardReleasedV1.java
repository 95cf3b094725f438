package cn.huiqi.events.payload;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * An award no longer holds money: withdrawn, rejected, replaced by a better award of its stacking group, or
 * recomputed after a resubmission. {@code amount} is what it held; {@code reason} says why, in Chinese.
 */
public record AwardReleasedV1(UUID applicationId, String uscc, String clauseId, int year,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String reason) {
}
