package cn.huiqi.engine.eval;

import java.util.Arrays;
import java.util.Optional;

/** What a {@link Reason} reports. */
public enum ReasonKind {
    /** The policy is not in force on the date asked (draft, not yet effective, expired, repealed). Blocks. */
    NOT_IN_FORCE("not_in_force"),
    /** The enterprise is registered outside the area the policy applies in. Blocks. */
    NOT_IN_REGION("not_in_region"),
    /** A condition of the clause is not met. Blocks. */
    CONDITION_NOT_MET("condition_not_met"),
    /** A fact the clause needs was not provided: eligibility cannot be decided yet. Blocks. */
    FACT_MISSING("fact_missing"),
    /** Information that does not change the answer, e.g. an effective date the sources do not give. */
    NOTE("note");

    private final String code;

    ReasonKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean blocks() {
        return this != NOTE;
    }

    public static Optional<ReasonKind> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
