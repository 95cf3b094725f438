package cn.huiqi.application.clause;

/** 专家评审 for a clause's applications. */
public enum ExpertReview {
    /** Every application goes to the experts: 公示 starts only after expert review. */
    REQUIRED,
    /** The official decides per application (the default). */
    OPTIONAL,
    /** The clause has no expert review: SEND_TO_EXPERTS is refused. */
    NOT_USED
}
