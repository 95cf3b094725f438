package cn.huiqi.application.apply;

/**
 * Where an application stands. The thin flow so far: submitted, then eligible or ineligible (from
 * eligibility-service), then award proposed (from award-service). Review, 公示 and approval come later.
 */
public enum ApplicationStatus {
    SUBMITTED, ELIGIBLE, INELIGIBLE, AWARD_PROPOSED;

    /** Determinations and awards travel on different topics, so a later state must never be set back. */
    boolean isBefore(ApplicationStatus other) {
        return ordinal() < other.ordinal();
    }
}
