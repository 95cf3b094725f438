package cn.huiqi.application.credit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 失信 records: what a government system reports, and what the API shows. */
public final class CreditRecord {

    private CreditRecord() {
    }

    /** A government system reports an enterprise on a list of dishonest entities. */
    @Schema(name = "CreditRecordRequest")
    public record Request(
            @Schema(description = "The list", example = "失信被执行人名单") @NotBlank @Size(max = 200) String listName,
            @Schema(description = "Who listed it", example = "长春市中级人民法院") @NotBlank @Size(max = 200) String authority,
            @Schema(description = "The decision's reference", example = "(2026)吉01执123号") @Size(max = 200) String reference,
            @Schema(example = "2026-03-01") @NotNull LocalDate listedOn,
            @Schema(description = "The last day on the list; absent while it lasts", example = "2027-02-28") LocalDate listedUntil) {
    }

    /** A government system reports that a record ended (the authority lifted it, 信用修复). */
    @Schema(name = "CreditRecordEnd")
    public record End(
            @Schema(description = "The last day on the list", example = "2026-11-20") @NotNull LocalDate endedOn,
            @Schema(description = "Why", example = "已履行法律文书确定的义务，移出名单") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "CreditRecord")
    public record View(UUID id, String uscc, String listName, String authority, String reference, LocalDate listedOn,
            LocalDate listedUntil, OffsetDateTime recordedAt, boolean blocksApplications,
            @Schema(description = "Set when a system reported the record ended early") LocalDate endedOn,
            String endedBy, String endReason) {

        static View of(CreditRecordEntity e, LocalDate today) {
            return new View(e.id, e.uscc, e.listName, e.authority, e.reference, e.listedOn, e.listedUntil,
                    e.recordedAt, e.blocksOn(today), e.endedOn, e.endedBy, e.endReason);
        }
    }
}
