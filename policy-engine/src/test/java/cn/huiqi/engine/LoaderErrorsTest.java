package cn.huiqi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.engine.load.PolicyValidationException;
import cn.huiqi.engine.load.ValidationError;

/** Bad packs fail to load, and one load reports every problem with its file, clause and JSON path. */
class LoaderErrorsTest {

    static List<ValidationError> errorsOf(String root) {
        PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class,
                () -> PolicyPackLoader.fromClasspath(root));
        assertThat(e).as("loading %s must fail", root).isNotNull();
        return e.errors();
    }

    @Test
    void every_problem_of_every_file_is_reported_at_once() {
        List<ValidationError> errors = errorsOf("packs/bad");

        assertThat(errors).extracting(ValidationError::file, e -> e.clauseId().orElse(""), ValidationError::path)
                .containsExactlyInAnyOrder(
                        tuple("vocabulary.yaml", "", "$.facts['claim.area'].unit"),
                        tuple("bad-a.yaml", "", "$.colour"),
                        tuple("bad-a.yaml", "ba.1", "$.clauses[0].eligibility.all[0].value"),
                        tuple("bad-a.yaml", "ba.1", "$.clauses[0].eligibility.all[1].value"),
                        tuple("bad-a.yaml", "ba.1", "$.clauses[0].eligibility.all[2].op"),
                        tuple("bad-a.yaml", "ba.1", "$.clauses[0].eligibility.all[3].wording"),
                        tuple("bad-a.yaml", "ba.1", "$.clauses[0].eligibility.all[4].op"),
                        tuple("bad-a.yaml", "ba.1", "$.clauses[0].eligibility.all[5].fact"),
                        tuple("bad-a.yaml", "ba.1", "$.clauses[0].eligibility.all[6].value"),
                        tuple("bad-a.yaml", "ba.1", "$.clauses[0].eligibility.all[7].value"),
                        tuple("bad-a.yaml", "ba.1", "$.clauses[0].eligibility.all[8].operator"),
                        tuple("bad-a.yaml", "ba.1", "$.clauses[0].eligibility.all[8].op"),
                        tuple("bad-a.yaml", "ba.2", "$.clauses[1].award.formula.sum[0].rate_of_base.base"),
                        tuple("bad-a.yaml", "ba.2", "$.clauses[1].award.formula.sum[1].per_unit.amount"),
                        tuple("bad-a.yaml", "ba.2", "$.clauses[1].award.caps[0].scope"),
                        tuple("bad-a.yaml", "ba.2", "$.clauses[1].award.caps[0].source"),
                        tuple("bad-a.yaml", "ba.2", "$.clauses[1].examples[0].facts['claim.unknown']"),
                        tuple("bad-a.yaml", "ba.2", "$.clauses[1].examples[0].facts['claim.hires']"),
                        tuple("bad-b.yaml", "", "$.id"),
                        tuple("bad-b.yaml", "ba.1", "$.clauses[0].award.caps[1].covers"),
                        tuple("bad-b.yaml", "ba.1", "$.clauses[0].id"),
                        tuple("bad-b.yaml", "ba.1", "$.clauses[0].award.caps[0].id"),
                        tuple("missing.yaml", "", "$"));
    }

    @Test
    void messages_say_what_is_wrong() {
        List<String> messages = errorsOf("packs/bad").stream().map(ValidationError::toString).toList();

        assertThat(messages).contains(
                "bad-a.yaml $.colour: unknown key 'colour'; allowed here: id, title, issuer, document_number, region, "
                        + "status, delivery, applicant_types, effective, stacking, limits, sources, clauses",
                "bad-a.yaml $.clauses[0].eligibility.all[0].value [ba.1]: type mismatch: claim.investment is money, "
                        + "so the value must be a number, got text \"5000\"",
                "bad-a.yaml $.clauses[0].eligibility.all[1].value [ba.1]: type mismatch: claim.hires is count: "
                        + "a count is a whole number, got 1.5",
                "bad-a.yaml $.clauses[0].eligibility.all[2].op [ba.1]: unknown operator 'gte'; expected one of eq, ne, "
                        + "gt, ge, lt, le, in, contains",
                "bad-a.yaml $.clauses[0].eligibility.all[3].wording [ba.1]: '以上' includes the bound and means ge, "
                        + "not gt",
                "bad-a.yaml $.clauses[0].eligibility.all[4].op [ba.1]: 'ge' needs an ordered type (money, count, "
                        + "decimal, ratio, date); claim.certified is boolean",
                "bad-a.yaml $.clauses[0].eligibility.all[5].fact [ba.1]: unknown fact 'claim.nope' (not in the "
                        + "vocabulary)",
                "bad-b.yaml $.clauses[0].id [ba.1]: duplicate clause id 'ba.1': also used in bad-a.yaml at "
                        + "$.clauses[0].id",
                "bad-b.yaml $.clauses[0].award.caps[0].id [ba.1]: duplicate cap id 'shared-cap': also used in "
                        + "bad-a.yaml at $.clauses[1].award.caps[0].id",
                "missing.yaml $: file not found in classpath:packs/bad");
    }

    @Test
    void the_exception_message_lists_every_error() {
        PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class,
                () -> PolicyPackLoader.fromClasspath("packs/bad"));
        assertThat(e.getMessage()).startsWith("23 problem(s) in the policy pack:")
                .contains("bad-a.yaml $.colour", "missing.yaml $");
    }

    @Test
    void yaml_syntax_errors_and_duplicate_keys_are_reported_per_file() {
        List<ValidationError> errors = errorsOf("packs/bad-yaml");

        assertThat(errors).extracting(ValidationError::file).containsExactly("broken.yaml", "duplicate-key.yaml");
        assertThat(errors.get(0).message()).startsWith("not valid YAML (line 2");
        assertThat(errors.get(1).message()).contains("Duplicate field 'id'");
    }

    @Test
    void a_missing_pack_says_so() {
        assertThat(errorsOf("packs/no-such-pack")).extracting(ValidationError::file, ValidationError::message)
                .containsExactly(tuple("index.yaml", "file not found in classpath:packs/no-such-pack"));
    }

    @Test
    void a_directory_pack_reports_policy_files_missing_from_the_index(@TempDir Path dir) throws IOException {
        Path engine = Path.of("src/test/resources/packs/engine");
        for (String f : PackCopy.yamlFiles(engine)) {
            Files.copy(engine.resolve(f), dir.resolve(f));
        }
        assertThat(PolicyPackLoader.fromDirectory(dir).clauses()).hasSize(18);

        Files.writeString(dir.resolve("forgotten.yaml"), "id: forgotten\n");
        PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class,
                () -> PolicyPackLoader.fromDirectory(dir));
        assertThat(e.errors()).extracting(ValidationError::toString)
                .containsExactly(
                        "index.yaml $.policies: 'forgotten.yaml' is in the pack directory but not listed here");
    }

    @Test
    void award_shapes_written_wrongly_are_reported_with_their_place() {
        List<ValidationError> errors = errorsOf("packs/bad-shapes");

        assertThat(errors).extracting(e -> e.clauseId().orElse(""), ValidationError::path)
                .containsExactlyInAnyOrder(
                        tuple("bs.1", "$.clauses[0].award.formula.by_level.amounts.provincial"),
                        tuple("bs.2", "$.clauses[1].eligibility.fact"),
                        tuple("bs.2", "$.clauses[1].award.formula.tiered.bands[1].wording"),
                        tuple("bs.2", "$.clauses[1].award.formula.tiered.bands[1].from"),
                        tuple("bs.3", "$.clauses[2].award.not_computable"),
                        tuple("bs.3", "$.clauses[2].examples[0].facts['claim.products']"));
        assertThat(errors).extracting(ValidationError::message).contains(
                "'provincial' is not a value of enterprise.level; expected one of [national, municipal]",
                "'item.sales' is an item's field; use it inside for_each_item or some_item",
                "bands ascend: 1000000 is not above 5000000",
                "an award that computes nothing says why: not_computable: {reason, explanation}",
                "[0].item.colour: unknown fact (not in the vocabulary)");
    }
}
