package cn.huiqi.engine.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import cn.huiqi.engine.PackCopy;

/** The authors' command line, run in-process. */
class PolicyToolTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        PolicyTool tool = new PolicyTool(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Path.of("").toAbsolutePath());
        return tool.run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validate_finds_the_projects_pack_by_walking_up_to_mvnw() {
        assertThat(run("validate")).as(err()).isZero();
        assertThat(out()).contains("policies").contains("no errors");
    }

    @Test
    void validate_prints_every_error_with_file_clause_and_path_and_fails() {
        assertThat(run("validate", "--pack", "src/test/resources/packs/bad")).isEqualTo(1);
        assertThat(err()).contains("bad-a.yaml").contains("clause ").contains("$.clauses[").contains("error(s)");
    }

    @Test
    void test_runs_every_example_and_closes_with_the_count() {
        assertThat(run("test", "--pack", "src/test/resources/packs/engine")).as(out()).isZero();
        String[] lines = out().strip().split("\n");
        assertThat(lines[lines.length - 1]).matches("[1-9][0-9]* passed, 0 failed");
        assertThat(out()).contains("PASS  ");
    }

    @Test
    void test_fails_on_a_wrong_example(@TempDir Path tmp) throws IOException {
        Path pack = Path.of("..", "policies");
        PackCopy.subset(pack, tmp, "cn-jl-changchun-new-area-2023-11.yaml",
                "cn-jl-changchun-sti-new-productive-forces-draft.yaml");
        Path file = tmp.resolve("cn-jl-changchun-new-area-2023-11.yaml");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("amount: 1500000.00");
        Files.writeString(file, text.replaceFirst("amount: 1500000\\.00", "amount: 1500000.01"),
                StandardCharsets.UTF_8);
        assertThat(run("test", "--pack", tmp.toString())).isEqualTo(1);
        assertThat(out()).contains("FAIL  ").containsPattern("\\n[1-9][0-9]* passed, 1 failed\\n$");
    }

    @Test
    void eval_answers_in_json_with_amount_trace_reasons_and_caps(@TempDir Path tmp) throws IOException {
        Path facts = tmp.resolve("facts.json");
        Files.writeString(facts, "{\"enterprise.legal_form\": \"limited_liability_company\","
                + " \"claim.talent.masters_hired\": 3, \"claim.talent.phds_hired\": 2,"
                + " \"claim.talent.postdocs_hired\": 1}", StandardCharsets.UTF_8);
        assertThat(run("eval", "--facts", facts.toString(), "--clause", "ccxq-2023-11.12", "--clause",
                "ccxq-2023-11.3a", "--as-of", "2025-06-30")).as(err()).isZero();
        JsonNode json = PolicyTool.json().readTree(out());
        assertThat(json.path("year").asInt()).isEqualTo(2025);
        JsonNode talent = json.path("results").get(0);
        assertThat(talent.path("clause").asText()).isEqualTo("ccxq-2023-11.12");
        assertThat(talent.path("award").path("amount").decimalValue()).isEqualByComparingTo("55000.00");
        assertThat(talent.path("award").path("trace").get(0).path("zh").asText()).isNotEmpty();
        assertThat(talent.path("award").path("caps_applied").get(0).path("id").asText())
                .isEqualTo("ccxq-2023-11.12/year");
        JsonNode platform = json.path("results").get(1);
        assertThat(platform.path("outcome").asText()).isIn("not_eligible", "incomplete");
        assertThat(platform.path("reasons").get(0).has("shortfall")).isTrue();
        assertThat(platform.path("reasons").get(0).path("messages").path("zh").asText()).isNotEmpty();
        assertThat(platform.path("reasons").get(0).path("source").asText()).isNotEmpty();
    }

    @Test
    void usage_errors_exit_2() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("eval")).isEqualTo(2);
        assertThat(run("coverage")).isEqualTo(2);
    }
}
