package cn.huiqi.application.apply;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import cn.huiqi.events.payload.ReasonV1;

/** An application as the API shows it; money as a decimal string in CNY. */
@Schema(name = "Application")
public record ApplicationView(UUID id, String uscc, String clauseId, int year, Map<String, Object> claim,
        ApplicationStatus status,
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "55000.00") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "55000.00") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal uncappedAmount,
        List<ReasonV1> reasons, List<String> awardTrace, OffsetDateTime submittedAt,
        OffsetDateTime updatedAt) {

    static ApplicationView of(ApplicationEntity a) {
        return new ApplicationView(a.id, a.uscc, a.clauseId, a.year, a.claim, a.status, a.amount, a.uncappedAmount,
                a.reasons, a.awardTrace, a.submittedAt, a.updatedAt);
    }
}
