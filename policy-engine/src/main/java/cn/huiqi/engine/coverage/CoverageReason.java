package cn.huiqi.engine.coverage;

import java.util.Arrays;
import java.util.Optional;

import cn.huiqi.engine.model.NonComputableReason;

/**
 * Why a quantified sentence of a seed text has no clause that computes it: a closed list. It is the engine's
 * {@link NonComputableReason}s (which a catalogued, non-computable clause also gives) and one more for sentences that
 * are not about an award at all.
 */
public enum CoverageReason {
    BANDS_NOT_PUBLISHED(NonComputableReason.BANDS_NOT_PUBLISHED), AMOUNT_LEFT_TO_REVIEW(
            NonComputableReason.AMOUNT_LEFT_TO_REVIEW), NOT_A_PAYMENT(
                    NonComputableReason.NOT_A_PAYMENT), LEFT_TO_IMPLEMENTING_RULES(
                            NonComputableReason.LEFT_TO_IMPLEMENTING_RULES),
    /** A development target of the document (发展目标, e.g. "到2025年……高新技术企业突破3300家"), not an award. */
    TARGET_NOT_AWARD("target_not_award", "发展目标，非奖补事项", "a development target of the document, not an award"),
    /** A web page's headline or summary written by the portal, paraphrasing a clause encoded elsewhere. */
    NOT_POLICY_TEXT("not_policy_text", "网页标题或摘要，非文件原文", "the web page's headline or summary, not the document's text");

    private final String code;
    private final String zh;
    private final String en;

    CoverageReason(NonComputableReason reason) {
        this(reason.code(), reason.zh(), reason.en());
    }

    CoverageReason(String code, String zh, String en) {
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    public String code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public static Optional<CoverageReason> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
