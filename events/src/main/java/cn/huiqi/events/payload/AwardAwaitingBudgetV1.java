package cn.huiqi.events.payload;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * An approved award does not fit what remains of its fund: it is held, not reduced, until the fund is raised
 * ({@code award.granted.v1} follows then). {@code shortfall} is {@code amount − remaining}.
 */
public record AwardAwaitingBudgetV1(UUID applicationId, String uscc, String clauseId, int year,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, UUID fundId, String fundName,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal remaining,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal shortfall, String reason) {
}
