package cn.huiqi.events.payload;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * eligibility-service decided whether an application meets its clause's conditions. {@code facts} are the facts the
 * decision used (enterprise profile and claim), so award-service computes from exactly the same inputs.
 *
 * @param revision the {@link ApplicationSubmittedV1#revision()} this determination answers: a later revision (the
 *        application was resubmitted with more material) supersedes an earlier one. Reads as 0 when absent.
 */
public record EligibilityDeterminedV1(UUID applicationId, String uscc, String clauseId, int year, boolean eligible,
        List<ReasonV1> reasons, Map<String, Object> facts, int revision) {

    /** A determination of a first submission (revision 0). */
    public EligibilityDeterminedV1(UUID applicationId, String uscc, String clauseId, int year, boolean eligible,
            List<ReasonV1> reasons, Map<String, Object> facts) {
        this(applicationId, uscc, clauseId, year, eligible, reasons, facts, 0);
    }
}
