package cn.huiqi.events.payload;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * award-service computed the amount for an eligible application and recorded it as proposed in its ledger. Money is
 * a decimal string in CNY with two places ("55000.00"), never a binary floating-point number. {@code awardKind}
 * ({@code grant}, {@code investment}, {@code non_monetary}) and {@code amountBasis} ({@code computed},
 * {@code review_maximum}: the amount is the most review can grant, {@code not_computable}) were added after the first
 * v1 events, which lack them and are read as a computed grant.
 */
public record AwardProposedV1(UUID applicationId, String uscc, String clauseId, int year,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal uncappedAmount, List<String> trace,
        List<String> capsApplied, String awardKind, String amountBasis) {

    /** Whether review decides the amount, {@link #amount()} being its maximum. */
    public boolean reviewDetermined() {
        return "review_maximum".equals(amountBasis);
    }

    /** Whether this is an investment (跟投、先投后股) rather than a grant. */
    public boolean investment() {
        return "investment".equals(awardKind);
    }
}
