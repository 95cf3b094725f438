package cn.huiqi.events.payload;

import java.time.LocalDate;
import java.util.Map;

/**
 * An enterprise was registered: what eligibility needs to know about it. {@code facts} holds profile facts keyed by
 * their vocabulary name (e.g. {@code enterprise.industry_tags}), values as JSON scalars or lists.
 */
public record EnterpriseRegisteredV1(String uscc, String name, String legalForm, String regionCode,
        LocalDate registrationDate, Map<String, Object> facts) {
}
