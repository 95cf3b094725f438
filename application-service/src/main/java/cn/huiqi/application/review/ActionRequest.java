package cn.huiqi.application.review;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.huiqi.application.lifecycle.Action;
import cn.huiqi.support.problem.ProblemException;

/**
 * A review action on an application. Who takes it comes from the token, never from the body; the version is the one
 * the caller saw (or the If-Match header).
 */
@Schema(name = "ActionRequest")
public record ActionRequest(
        @Schema(description = "The lifecycle action (docs/application-lifecycle.md)", example = "START_FORMAL_REVIEW") @NotBlank String action,
        @Schema(description = "Why; required to reject, return for material, dismiss an objection and claw back", example = "材料齐全，符合形式要求") @Size(max = 2000) String reason,
        @Schema(description = "CNY: for APPROVE at most the proposed amount (default: the proposed amount), for DISBURSE at most the approved one (default: the approved amount), for CLAW_BACK the amount to recover (required)", type = SchemaType.STRING, example = "55000.00") BigDecimal amount,
        @Schema(description = "The application's version as last read (its ETag); If-Match works too", example = "3") Integer version) {

    /** The action named, or a 400 listing the actions there are. */
    Action parsedAction() {
        try {
            return Action.valueOf(action.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "validation", "Unknown action",
                    "no action " + action + "; the actions are " + Arrays.toString(Action.values()),
                    Map.of("violations", List.of(Map.of("field", "action", "message", "unknown action " + action))));
        }
    }
}
