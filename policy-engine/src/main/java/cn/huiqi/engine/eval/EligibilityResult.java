package cn.huiqi.engine.eval;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Whether a clause applies to an applicant on a date, and why (not). */
public record EligibilityResult(String clauseId, LocalDate asOf, Outcome outcome, List<Reason> reasons) {

    /** The three answers to "does this clause apply?". */
    public enum Outcome {
        ELIGIBLE,
        /** A condition fails or the policy is not in force. */
        NOT_ELIGIBLE,
        /** No condition fails, but facts are missing to decide or to compute the award. */
        INCOMPLETE
    }

    public EligibilityResult {
        Objects.requireNonNull(clauseId, "clauseId");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(outcome, "outcome");
        reasons = List.copyOf(reasons);
    }

    public boolean eligible() {
        return outcome == Outcome.ELIGIBLE;
    }

    /**
     * Whether the clause would apply if its policy were in force: the only obstacle is the policy's status or period
     * (e.g. a 征求意见稿). A calculator shows such an award as a preview, never as something that can be granted.
     */
    public boolean eligibleOnceInForce() {
        return outcome == Outcome.ELIGIBLE || (outcome == Outcome.NOT_ELIGIBLE
                && blockingReasons().stream().allMatch(r -> r.kind() == ReasonKind.NOT_IN_FORCE));
    }

    /** The reasons that stand in the way (everything but notes). */
    public List<Reason> blockingReasons() {
        return reasons.stream().filter(r -> r.kind().blocks()).collect(Collectors.toUnmodifiableList());
    }
}
