package cn.huiqi.events.payload;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * An enterprise applied for one clause for one year, with its claim facts keyed by vocabulary name.
 *
 * @param revision 0 for the first submission; each RESUBMIT (after 退回补充材料) publishes this event again with the
 *        next revision and the claim as it now stands, and eligibility is determined again. Absent in events written
 *        before revisions existed, which read as 0.
 */
public record ApplicationSubmittedV1(UUID applicationId, String uscc, String clauseId, int year,
        Map<String, Object> claim, OffsetDateTime submittedAt, int revision) {

    /** A first submission (revision 0). */
    public ApplicationSubmittedV1(UUID applicationId, String uscc, String clauseId, int year, Map<String, Object> claim,
            OffsetDateTime submittedAt) {
        this(applicationId, uscc, clauseId, year, claim, submittedAt, 0);
    }
}
