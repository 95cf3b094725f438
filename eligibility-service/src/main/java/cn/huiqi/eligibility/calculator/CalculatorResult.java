package cn.huiqi.eligibility.calculator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import cn.huiqi.engine.model.Bilingual;
import cn.huiqi.events.payload.ReasonV1;

/** The 政策计算器's answer: every clause judged, the ones that pay first, then the near misses. */
@Schema(name = "CalculatorResult")
public record CalculatorResult(LocalDate asOf, int year,
        @Schema(type = SchemaType.STRING, example = "55000.00", description = "Sum of the grants of eligible clauses (maxima of review-determined ones included; investments, previews and awards set aside by a stacking group excluded)") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalGrants,
        List<ClauseResult> clauses) {

    /**
     * One clause: {@code outcome} is eligible, incomplete (facts missing: {@code missingFacts}) or not eligible
     * (the blocking reasons say which condition failed and by how much). {@code preview} marks a clause of a policy
     * that is only a draft for comment: the amount shows what it would give, not what can be granted. Awards ignore
     * what the enterprise has already received (award-service's estimate applies its ledger).
     */
    @Schema(name = "CalculatorClauseResult")
    public record ClauseResult(String clauseId, String policyId, String number, Bilingual title, String outcome,
            boolean preview,
            @Schema(type = SchemaType.STRING, example = "55000.00") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
            @Schema(type = SchemaType.STRING, example = "55000.00") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal uncappedAmount,
            @Schema(description = "grant, investment or non_monetary") String awardKind,
            @Schema(description = "computed, review_maximum (the amount is the most review can grant) or not_computable") String amountBasis,
            List<String> trace, List<String> bindingCaps, List<String> missingFacts, List<ReasonV1> reasons,
            String source,
            @Schema(description = "Set when another clause pays instead: a better one of the same stacking group (同类政策事项，按最优执行), the applicant's choice in a group it chooses from (二选一), or a count limit (同一年度最多N项); says which and why") Bilingual setAside,
            @Schema(description = "For the clause kept in a group the applicant chooses from: that the applicant chooses, which award the platform recommends, and the choice recorded") Bilingual choice) {

        ClauseResult withSetAside(Bilingual reason) {
            return new ClauseResult(clauseId, policyId, number, title, outcome, preview, amount, uncappedAmount,
                    awardKind, amountBasis, trace, bindingCaps, missingFacts, reasons, source, reason, choice);
        }

        ClauseResult withChoice(Bilingual note) {
            return new ClauseResult(clauseId, policyId, number, title, outcome, preview, amount, uncappedAmount,
                    awardKind, amountBasis, trace, bindingCaps, missingFacts, reasons, source, setAside, note);
        }
    }
}
