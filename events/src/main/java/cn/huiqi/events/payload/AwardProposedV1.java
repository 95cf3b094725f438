package cn.huiqi.events.payload;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * award-service computed the amount for an eligible application and recorded it as proposed in its ledger. Money is
 * a decimal string in CNY with two places ("55000.00"), never a binary float.
 */
public record AwardProposedV1(UUID applicationId, String uscc, String clauseId, int year,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal uncappedAmount, List<String> trace,
        List<String> capsApplied) {
}
