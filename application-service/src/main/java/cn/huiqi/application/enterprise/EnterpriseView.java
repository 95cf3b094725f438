package cn.huiqi.application.enterprise;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registered enterprise as the API shows it: its effective facts, and its contact masked for officials. */
@Schema(name = "Enterprise")
public record EnterpriseView(String uscc, String name, String legalForm, String regionCode,
        LocalDate registrationDate,
        @Schema(description = "Effective facts (a pushed value wins over a declared one)") Map<String, Object> facts,
        OffsetDateTime registeredAt, String address, List<String> industryTags, SizeStage sizeStage,
        @Schema(description = "In full for the enterprise and systems; masked for officials unless they ask ?reveal=contact") ContactPerson contact,
        @Schema(description = "Grows with every change of the profile") long profileVersion) {

    static EnterpriseView of(EnterpriseEntity e, boolean contactInFull) {
        ContactPerson contact = ContactPerson.ofColumn(e.contact);
        return new EnterpriseView(e.uscc, e.name, e.legalForm, e.regionCode, e.registrationDate, e.facts,
                e.registeredAt, e.address, e.industryTags == null ? List.of() : e.industryTags,
                e.facts == null ? null : SizeStage.ofFact(e.facts.get(SizeStage.FACT)).orElse(null),
                contact == null || contactInFull ? contact : contact.masked(), e.profileVersion);
    }
}
