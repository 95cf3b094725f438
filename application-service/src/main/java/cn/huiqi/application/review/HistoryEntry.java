package cn.huiqi.application.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import cn.huiqi.application.lifecycle.Action;

/** An entry of an application's history as the API shows it. */
@Schema(name = "HistoryEntry")
public record HistoryEntry(
        @Schema(example = "2026-11-23T08:01:02Z") OffsetDateTime occurredAt,
        @Schema(example = "START_PUBLIC_NOTICE") String action,
        @Schema(example = "进入公示") String actionZh,
        @Schema(example = "FORMAL_REVIEW") String fromState,
        @Schema(example = "PUBLIC_NOTICE") String toState,
        @Schema(description = "enterprise, official, system or public", example = "official") String actor,
        @Schema(description = "The token's subject; absent for the public") String actorId,
        @Schema(example = "人社局") String department,
        String reason,
        @Schema(type = SchemaType.STRING, example = "55000.00") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        LocalDate noticeEndsOn) {

    static HistoryEntry of(ActionEntity e) {
        return new HistoryEntry(e.occurredAt, e.action, Action.valueOf(e.action).zh(), e.fromState, e.toState,
                e.actor, e.actorId, e.department, e.reason, e.amount, e.noticeEndsOn);
    }
}
