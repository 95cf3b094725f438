package cn.huiqi.application.enterprise;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A value of a fact with its provenance: declared by the enterprise or pushed by a system, who, when, for when. */
@Schema(name = "Fact")
public record FactView(
        @Schema(example = "enterprise.qualifications") String name,
        Object value,
        @Schema(description = "declared (the enterprise's own word) or system (pushed by a government system)", enumeration = {
                "declared", "system"}) String source,
        @Schema(description = "The token subject that recorded it (for a system: the source system)", example = "system:sti-bureau") String recordedBy,
        OffsetDateTime recordedAt,
        @Schema(description = "The year or quarter it is for; null when timeless", example = "2025") String period){

    static FactView of(EnterpriseFactEntity f) {
        return new FactView(f.name, f.value, f.source, f.recordedBy, f.recordedAt, f.period);
    }
}
