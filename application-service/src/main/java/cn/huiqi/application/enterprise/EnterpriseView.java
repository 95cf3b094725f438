package cn.huiqi.application.enterprise;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registered enterprise as the API shows it. */
@Schema(name = "Enterprise")
public record EnterpriseView(String uscc, String name, String legalForm, String regionCode,
        LocalDate registrationDate, Map<String, Object> facts, OffsetDateTime registeredAt) {

    static EnterpriseView of(EnterpriseEntity e) {
        return new EnterpriseView(e.uscc, e.name, e.legalForm, e.regionCode, e.registrationDate, e.facts,
                e.registeredAt);
    }
}
