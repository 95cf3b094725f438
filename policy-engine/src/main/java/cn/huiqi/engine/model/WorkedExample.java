package cn.huiqi.engine.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A worked example written beside a clause (like an OpenFisca YAML test): input facts and what the engine must answer.
 *
 * @param history already awarded, by cap id, in that cap's scope
 * @param counts awards already received, by count-limit id, in that limit's window
 */
public record WorkedExample(String name, LocalDate asOf, int year, Facts facts, Map<String, BigDecimal> history,
        Map<String, Integer> counts, Expectation expect) {

    public WorkedExample(String name, LocalDate asOf, int year, Facts facts, Map<String, BigDecimal> history,
            Expectation expect) {
        this(name, asOf, year, facts, history, Map.of(), expect);
    }

    public WorkedExample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(facts, "facts");
        history = Map.copyOf(history);
        counts = Map.copyOf(counts);
        Objects.requireNonNull(expect, "expect");
    }

    /**
     * The expected answer.
     *
     * @param amount the payable amount (eligible examples only)
     * @param uncapped the amount before caps, when the example states it
     * @param bindingCaps the ids of the caps that cut the amount, exactly; empty means no cap may cut it
     * @param reasons the blocking reasons, exactly (ineligible examples only)
     * @param traceContains lines the trace must contain (Chinese)
     * @param previewAmount for a clause of a policy not in force (a draft): the amount it would give, shown as a
     *        preview; the example must then be ineligible only because of the policy's status
     */
    public record Expectation(boolean eligible, Optional<BigDecimal> amount, Optional<BigDecimal> uncapped,
            List<String> bindingCaps, List<ExpectedReason> reasons, List<String> traceContains,
            Optional<BigDecimal> previewAmount) {

        public Expectation(boolean eligible, Optional<BigDecimal> amount, Optional<BigDecimal> uncapped,
                List<String> bindingCaps, List<ExpectedReason> reasons, List<String> traceContains) {
            this(eligible, amount, uncapped, bindingCaps, reasons, traceContains, Optional.empty());
        }

        public Expectation {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(uncapped, "uncapped");
            bindingCaps = List.copyOf(bindingCaps);
            reasons = List.copyOf(reasons);
            traceContains = List.copyOf(traceContains);
            Objects.requireNonNull(previewAmount, "previewAmount");
        }
    }

    /** A reason the example expects; each given field must match. */
    public record ExpectedReason(Optional<String> kind, Optional<String> path, Optional<String> fact,
            Optional<BigDecimal> shortfall) {

        public ExpectedReason {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(shortfall, "shortfall");
        }
    }
}
