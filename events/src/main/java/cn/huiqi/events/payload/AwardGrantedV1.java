package cn.huiqi.events.payload;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * award-service granted an approved award in its ledger: {@code amount} is committed to the enterprise. It is the
 * approved amount or less: when the application held less than approved (a cap reduced its proposal),
 * {@code reducedBy} names the cap and {@code amount} is what it held. {@code fundId} and {@code fundName} name the
 * budget it draws on, absent for clauses without a fund. Also published when a raised fund grants an award that was
 * awaiting budget.
 */
public record AwardGrantedV1(UUID applicationId, String uscc, String clauseId, int year,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal approvedAmount, String reducedBy, UUID fundId,
        String fundName) {

    /** Whether less than the approved amount was granted. */
    public boolean reduced() {
        return approvedAmount != null && amount.compareTo(approvedAmount) < 0;
    }
}
