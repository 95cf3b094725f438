package cn.huiqi.eligibility.calculator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the 政策计算器 is asked: facts about an enterprise (given here, or those of a registered enterprise named by
 * {@code uscc}, overridden by what is given here) and any claim facts, judged against every clause or the listed ones.
 */
@Schema(name = "CalculatorRequest", example = """
        {"facts": {"enterprise.legal_form": "limited_liability_company", "claim.talent.masters_hired": 3,
        "claim.talent.phds_hired": 2, "claim.talent.postdocs_hired": 1}, "asOf": "2026-11-23"}""")
public record CalculatorRequest(
        @Schema(description = "A registered enterprise whose known facts are used (optional)", example = "91220101MA0Y5CGQ2L") String uscc,
        @Schema(description = "Facts by vocabulary name (enterprise.* and claim.*); they override the registered ones") Map<String, Object> facts,
        @Schema(description = "The day the policies are read as of; defaults to today (China time)") LocalDate asOf,
        @Schema(description = "The award year; defaults to the year of asOf") @Min(2000) @Max(2100) Integer year,
        @Schema(description = "Only these clauses; all when absent") @Size(max = 500) List<String> clauseIds,
        @Schema(description = "The applicant's choice in stacking groups it may choose from (企业自主选择, 二选一): group id → clause id; without a choice the platform recommends the largest award", example = "{\"cy-dm/S7\": \"cy-dm.7b\"}") @Size(max = 100) Map<String, String> choices) {

    /** A request without choices. */
    public CalculatorRequest(String uscc, Map<String, Object> facts, LocalDate asOf, Integer year,
            List<String> clauseIds) {
        this(uscc, facts, asOf, year, clauseIds, null);
    }
}
