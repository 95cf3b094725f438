package cn.huiqi.events.payload;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * eligibility-service decided whether an application meets its clause's conditions. {@code facts} are the facts the
 * decision used (enterprise profile and claim), so award-service computes from exactly the same inputs.
 */
public record EligibilityDeterminedV1(UUID applicationId, String uscc, String clauseId, int year, boolean eligible,
        List<ReasonV1> reasons, Map<String, Object> facts) {
}
