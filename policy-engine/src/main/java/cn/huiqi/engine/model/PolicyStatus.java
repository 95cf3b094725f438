package cn.huiqi.engine.model;

import java.util.Arrays;
import java.util.Optional;

/** Where a policy document stands in its life. */
public enum PolicyStatus {
    /** 现行有效. */
    IN_FORCE("in_force"),
    /** 征求意见稿: never grants anything. */
    DRAFT_FOR_COMMENT("draft_for_comment"),
    /** 已失效: its period has ended. */
    EXPIRED("expired"),
    /** 已废止. */
    REPEALED("repealed");

    private final String code;

    PolicyStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<PolicyStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
