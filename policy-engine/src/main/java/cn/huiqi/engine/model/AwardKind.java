package cn.huiqi.engine.model;

import java.util.Arrays;
import java.util.Optional;

/** What a clause gives: money that is not paid back, money invested, or a measure with no money at all. */
public enum AwardKind {
    /** 奖励、补贴、补助: a grant. */
    GRANT("grant", "资金奖补", "grant"),
    /** 跟投、先投后股: public money invested (or turned into equity later), not a grant. */
    INVESTMENT("investment", "投资（非奖补）", "investment, not a grant"),
    /** 包容期、首违不罚: a measure without money, kept so it can be matched and shown. */
    NON_MONETARY("non_monetary", "非资金措施", "non-monetary measure");

    private final String code;
    private final String zh;
    private final String en;

    AwardKind(String code, String zh, String en) {
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

    public static Optional<AwardKind> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
