package cn.huiqi.application.apply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import cn.huiqi.application.attachment.AttachmentView;
import cn.huiqi.application.lifecycle.State;
import cn.huiqi.events.payload.ReasonV1;

/**
 * An application as the API shows it; money as a decimal string in CNY. {@code version} is also the ETag: a review
 * action sends it back (If-Match or {@code version}) and is refused when the application changed meanwhile.
 */
@Schema(name = "Application")
public record ApplicationView(UUID id, String uscc, String clauseId, int year, Map<String, Object> claim,
        @Schema(description = "The lifecycle state (docs/application-lifecycle.md)") State status,
        @Schema(description = "The state in Chinese, e.g. 公示中", example = "拟奖励") String statusZh,
        @Schema(description = "Optimistic-concurrency version; the ETag is its quoted value", example = "3") int version,
        @Schema(description = "The clause's responsible department", example = "人社局") String department,
        @Schema(description = "Proposed award", type = SchemaType.STRING, example = "55000.00") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        @Schema(type = SchemaType.STRING, example = "55000.00") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal uncappedAmount,
        @Schema(type = SchemaType.STRING, example = "55000.00") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal approvedAmount,
        @Schema(type = SchemaType.STRING, example = "55000.00") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal disbursedAmount,
        @Schema(type = SchemaType.STRING, example = "55000.00") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal clawbackAmount,
        @Schema(description = "公示: the last working day of the public notice", example = "2026-10-12") LocalDate noticeEndsOn,
        List<ReasonV1> reasons, List<String> awardTrace,
        @Schema(description = "Absent while a draft") OffsetDateTime submittedAt,
        OffsetDateTime updatedAt,
        @Schema(description = "0 at the first submission, one more at each RESUBMIT", example = "0") int revision,
        @Schema(description = "When it (or its draft) was first saved") OffsetDateTime createdAt,
        @Schema(description = "Attachment references, oldest first") List<AttachmentView> attachments) {

    public static ApplicationView of(ApplicationEntity a, String department, List<AttachmentView> attachments) {
        return new ApplicationView(a.id, a.uscc, a.clauseId, a.year, a.claim, a.status, a.status.zh(), a.version,
                department, a.amount, a.uncappedAmount, a.approvedAmount, a.disbursedAmount, a.clawbackAmount,
                a.noticeEndsOn, a.reasons, a.awardTrace, a.submittedAt, a.updatedAt, a.revision, a.createdAt,
                attachments);
    }

    /** The ETag of this version of the application. */
    public String etag() {
        return "\"" + version + "\"";
    }
}
