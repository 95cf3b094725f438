package cn.huiqi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.huiqi.engine.load.PolicyPackLoader;
import cn.huiqi.engine.load.PolicyValidationException;
import cn.huiqi.engine.model.Policy;

/** Every policy is classified by the industries it supports (policies/industries.yaml). */
class IndustryTest {

    static final Path PACK_DIR = Path.of("..", "policies");

    @Test
    void every_policy_is_classified_and_the_classification_is_read() {
        PolicyPack pack = PolicyPackLoader.fromDirectory(PACK_DIR);
        assertThat(pack.industries()).containsKeys("artificial_intelligence", "digital_healthcare", "agriculture");
        assertThat(pack.policy("cn-bj-chaoyang-digital-medical").map(Policy::industries).orElseThrow())
                .containsExactly("digital_healthcare");
        assertThat(pack.policy("cn-bj-haidian-23-measures").map(Policy::industries).orElseThrow())
                .as("open to every industry").isEmpty();
    }

    @Test
    void an_unclassified_policy_or_an_unknown_industry_is_refused(@TempDir Path dir) throws IOException {
        PackCopy.subset(PACK_DIR, dir, "cn-jl-changchun-new-area-2023-11.yaml",
                "cn-jl-changchun-sti-new-productive-forces-draft.yaml");
        Files.writeString(dir.resolve("industries.yaml"), """
                industries:
                  artificial_intelligence: {zh: 人工智能, en: artificial intelligence}
                policies:
                  cn-jl-changchun-new-area-2023-11: [artificial_intelligence, quantum]
                  cn-nowhere: []
                """);
        Files.writeString(dir.resolve("index.yaml"),
                Files.readString(dir.resolve("index.yaml")).replace("policies:",
                        "industries: industries.yaml\npolicies:"));
        assertThatThrownBy(() -> PolicyPackLoader.fromDirectory(dir)).isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("unknown industry 'quantum'")
                .hasMessageContaining("no policy 'cn-nowhere' in the pack")
                .hasMessageContaining("policy 'cn-jl-changchun-sti-new-productive-forces-draft' is not classified");
    }
}
