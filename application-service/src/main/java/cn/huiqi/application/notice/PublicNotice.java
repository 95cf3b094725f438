package cn.huiqi.application.notice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

/** 公示: what the public sees of an application under notice. No personal data. */
@Schema(name = "PublicNotice")
public record PublicNotice(UUID applicationId,
        @Schema(description = "The applicant", example = "长春数实融合科技有限公司") String applicant,
        @Schema(example = "91220101MA0Y5CGQ2L") String uscc,
        @Schema(example = "ccxq-2023-11.12") String clauseId,
        @Schema(example = "2026") int year,
        @Schema(example = "人社局") String department,
        @Schema(description = "The proposed award", type = SchemaType.STRING, example = "55000.00") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        @Schema(description = "The last working day of the notice", example = "2026-10-12") LocalDate noticeEndsOn,
        @Schema(description = "Whether an objection is being handled (异议处理中)") boolean objectionOpen) {
}
