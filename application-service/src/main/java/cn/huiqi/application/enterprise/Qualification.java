package cn.huiqi.application.enterprise;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.huiqi.support.problem.ProblemException;

/**
 * A recognition an enterprise holds (资质称号), kept as the registry fact {@code registry.qualification.<kind>} with
 * provenance; the kinds the vocabulary names feed {@code enterprise.qualifications} while valid.
 */
public final class Qualification {

    static final String PREFIX = "registry.qualification.";

    private Qualification() {
    }

    /** The kinds of recognition, with the vocabulary's {@code enterprise.qualifications} value where it has one. */
    @Schema(name = "QualificationKind")
    public enum Kind {
        /** 国家高新技术企业 */
        HIGH_TECH_ENTERPRISE("high_tech_enterprise"),
        /** 科技型中小企业 */
        TECH_SME("tech_sme"),
        /** 创新型中小企业 */
        INNOVATIVE_SME("innovative_sme"),
        /** 专精特新中小企业 (省级或市级) */
        SPECIALIZED_SME("specialized_sme"),
        /** 国家级专精特新“小巨人” */
        LITTLE_GIANT("little_giant"),
        /** 制造业单项冠军 */
        MANUFACTURING_CHAMPION("manufacturing_champion"),
        /** 瞪羚企业 */
        GAZELLE("gazelle"),
        /** 独角兽企业 */
        UNICORN("unicorn"),
        /** 境内外上市公司 */
        LISTED("listed"),
        /** 孵化器 (国家级、省级、市级) */
        INCUBATOR(null),
        /** 重点实验室 */
        KEY_LABORATORY(null),
        /** 其他 */
        OTHER(null);

        /** The vocabulary's value, or null when the vocabulary does not name this kind (kept, not projected). */
        final String vocabulary;

        Kind(String vocabulary) {
            this.vocabulary = vocabulary;
        }

        /** The kind a request names; 400 naming the field and the kinds there are. */
        static Kind parse(String value) {
            return java.util.Arrays.stream(values()).filter(k -> k.name().equals(value)).findFirst()
                    .orElseThrow(() -> new ProblemException(400, "validation", "Invalid field", "kind " + value
                            + " is not one of " + java.util.Arrays.toString(values()),
                            Map.of("violations",
                                    java.util.List.of(Map.of("field", "kind", "message", "must be one of "
                                            + java.util.Arrays.toString(values()))))));
        }
    }

    /** A recognition as a system pushes it or the enterprise declares it. */
    @Schema(name = "QualificationRequest")
    public record Request(
            @Schema(description = "HIGH_TECH_ENTERPRISE, TECH_SME, INNOVATIVE_SME, SPECIALIZED_SME, LITTLE_GIANT, MANUFACTURING_CHAMPION, GAZELLE, UNICORN, LISTED, INCUBATOR, KEY_LABORATORY or OTHER", example = "HIGH_TECH_ENTERPRISE") @NotBlank String kind,
            @Schema(description = "Level where the kind has levels", example = "PROVINCIAL", enumeration = {
                    "NATIONAL", "PROVINCIAL", "MUNICIPAL", "DISTRICT"}) @Size(max = 30) String level,
            @Schema(description = "For 国家高新技术企业: FIRST (首次认定) or RENEWED (重新认定)", enumeration = {"FIRST",
                    "RENEWED"}) @Size(max = 30) String recognition,
            @Schema(example = "GR202522000123") @Size(max = 100) String certificateNumber,
            @Schema(example = "吉林省科学技术厅") @NotBlank @Size(max = 200) String authority,
            @Schema(example = "2025-11-20") @NotNull LocalDate validFrom,
            @Schema(description = "Last valid day; absent when open-ended", example = "2028-11-19") LocalDate validUntil){

        Map<String, Object> asValue(Kind kind) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("kind", kind.name());
            v.put("level", level);
            v.put("recognition", recognition);
            v.put("certificateNumber", certificateNumber);
            v.put("authority", authority.strip());
            v.put("validFrom", validFrom.toString());
            v.put("validUntil", validUntil == null ? null : validUntil.toString());
            return v;
        }
    }

    /** A recognition as the registry shows it, with whether it is valid today and what it feeds. */
    @Schema(name = "Qualification")
    public record View(Kind kind, String level, String recognition, String certificateNumber, String authority,
            LocalDate validFrom, LocalDate validUntil, boolean validToday,
            @Schema(description = "The enterprise.qualifications value it feeds while valid; null when the vocabulary has none") String vocabularyValue,
            FactView provenance) {

        static View of(FactView f, LocalDate today) {
            @SuppressWarnings("unchecked")
            Map<String, Object> v = (Map<String, Object>) f.value();
            Kind kind = Kind.valueOf((String) v.get("kind"));
            LocalDate from = LocalDate.parse((String) v.get("validFrom"));
            LocalDate until = v.get("validUntil") == null ? null : LocalDate.parse((String) v.get("validUntil"));
            boolean valid = !from.isAfter(today) && (until == null || !until.isBefore(today));
            return new View(kind, (String) v.get("level"), (String) v.get("recognition"),
                    (String) v.get("certificateNumber"), (String) v.get("authority"), from, until, valid,
                    kind.vocabulary, new FactView(f.name(), null, f.source(), f.recordedBy(), f.recordedAt(),
                            f.period()));
        }
    }
}
