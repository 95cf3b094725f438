package cn.huiqi.application.enterprise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An enterprise's financials for a year or a quarter, kept as facts with provenance under {@code registry.financials.*}
 * (no {@code enterprise.*} vocabulary name: shown, not projected; clauses read a claim year's figures as claim facts).
 */
public final class Financials {

    static final String PREFIX = "registry.financials.";
    static final String REVENUE = PREFIX + "revenue";
    static final String RD_EXPENSE = PREFIX + "rd_expense";
    static final String EMPLOYEES = PREFIX + "employees";
    static final String TAX_PAID = PREFIX + "tax_paid";

    private Financials() {
    }

    /** The figures sent for one period; absent ones stay as they were. */
    @Schema(name = "FinancialsRequest")
    public record Request(
            @Schema(description = "营业收入, CNY", example = "12500000.00") @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal revenue,
            @Schema(description = "研发费用, CNY", example = "1800000.00") @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal rdExpense,
            @Schema(description = "从业人数, a whole number", example = "86", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER) @DecimalMin("0") @Digits(integer = 8, fraction = 0, message = "must be a whole number of at most 8 digits") BigDecimal employees,
            @Schema(description = "纳税总额, CNY", example = "930000.00") @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal taxPaid) {

        Map<String, Object> asFacts() {
            Map<String, Object> facts = new LinkedHashMap<>();
            if (revenue != null) {
                facts.put(REVENUE, money(revenue));
            }
            if (rdExpense != null) {
                facts.put(RD_EXPENSE, money(rdExpense));
            }
            if (employees != null) {
                facts.put(EMPLOYEES, employees.intValueExact());
            }
            if (taxPaid != null) {
                facts.put(TAX_PAID, money(taxPaid));
            }
            return facts;
        }
    }

    /** The effective figures of a period, each with where it came from. */
    @Schema(name = "Financials")
    public record View(@Schema(example = "2025Q3") String period, BigDecimal revenue, BigDecimal rdExpense,
            Integer employees, BigDecimal taxPaid,
            @Schema(description = "Each figure's provenance, keyed revenue, rdExpense, employees, taxPaid") Map<String, Provenance> sources) {
    }

    /** Who recorded a figure, when. */
    @Schema(name = "FinancialsProvenance")
    public record Provenance(String source, String recordedBy, OffsetDateTime recordedAt) {
    }

    static BigDecimal money(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(2, RoundingMode.UNNECESSARY);
    }
}
