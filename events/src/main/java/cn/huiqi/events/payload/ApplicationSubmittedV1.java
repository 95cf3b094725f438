package cn.huiqi.events.payload;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** An enterprise applied for one clause for one year, with its claim facts keyed by vocabulary name. */
public record ApplicationSubmittedV1(UUID applicationId, String uscc, String clauseId, int year,
        Map<String, Object> claim, OffsetDateTime submittedAt) {
}
