package cn.huiqi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.huiqi.engine.eval.WorkedExampleRunner;
import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.engine.model.Clause;
import cn.huiqi.engine.model.WorkedExample;

/** Runs every worked example written in the policy pack (and in the engine's own test pack) as a test. */
class WorkedExamplesTest {

    static final PolicyPack SEED_PACK = PolicyPackLoader.fromClasspath("policies");
    static final PolicyPack ENGINE_PACK = PolicyPackLoader.fromClasspath("packs/engine");
    static final WorkedExampleRunner RUNNER = new WorkedExampleRunner();

    static Stream<Arguments> examples() {
        return Stream.of(SEED_PACK, ENGINE_PACK)
                .flatMap(pack -> pack.clauses().stream())
                .flatMap(c -> c.examples().stream().map(e -> Arguments.of(c.id(), e.name(), c, e)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("examples")
    void example(String clauseId, String name, Clause clause, WorkedExample example) {
        WorkedExampleRunner.Outcome outcome = RUNNER.run(clause, example);
        assertThat(outcome.failures()).as("%s: %s", clauseId, name).isEmpty();
    }

    @Test
    void every_clause_has_examples_and_the_pack_is_not_empty() {
        List<Clause> clauses = SEED_PACK.clauses();
        assertThat(clauses).extracting(Clause::id).contains("ccxq-2023-11.12");
        assertThat(clauses).allSatisfy(c -> assertThat(c.examples()).as(c.id()).isNotEmpty());
        assertThat(examples().count()).isGreaterThan(30);
    }
}
