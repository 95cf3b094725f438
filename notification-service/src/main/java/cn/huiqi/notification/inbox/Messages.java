package cn.huiqi.notification.inbox;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.huiqi.events.payload.ApplicationSubmittedV1;
import cn.huiqi.events.payload.AwardProposedV1;
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

    /** 55000 → "55,000.00". */
    static String yuan(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setParseBigDecimal(true);
        return f.format(amount);
    }
}
