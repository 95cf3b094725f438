package cn.huiqi.events.payload;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * An application moved from one state to another (application-service's lifecycle: docs/application-lifecycle.md).
 * One event per transition, in order per application (key = USCC).
 *
 * @param fromState the state before, e.g. {@code PUBLIC_NOTICE}
 * @param toState the state after, e.g. {@code APPROVED}
 * @param action the lifecycle action, e.g. {@code APPROVE}
 * @param actor who took it: {@code enterprise}, {@code official}, {@code system} or {@code public}
 * @param actorId the subject of the verified token (an official's id; absent for {@code public})
 * @param department the clause's responsible department, for routing to officials
 * @param reason why, where the action needs one (rejection, return for material, objection, clawback)
 * @param amount for {@code APPROVE}: the approved amount (at most the proposed one; review decides it for a clause
 *        that gives only a maximum); for {@code DISBURSE}: the amount paid; for {@code CLAW_BACK}: the amount to
 *        recover; otherwise absent. CNY, two decimals, as a string.
 * @param noticeEndsOn for {@code START_PUBLIC_NOTICE}: the last working day of the public notice (yyyy-MM-dd)
 */
public record ApplicationStateChangedV1(UUID applicationId, String uscc, String clauseId, int year, String fromState,
        String toState, String action, String actor, String actorId, String department, String reason,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String noticeEndsOn) {
}
