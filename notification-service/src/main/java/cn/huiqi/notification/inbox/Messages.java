package cn.huiqi.notification.inbox;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.huiqi.events.payload.ApplicationStateChangedV1;
import cn.huiqi.events.payload.ApplicationSubmittedV1;
import cn.huiqi.events.payload.AwardAwaitingBudgetV1;
import cn.huiqi.events.payload.AwardCorrectedV1;
import cn.huiqi.events.payload.AwardGrantedV1;
import cn.huiqi.events.payload.AwardProposedV1;
import cn.huiqi.events.payload.AwardReleasedV1;
import cn.huiqi.events.payload.EligibilityDeterminedV1;
import cn.huiqi.events.payload.ReasonV1;

/** The zh-CN texts of inbox messages; each event type that concerns an enterprise has one. */
final class Messages {

    record Message(String kind, String title, String body) {
    }

    private Messages() {
    }

    static Message submitted(ApplicationSubmittedV1 a) {
        return new Message("application-submitted", "申请已提交",
                "您对政策条款 " + a.clauseId() + "（" + a.year() + " 年度）的申请已提交，正在进行资格审核。申请编号：" + a.applicationId()
                        + "。");
    }

    static Message ineligible(EligibilityDeterminedV1 d) {
        String why = d.reasons().stream()
                .filter(ReasonV1::blocks)
                .map(r -> r.messageZh() == null || r.messageZh().isBlank() ? r.messageEn() : r.messageZh())
                .collect(Collectors.joining("；"));
        return new Message("application-ineligible", "申请未通过资格审核",
                "您对政策条款 " + d.clauseId() + " 的申请不符合条件：" + why + "。申请编号：" + d.applicationId() + "。");
    }

    static Message awardProposed(AwardProposedV1 award) {
        String what = award.investment() ? "拟投资金额" : "拟奖励金额";
        String body = "您对政策条款 " + award.clauseId() + "（" + award.year() + " 年度）的申请符合条件，" + what
                + (award.reviewDetermined() ? "最高 " : " ") + yuan(award.amount()) + " 元";
        if (award.reviewDetermined()) {
            body += "，具体金额由评审核定";
        }
        if (award.uncappedAmount() != null && award.uncappedAmount().compareTo(award.amount()) > 0) {
            body += "（按政策计算 " + yuan(award.uncappedAmount()) + " 元，受上限约束）";
        }
        String title = (award.investment() ? "拟投资 " : "拟奖励 ") + (award.reviewDetermined() ? "最高 " : "")
                + yuan(award.amount()) + " 元";
        return new Message("award-proposed", title,
                body + "。申请编号：" + award.applicationId() + "。");
    }

    static Message awardGranted(AwardGrantedV1 a) {
        String body = of(a.clauseId(), a.year()) + "已核定奖励 " + yuan(a.amount()) + " 元";
        if (a.reduced()) {
            body += "（批准金额 " + yuan(a.approvedAmount()) + " 元，受上限约束核减为 " + yuan(a.amount()) + " 元：" + a.reducedBy()
                    + "）";
        }
        if (a.fundName() != null) {
            body += "，由" + a.fundName() + "支付";
        }
        return new Message("award-granted", "已核定奖励 " + yuan(a.amount()) + " 元", body + "，等待拨付。申请编号："
                + a.applicationId() + "。");
    }

    static Message awardAwaitingBudget(AwardAwaitingBudgetV1 a) {
        return new Message("award-awaiting-budget", "待追加预算：" + yuan(a.amount()) + " 元",
                of(a.clauseId(), a.year()) + "已批准 " + yuan(a.amount()) + " 元，但" + a.fundName() + "剩余预算 "
                        + yuan(a.remaining()) + " 元，尚差 " + yuan(a.shortfall()) + " 元。金额不核减，追加预算后按批准先后核定。申请编号："
                        + a.applicationId() + "。");
    }

    static Message awardReleased(AwardReleasedV1 a) {
        return new Message("award-released", "拟奖励已释放：" + yuan(a.amount()) + " 元",
                of(a.clauseId(), a.year()) + "原占用的奖励额度 " + yuan(a.amount()) + " 元已释放。原因：" + a.reason()
                        + "。申请编号：" + a.applicationId() + "。");
    }

    static Message awardCorrected(AwardCorrectedV1 a) {
        String change = switch (a.kind()) {
            case "TOP_UP" -> "调增";
            case "CLAWED_BACK" -> "须追回";
            default -> "调减";
        };
        return new Message("award-corrected", "奖励金额" + change + " " + yuan(a.difference()) + " 元",
                of(a.clauseId(), a.year()) + "的奖励金额经更正" + change + " " + yuan(a.difference()) + " 元，更正后为 "
                        + yuan(a.held()) + " 元。原因：" + a.reason() + "。申请编号：" + a.applicationId() + "。");
    }

    private static String of(String clauseId, int year) {
        return "您对政策条款 " + clauseId + "（" + year + " 年度）的申请";
    }

    /** The message for a lifecycle transition, or none when another event already told the enterprise. */
    static Optional<Message> stateChanged(ApplicationStateChangedV1 c) {
        String of = "您对政策条款 " + c.clauseId() + "（" + c.year() + " 年度）的申请";
        String ref = "申请编号：" + c.applicationId() + "。";
        String why = c.reason() == null || c.reason().isBlank() ? "" : "原因：" + c.reason() + "。";
        String amount = c.amount() == null ? "" : yuan(c.amount()) + " 元";
        String kind = "application-" + c.action().toLowerCase(Locale.ROOT).replace('_', '-');
        Message m = switch (c.action()) {
            case "START_FORMAL_REVIEW" -> new Message(kind, "申请进入形式审查", of + "已进入形式审查（" + c.department()
                    + "）。" + ref);
            case "SEND_TO_EXPERTS" -> new Message(kind, "申请进入专家评审", of + "已通过形式审查，进入专家评审。" + ref);
            case "START_PUBLIC_NOTICE" -> new Message(kind, "申请进入公示", of + "已通过审核，进入公示，公示期至 "
                    + c.noticeEndsOn() + "。" + ref);
            case "RETURN_FOR_MATERIAL" -> new Message(kind, "申请被退回补充材料", of + "被退回，请补充材料后重新提交。" + why
                    + ref);
            case "RESUBMIT" -> new Message(kind, "申请已重新提交", of + "已重新提交，正在重新审核。" + ref);
            case "REJECT" -> new Message(kind, "申请未通过审核", of + "未通过审核。" + why + ref);
            case "RAISE_OBJECTION" -> new Message(kind, "公示期收到异议", of + "在公示期内收到异议，正在核实处理，处理完毕前暂不批准。"
                    + ref);
            case "DISMISS_OBJECTION" -> new Message(kind, "异议不成立，公示继续", of + "收到的异议经核实不成立，公示继续。" + why + ref);
            case "APPROVE" -> new Message(kind, "申请已批准：" + amount, of + "已批准，批准金额 " + amount + "，等待拨付。" + ref);
            case "DISBURSE" -> new Message(kind, "资金已拨付：" + amount, of + "的资金已拨付 " + amount + "。" + ref);
            case "CLAW_BACK" -> new Message(kind, "资金追回：" + amount, of + "的资金须追回 " + amount + "。" + why + ref);
            case "WITHDRAW" -> new Message(kind, "申请已撤回", of + "已撤回。" + ref);
            default -> null;
        };
        return Optional.ofNullable(m);
    }

    /** 55000 → "55,000.00". */
    static String yuan(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setParseBigDecimal(true);
        return f.format(amount);
    }
}
