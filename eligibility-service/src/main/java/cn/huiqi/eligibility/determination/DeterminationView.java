package cn.huiqi.eligibility.determination;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.huiqi.events.payload.ReasonV1;

/** A determination as the API shows it. {@code eligible} is null while the enterprise's facts are pending. */
@Schema(name = "Determination")
public record DeterminationView(UUID applicationId, String uscc, String clauseId, int year, LocalDate asOf,
        String state, Boolean eligible, List<ReasonV1> reasons, Map<String, Object> facts,
        OffsetDateTime determinedAt) {

    static DeterminationView of(DeterminationEntity d) {
        return new DeterminationView(d.applicationId, d.uscc, d.clauseId, d.year, d.asOf, d.state, d.eligible,
                d.reasons, d.facts, d.determinedAt);
    }
}
