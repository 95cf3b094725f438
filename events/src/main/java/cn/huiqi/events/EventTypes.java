package cn.huiqi.events;

/**
 * Event type names with their version. A breaking change to a payload gets a new version (a new type name and a new
 * payload record); additive changes keep the version, and old payloads must still deserialize (see the compatibility
 * test).
 */
public final class EventTypes {

    /** {@link cn.huiqi.events.payload.EnterpriseRegisteredV1} on {@link Topics#ENTERPRISE}. */
    public static final String ENTERPRISE_REGISTERED = "enterprise.registered.v1";
    /** {@link cn.huiqi.events.payload.EnterpriseProfileChangedV1} on {@link Topics#ENTERPRISE}. */
    public static final String ENTERPRISE_PROFILE_CHANGED = "enterprise.profile-changed.v1";
    /** {@link cn.huiqi.events.payload.ApplicationSubmittedV1} on {@link Topics#APPLICATION}. */
    public static final String APPLICATION_SUBMITTED = "application.submitted.v1";
    /** {@link cn.huiqi.events.payload.ApplicationStateChangedV1} on {@link Topics#APPLICATION}. */
    public static final String APPLICATION_STATE_CHANGED = "application.state-changed.v1";
    /** {@link cn.huiqi.events.payload.EligibilityDeterminedV1} on {@link Topics#ELIGIBILITY}. */
    public static final String ELIGIBILITY_DETERMINED = "eligibility.determined.v1";
    /** {@link cn.huiqi.events.payload.AwardProposedV1} on {@link Topics#AWARD}. */
    public static final String AWARD_PROPOSED = "award.proposed.v1";
    /** {@link cn.huiqi.events.payload.AwardGrantedV1} on {@link Topics#AWARD}. */
    public static final String AWARD_GRANTED = "award.granted.v1";
    /** {@link cn.huiqi.events.payload.AwardAwaitingBudgetV1} on {@link Topics#AWARD}. */
    public static final String AWARD_AWAITING_BUDGET = "award.awaiting-budget.v1";
    /** {@link cn.huiqi.events.payload.AwardReleasedV1} on {@link Topics#AWARD}. */
    public static final String AWARD_RELEASED = "award.released.v1";
    /** {@link cn.huiqi.events.payload.AwardCorrectedV1} on {@link Topics#AWARD}. */
    public static final String AWARD_CORRECTED = "award.corrected.v1";
    /** {@link cn.huiqi.events.payload.NotificationCreatedV1} on {@link Topics#NOTIFICATION}. */
    public static final String NOTIFICATION_CREATED = "notification.created.v1";

    private EventTypes() {
    }
}
