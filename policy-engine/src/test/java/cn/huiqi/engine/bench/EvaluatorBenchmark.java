package cn.huiqi.engine.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import cn.huiqi.engine.PolicyPack;
import cn.huiqi.engine.eval.AwardHistory;
import cn.huiqi.engine.eval.AwardResult;
import cn.huiqi.engine.eval.EligibilityResult;
import cn.huiqi.engine.eval.Evaluator;
import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.engine.model.Cap;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.CountLimit;
import cn.huiqi.engine.model.Facts;

/**
 * How fast the evaluator judges clauses: one clause (eligibility and award), and every clause of the pack for one
 * enterprise whose facts cover the whole vocabulary, explained and decided only ({@code *Fast}). Run as BENCHMARKS.md
 * says; not part of the test suite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvaluatorBenchmark {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final int ENTERPRISES = 1024;

    final Evaluator evaluator = new Evaluator();
    final Evaluator decider = Evaluator.decideOnly();
    /** 100,000.00 already awarded under every cap; one award already in every count limit's window. */
    final AwardHistory history = new AwardHistory() {
        @Override
        public BigDecimal alreadyAwarded(Cap cap, int year) {
            return new BigDecimal("100000.00");
        }

        @Override
        public int awardsCounted(CountLimit limit, int year) {
            return 1;
        }
    };

    PolicyPack pack;
    Clause talent;
    Clause products;
    List<Clause> clauses;
    Facts[] enterprises;

    /** Each thread walks the enterprises on its own. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        Facts next(EvaluatorBenchmark b) {
            Facts f = b.enterprises[next];
            next = (next + 1) & (ENTERPRISES - 1);
            return f;
        }
    }

    @Setup
    public void setUp() {
        pack = PolicyPackLoader.fromClasspath("policies");
        talent = pack.clause("ccxq-2023-11.12").orElseThrow();
        products = pack.clause("ccxq-2023-11.6").orElseThrow();
        clauses = pack.clauses();
        SplittableRandom random = new SplittableRandom(42);
        enterprises = new Facts[ENTERPRISES];
        for (int i = 0; i < ENTERPRISES; i++) {
            enterprises[i] = SyntheticEnterprises.enterprise(pack.vocabulary(), random);
        }
    }

    /** Clause (十二): eligibility with reasons, then the award with its trace and the yearly cap. */
    @Benchmark
    public void talentClause(Cursor cursor, Blackhole bh) {
        Facts facts = cursor.next(this);
        EligibilityResult e = evaluator.checkEligibility(talent, facts, AS_OF);
        bh.consume(e);
        bh.consume(evaluator.computeAward(talent, facts, history, 2025));
    }

    /** Clause (十二), eligibility only: the conditions with their reasons. */
    @Benchmark
    public EligibilityResult talentEligibility(Cursor cursor) {
        return evaluator.checkEligibility(talent, cursor.next(this), AS_OF);
    }

    /** Clause (十二), award only: the formula with its trace and the yearly cap. */
    @Benchmark
    public AwardResult talentAward(Cursor cursor) {
        return evaluator.computeAward(talent, cursor.next(this), history, 2025);
    }

    /** Clause (六): eligibility over an item list, then each item's award, its cap and the enterprise cap. */
    @Benchmark
    public void itemListClause(Cursor cursor, Blackhole bh) {
        Facts facts = cursor.next(this);
        bh.consume(evaluator.checkEligibility(products, facts, AS_OF));
        bh.consume(evaluator.computeAward(products, facts, history, 2025));
    }

    /** Loading and checking the whole pack from the classpath, as a service does at start-up. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public PolicyPack loadPack() {
        return PolicyPackLoader.fromClasspath("policies");
    }

    /** Every clause of the pack for one enterprise: eligibility, and the award where eligible or a preview. */
    @Benchmark
    public void wholePack(Cursor cursor, Blackhole bh) {
        everyClause(evaluator, cursor.next(this), bh);
    }

    /** Clause (十二) decided only: the same outcome, amount and cap, without reasons in words or trace. */
    @Benchmark
    public void talentClauseFast(Cursor cursor, Blackhole bh) {
        Facts facts = cursor.next(this);
        bh.consume(decider.checkEligibility(talent, facts, AS_OF));
        bh.consume(decider.computeAward(talent, facts, history, 2025));
    }

    /** Every clause of the pack for one enterprise, decided only, as a bulk screening (免申即享) runs it. */
    @Benchmark
    public void wholePackFast(Cursor cursor, Blackhole bh) {
        everyClause(decider, cursor.next(this), bh);
    }

    private void everyClause(Evaluator by, Facts facts, Blackhole bh) {
        for (Clause c : clauses) {
            EligibilityResult e = by.checkEligibility(c, facts, AS_OF);
            bh.consume(e);
            if (e.eligibleOnceInForce()) {
                bh.consume(by.computeAward(c, facts, history, 2025));
            }
        }
    }
}
