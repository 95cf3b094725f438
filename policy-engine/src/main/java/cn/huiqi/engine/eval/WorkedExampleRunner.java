package cn.huiqi.engine.eval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import cn.huiqi.engine.PolicyPack;
import cn.huiqi.engine.model.Cap;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.CountLimit;
import cn.huiqi.engine.model.Money;
import cn.huiqi.engine.model.WorkedExample;

/**
 * Runs the worked examples written beside the clauses and says where the engine's answer differs from the policy
 * file's. The build ({@code WorkedExamplesTest}) and the authors' command line ({@code PolicyTool test}) both use it.
 */
public final class WorkedExampleRunner {

    /**
     * One example run.
     *
     * @param failures what differs from the expectation, one line each; empty when the example passes
     */
    public record Outcome(String clauseId, String exampleName, List<String> failures) {

        public Outcome {
            Objects.requireNonNull(clauseId, "clauseId");
            Objects.requireNonNull(exampleName, "exampleName");
            failures = List.copyOf(failures);
        }

        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private final Evaluator evaluator;

    public WorkedExampleRunner() {
        this(new Evaluator());
    }

    public WorkedExampleRunner(Evaluator evaluator) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    /** Every example of every clause of the pack, in pack order. */
    public List<Outcome> runAll(PolicyPack pack) {
        List<Outcome> out = new ArrayList<>();
        for (Clause clause : pack.clauses()) {
            for (WorkedExample example : clause.examples()) {
                out.add(run(clause, example));
            }
        }
        return out;
    }

    /** Runs one example; an exception from the engine is a failure, not a crash. */
    public Outcome run(Clause clause, WorkedExample example) {
        List<String> failures = new ArrayList<>();
        try {
            check(clause, example, failures);
        } catch (RuntimeException e) {
            failures.add("the engine threw " + e);
        }
        return new Outcome(clause.id(), example.name(), failures);
    }

    private void check(Clause clause, WorkedExample example, List<String> failures) {
        WorkedExample.Expectation expect = example.expect();
        EligibilityResult eligibility = evaluator.checkEligibility(clause, example.facts(), example.asOf());
        if (eligibility.eligible() != expect.eligible()) {
            failures.add("eligible: expected " + expect.eligible() + " but was " + eligibility.eligible()
                    + "; reasons: " + eligibility.reasons());
            return;
        }
        if (!expect.eligible()) {
            List<Reason> blocking = eligibility.blockingReasons();
            if (blocking.size() != expect.reasons().size()) {
                failures.add("blocking reasons: expected " + expect.reasons().size() + " but were " + blocking.size()
                        + ": " + blocking);
            }
            List<Reason> unmatched = new ArrayList<>(blocking);
            for (WorkedExample.ExpectedReason want : expect.reasons()) {
                Reason match = unmatched.stream().filter(r -> matches(r, want)).findFirst().orElse(null);
                if (match == null) {
                    failures.add("no reason matching " + want + " among " + blocking);
                } else {
                    unmatched.remove(match);
                }
            }
            if (expect.previewAmount().isPresent()) {
                if (!eligibility.eligibleOnceInForce()) {
                    failures.add("preview: not eligible once in force; reasons: " + eligibility.reasons());
                    return;
                }
                AwardResult preview = evaluator.computeAward(clause, example.facts(), AwardHistory.none(),
                        example.year());
                if (!preview.amount().equals(expect.previewAmount().get())) {
                    failures.add("preview amount: expected " + expect.previewAmount().get() + " but was "
                            + preview.amount() + "; trace: " + preview.trace());
                }
            }
            return;
        }
        List<Integer> yearsAsked = new ArrayList<>();
        AwardHistory history = new AwardHistory() {
            @Override
            public BigDecimal alreadyAwarded(Cap cap, int year) {
                yearsAsked.add(year);
                return example.history().getOrDefault(cap.id(), Money.ZERO);
            }

            @Override
            public int awardsCounted(CountLimit limit, int year) {
                yearsAsked.add(year);
                return example.counts().getOrDefault(limit.id(), 0);
            }
        };
        AwardResult award = evaluator.computeAward(clause, example.facts(), history, example.year());
        yearsAsked.stream().filter(y -> y != example.year()).findFirst().ifPresent(
                y -> failures.add("the history was asked for year " + y + ", not the example's " + example.year()));
        BigDecimal amount = expect.amount().orElse(null);
        if (amount == null) {
            failures.add("an eligible example states no amount");
        } else if (!amount.equals(award.amount())) {
            failures.add("amount: expected " + amount + " but was " + award.amount() + "; trace: " + award.trace());
        }
        if (award.amount().scale() != Money.SCALE) {
            failures.add("amount scale: expected " + Money.SCALE + " but was " + award.amount().scale());
        }
        expect.uncapped().filter(u -> !u.equals(award.uncappedAmount())).ifPresent(u -> failures
                .add("uncapped: expected " + u + " but was " + award.uncappedAmount()));
        List<String> binding = award.bindingCaps().stream().map(c -> c.cap().id()).collect(Collectors.toList());
        award.reachedLimits().forEach(l -> binding.add(l.limit().id()));
        binding.sort(null);
        List<String> wantBinding = expect.bindingCaps().stream().sorted().collect(Collectors.toList());
        if (!binding.equals(wantBinding)) {
            failures.add("binding caps: expected " + wantBinding + " but were " + binding);
        }
        BigDecimal cuts = award.capsApplied().stream().map(CapApplication::cut).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        if (award.reachedLimits().isEmpty() && award.uncappedAmount().subtract(cuts).compareTo(award.amount()) != 0) {
            failures.add("uncapped less cuts (" + award.uncappedAmount().subtract(cuts) + ") is not the amount "
                    + award.amount());
        }
        List<String> trace = award.trace().stream().map(TraceStep::zh).collect(Collectors.toList());
        for (String line : expect.traceContains()) {
            if (!trace.contains(line)) {
                failures.add("trace lacks \"" + line + "\"; trace: " + trace);
            }
        }
    }

    private static boolean matches(Reason r, WorkedExample.ExpectedReason want) {
        return want.kind().map(k -> k.equals(r.kind().code())).orElse(true)
                && want.path().map(p -> p.equals(r.conditionPath())).orElse(true)
                && want.fact().map(f -> r.fact().map(f::equals).orElse(false)).orElse(true)
                && want.shortfall().map(s -> r.shortfall().map(a -> a.compareTo(s) == 0).orElse(false)).orElse(true);
    }
}
