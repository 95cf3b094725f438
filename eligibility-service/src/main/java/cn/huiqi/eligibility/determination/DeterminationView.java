package cn.huiqi.eligibility.determination;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.huiqi.events.payload.ReasonV1;

/**
 * A determination as the API shows it: the latest revision's, with every revision's outcome in {@code history}.
 * {@code eligible} is null while the enterprise's facts are pending.
 */
@Schema(name = "Determination")
public record DeterminationView(UUID applicationId, String uscc, String clauseId, int year, LocalDate asOf,
        String state, Boolean eligible, List<ReasonV1> reasons, Map<String, Object> facts,
        OffsetDateTime determinedAt,
        @Schema(description = "The application's revision determined: 0, then one more per resubmission", example = "0") int revision,
        @Schema(description = "Every revision's outcome, oldest first") List<Revision> history) {

    /** The outcome of one revision. */
    @Schema(name = "DeterminationRevision")
    public record Revision(int revision, LocalDate asOf, Map<String, Object> claim, boolean eligible,
            List<ReasonV1> reasons, OffsetDateTime determinedAt) {

        static Revision of(DeterminationRevisionEntity r) {
            return new Revision(r.revision, r.asOf, r.claim, r.eligible, r.reasons, r.determinedAt);
        }
    }

    static DeterminationView of(DeterminationEntity d, List<DeterminationRevisionEntity> history) {
        return new DeterminationView(d.applicationId, d.uscc, d.clauseId, d.year, d.asOf, d.state, d.eligible,
                d.reasons, d.facts, d.determinedAt, d.revision, history.stream().map(Revision::of).toList());
    }
}
