package cn.huiqi.events.payload;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An enterprise's profile changed (a fact, a registration field or its 失信 records): the whole profile eligibility
 * needs, so a consumer replaces its copy rather than patching it. {@code profileVersion} grows with every change (the
 * registration is version 1); a consumer ignores a version older than the one it holds. {@code facts} are the
 * effective values keyed by vocabulary name (a value pushed by a government system wins over a declared one). No
 * personal data: the contact person stays in application-service.
 */
public record EnterpriseProfileChangedV1(String uscc, long profileVersion, String name, String legalForm,
        String regionCode, LocalDate registrationDate, String address, List<String> industryTags, String sizeStage,
        Map<String, Object> facts, boolean creditBlocked, List<EnterpriseCreditPeriodV1> creditRecords,
        String change, OffsetDateTime changedAt) {
}
