package cn.huiqi.application.lifecycle;

/** Who may take an action: from the verified token's role, never from a header the caller sets. */
public enum Actor {
    /** The applicant enterprise (its own applications only). */
    ENTERPRISE,
    /** An official of the clause's department. */
    OFFICIAL,
    /** The platform itself (eligibility and award events) or a government system (the finance bureau). */
    SYSTEM,
    /** Anyone, during a public notice (an objection, with name and contact). */
    PUBLIC
}
