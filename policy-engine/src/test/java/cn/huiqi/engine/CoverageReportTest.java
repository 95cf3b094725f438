package cn.huiqi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.huiqi.engine.coverage.CoverageReport;
import cn.huiqi.engine.coverage.QuantifiedSentences;
import cn.huiqi.engine.coverage.QuantifiedSentences.Kind;
import cn.huiqi.engine.load.PolicyPackLoader;

/**
 * Regenerates the coverage report from the seed texts and the pack: every sentence with a rate or a cap is encoded
 * or accounted for, and the committed {@code docs/coverage.md} is the regenerated one.
 */
class CoverageReportTest {

    static final Path PACK = Path.of("..", "policies");
    static final Path COMMITTED = Path.of("..", "docs", "coverage.md");

    static Path seeds() {
        String seeds = System.getProperty("huiqi.seeds");
        assertThat(seeds).as("system property huiqi.seeds (set by the pom: <repository>/../shared/seeds)").isNotNull();
        Path dir = Path.of(seeds);
        assertThat(dir).as("the seed texts beside the repository").isDirectory();
        return dir;
    }

    static CoverageReport report(Path seeds) {
        return CoverageReport.of(PolicyPackLoader.fromDirectory(PACK), PACK, seeds);
    }

    @Test
    void every_sentence_with_a_rate_or_a_cap_is_accounted_for() {
        CoverageReport report = report(seeds());
        assertThat(report.problems()).as("fix policies/coverage/<policy-id>.yaml or the clause's source").isEmpty();
        assertThat(report.documents()).extracting(CoverageReport.Document::seed).contains("000_368f7d3063765867",
                "001_7e05db921a760469", "002_5544c373c39e6580", "003_71964efc8a77a636#1",
                "003_71964efc8a77a636#13", "003_71964efc8a77a636#20", "004_2f1efa204b180be2");
        assertThat(report.pending()).as("sections of seed 003 that no policy names").isEmpty();
        assertThat(report.documents()).allSatisfy(d -> assertThat(d.unaccounted()).as(d.seed()).isZero());
        assertThat(report.documents().get(0).sentences()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void the_committed_report_is_the_regenerated_one() throws IOException {
        String regenerated = report(seeds()).markdown();
        assertThat(COMMITTED).as("docs/coverage.md; regenerate: " + CoverageReport.REGENERATE).isRegularFile();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("docs/coverage.md is stale; regenerate from the repository's root: " + CoverageReport.REGENERATE)
                .isEqualTo(regenerated);
    }

    @Test
    void a_new_sentence_with_a_rate_and_no_clause_fails_the_check(@TempDir Path tmp) throws IOException {
        Path seeds = seeds();
        for (Path seed : Files.list(seeds).collect(Collectors.toList())) {
            Files.copy(seed, tmp.resolve(seed.getFileName()));
        }
        Path draft = tmp.resolve("004_2f1efa204b180be2.txt");
        Files.writeString(draft, Files.readString(draft, StandardCharsets.UTF_8)
                + "\n27.对新建中试平台，按设备投资的15%给予补助。\n", StandardCharsets.UTF_8);
        CoverageReport report = report(tmp);
        assertThat(report.problems()).singleElement().asString().contains("004_2f1efa204b180be2")
                .contains("names a rate").contains("按设备投资的15%给予补助");
    }

    @Test
    void accounting_data_that_matches_nothing_or_gives_an_unknown_reason_fails_the_check(@TempDir Path tmp)
            throws IOException {
        PackCopy.subset(PACK, tmp, "cn-jl-changchun-new-area-2023-11.yaml",
                "cn-jl-changchun-sti-new-productive-forces-draft.yaml");
        Files.createDirectories(tmp.resolve("coverage"));
        String draft = "cn-jl-changchun-sti-new-productive-forces-draft.yaml";
        Files.writeString(tmp.resolve("coverage").resolve(draft),
                Files.readString(PACK.resolve("coverage").resolve(draft), StandardCharsets.UTF_8)
                        + "  - {seed: 004_2f1efa204b180be2, text: 到2030年全市研发投入翻番, reason: target_not_award, note: x}\n"
                        + "  - {seed: 004_2f1efa204b180be2, text: 对省实验室每年给予1亿元, reason: budget, note: x}\n"
                        + "  - {seed: 004_2f1efa204b180be2, text: 对新获批的全国重点实验室, reason: not_a_payment, note: x}\n",
                StandardCharsets.UTF_8);
        CoverageReport report = CoverageReport.of(PolicyPackLoader.fromDirectory(tmp), tmp, seeds());
        assertThat(report.problems()).hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("matches no quantified sentence").contains("到2030年"))
                .anySatisfy(p -> assertThat(p).contains("'budget' is not one of").contains("target_not_award"))
                .anySatisfy(p -> assertThat(p).contains("both encoded (ccst-draft.2a)"));
    }

    @Test
    void sentences_and_what_they_name() {
        assertThat(QuantifiedSentences.sentences("甲。乙，丙；丁\n戊")).containsExactly("甲。", "乙，丙；", "丁", "戊");
        assertThat(QuantifiedSentences.kinds("给予最高300万元补助")).containsExactlyInAnyOrder(Kind.AMOUNT, Kind.CAP);
        assertThat(QuantifiedSentences.kinds("增速超过10%")).containsExactly(Kind.RATE);
        assertThat(QuantifiedSentences.kinds("每年举办4场专题场景对接会，开放20个以上场景")).isEmpty();
        assertThat(QuantifiedSentences.key("按其服务金额的10%给予奖励。（责任部门：科技局）")).isEqualTo("按其服务金额的10%给予奖励");
    }
}
