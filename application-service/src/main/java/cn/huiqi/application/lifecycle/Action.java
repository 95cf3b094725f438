package cn.huiqi.application.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every transition of an application, with who may take it, from which states, and where it leads. The only place
 * transitions are defined; docs/application-lifecycle.md draws it.
 */
public enum Action {
    SUBMIT("提交申报", Actor.ENTERPRISE, EnumSet.of(State.DRAFT), State.SUBMITTED), DETERMINE_ELIGIBLE("认定符合条件",
            Actor.SYSTEM, EnumSet.of(State.SUBMITTED), State.ELIGIBLE), DETERMINE_INELIGIBLE("认定不符合条件", Actor.SYSTEM,
                    EnumSet.of(State.SUBMITTED), State.INELIGIBLE), PROPOSE_AWARD("核算拟奖励金额", Actor.SYSTEM,
                            EnumSet.of(State.ELIGIBLE), State.AWARD_PROPOSED), START_FORMAL_REVIEW("开始形式审查",
                                    Actor.OFFICIAL, EnumSet.of(State.AWARD_PROPOSED), State.FORMAL_REVIEW),
    /** Formal review passed, for a clause with expert review. */
    SEND_TO_EXPERTS("提交专家评审", Actor.OFFICIAL, EnumSet.of(State.FORMAL_REVIEW), State.EXPERT_REVIEW),
    /** Review passed: the public notice starts (from formal review when the clause has no expert review). */
    START_PUBLIC_NOTICE("进入公示", Actor.OFFICIAL, EnumSet.of(State.FORMAL_REVIEW, State.EXPERT_REVIEW),
            State.PUBLIC_NOTICE), RETURN_FOR_MATERIAL("退回补充材料", Actor.OFFICIAL,
                    EnumSet.of(State.FORMAL_REVIEW, State.EXPERT_REVIEW),
                    State.RETURNED),
    /** The enterprise adds material: eligibility is checked again on the new facts. */
    RESUBMIT("补充材料后重新提交", Actor.ENTERPRISE, EnumSet.of(State.RETURNED), State.SUBMITTED), REJECT("审核不通过",
            Actor.OFFICIAL,
            EnumSet.of(State.FORMAL_REVIEW, State.EXPERT_REVIEW, State.OBJECTION_RAISED, State.PUBLIC_NOTICE),
            State.REJECTED), RAISE_OBJECTION("公示期提出异议", Actor.PUBLIC, EnumSet.of(State.PUBLIC_NOTICE),
                    State.OBJECTION_RAISED),
    /** The objection is not upheld: the notice resumes (its end date stands). */
    DISMISS_OBJECTION("异议不成立", Actor.OFFICIAL, EnumSet.of(State.OBJECTION_RAISED), State.PUBLIC_NOTICE),
    /** The notice period is over with no open objection. */
    APPROVE("批准", Actor.OFFICIAL, EnumSet.of(State.PUBLIC_NOTICE), State.APPROVED), DISBURSE("资金拨付", Actor.SYSTEM,
            EnumSet.of(State.APPROVED), State.DISBURSED), CLAW_BACK("追回", Actor.OFFICIAL,
                    EnumSet.of(State.APPROVED, State.DISBURSED), State.CLAWED_BACK), WITHDRAW("撤回申报", Actor.ENTERPRISE,
                            EnumSet.of(State.DRAFT, State.SUBMITTED, State.ELIGIBLE,
                                    State.AWARD_PROPOSED, State.FORMAL_REVIEW, State.EXPERT_REVIEW, State.RETURNED),
                            State.WITHDRAWN);

    private final String zh;
    private final Actor actor;
    private final Set<State> from;
    private final State to;

    Action(String zh, Actor actor, Set<State> from, State to) {
        this.zh = zh;
        this.actor = actor;
        this.from = from;
        this.to = to;
    }

    public String zh() {
        return zh;
    }

    public Actor actor() {
        return actor;
    }

    public Set<State> from() {
        return EnumSet.copyOf(from);
    }

    public State to() {
        return to;
    }

    /** Whether an official must give a reason (and, for a clawback, an amount). */
    public boolean needsReason() {
        return this == REJECT || this == RETURN_FOR_MATERIAL || this == CLAW_BACK || this == DISMISS_OBJECTION
                || this == RAISE_OBJECTION;
    }
}
