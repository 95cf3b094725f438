package cn.huiqi.application.lifecycle;

/** Where an application stands. The comments give the words an official and an enterprise see. */
public enum State {
    /** 草稿: saved, not submitted. */
    DRAFT("草稿"),
    /** 已提交: submitted, eligibility being checked. */
    SUBMITTED("已提交"),
    /** 符合条件: eligible; the award is being computed. */
    ELIGIBLE("符合条件"),
    /** 不符合条件: ineligible, with the reasons. Final. */
    INELIGIBLE("不符合条件"),
    /** 拟奖励: the award is computed against the ledger. */
    AWARD_PROPOSED("拟奖励"),
    /** 形式审查: an official checks the material. */
    FORMAL_REVIEW("形式审查"),
    /** 专家评审: experts review (clauses that require it). */
    EXPERT_REVIEW("专家评审"),
    /** 退回补充材料: returned to the enterprise for more material. */
    RETURNED("退回补充材料"),
    /** 公示中: public notice (5 working days unless the clause says otherwise). */
    PUBLIC_NOTICE("公示中"),
    /** 异议处理中: an objection was raised during the notice; held until an official resolves it. */
    OBJECTION_RAISED("异议处理中"),
    /** 已批准: approved; the award is granted. */
    APPROVED("已批准"),
    /** 已拨付: the finance system reported the disbursement. */
    DISBURSED("已拨付"),
    /** 已追回: clawed back after approval, with a reason and amount. Final. */
    CLAWED_BACK("已追回"),
    /** 未通过: rejected by an official, with a reason. Final. */
    REJECTED("未通过"),
    /** 已撤回: withdrawn by the enterprise. Final. */
    WITHDRAWN("已撤回");

    private final String zh;

    State(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** Whether nothing more can happen to the application. */
    public boolean isFinal() {
        return this == INELIGIBLE || this == CLAWED_BACK || this == REJECTED || this == WITHDRAWN;
    }
}
