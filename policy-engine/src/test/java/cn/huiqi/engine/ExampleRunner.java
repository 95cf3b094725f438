package cn.huiqi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import cn.huiqi.engine.eval.AwardHistory;
import cn.huiqi.engine.eval.AwardResult;
import cn.huiqi.engine.eval.CapApplication;
import cn.huiqi.engine.eval.EligibilityResult;
import cn.huiqi.engine.eval.Evaluator;
import cn.huiqi.engine.eval.Reason;
import cn.huiqi.engine.eval.TraceStep;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.Money;
import cn.huiqi.engine.model.WorkedExample;

/** Runs one worked example of a clause and asserts the engine answers what the policy file says. */
final class ExampleRunner {

    private static final Evaluator EVALUATOR = new Evaluator();

    private ExampleRunner() {
    }

    static void run(Clause clause, WorkedExample example) {
        WorkedExample.Expectation expect = example.expect();
        EligibilityResult eligibility = EVALUATOR.checkEligibility(clause, example.facts(), example.asOf());
        assertThat(eligibility.eligible())
                .as("eligible? reasons: %s", eligibility.reasons())
                .isEqualTo(expect.eligible());
        if (!expect.eligible()) {
            List<Reason> blocking = eligibility.blockingReasons();
            assertThat(blocking).as("blocking reasons").hasSameSizeAs(expect.reasons());
            List<Reason> unmatched = new ArrayList<>(blocking);
            for (WorkedExample.ExpectedReason want : expect.reasons()) {
                Reason match = unmatched.stream().filter(r -> matches(r, want)).findFirst().orElse(null);
                assertThat(match).as("a reason matching %s among %s", want, blocking).isNotNull();
                unmatched.remove(match);
            }
            if (expect.previewAmount().isPresent()) {
                assertThat(eligibility.eligibleOnceInForce()).as("eligible once in force? %s", eligibility.reasons())
                        .isTrue();
                AwardResult preview = EVALUATOR.computeAward(clause, example.facts(), AwardHistory.none(),
                        example.year());
                assertThat(preview.amount()).as("preview; trace: %s", preview.trace())
                        .isEqualTo(expect.previewAmount().get());
            }
            return;
        }
        AwardHistory history = (cap, year) -> {
            assertThat(year).isEqualTo(example.year());
            return example.history().getOrDefault(cap.id(), Money.ZERO);
        };
        AwardResult award = EVALUATOR.computeAward(clause, example.facts(), history, example.year());
        assertThat(award.amount()).as("amount; trace: %s", award.trace()).isEqualTo(expect.amount().orElseThrow());
        assertThat(award.amount().scale()).isEqualTo(2);
        expect.uncapped().ifPresent(u -> assertThat(award.uncappedAmount()).as("uncapped").isEqualTo(u));
        assertThat(award.bindingCaps().stream().map(c -> c.cap().id()).collect(Collectors.toList()))
                .as("binding caps").containsExactlyInAnyOrderElementsOf(expect.bindingCaps());
        BigDecimal cuts = award.capsApplied().stream().map(CapApplication::cut).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        assertThat(award.uncappedAmount().subtract(cuts)).as("uncapped less cuts").isEqualTo(award.amount());
        List<String> trace = award.trace().stream().map(TraceStep::zh).collect(Collectors.toList());
        assertThat(trace).as("trace").containsAll(expect.traceContains());
    }

    private static boolean matches(Reason r, WorkedExample.ExpectedReason want) {
        return want.kind().map(k -> k.equals(r.kind().code())).orElse(true)
                && want.path().map(p -> p.equals(r.conditionPath())).orElse(true)
                && want.fact().map(f -> r.fact().map(f::equals).orElse(false)).orElse(true)
                && want.shortfall().map(s -> r.shortfall().map(a -> a.compareTo(s) == 0).orElse(false)).orElse(true);
    }
}
