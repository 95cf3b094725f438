package cn.huiqi.engine.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class SeedSectionsTest {

    @Test
    void splitsOnDashLinesAndOnABodyEndingInADash() {
        List<String> s = SeedSections.of("-\n标题一\n正文一。\n-\n标题二\n[地址]面议 -\n标题三\n正文三，最高50万元。\n");
        assertThat(s).hasSize(3);
        assertThat(SeedSections.title(s.get(0))).isEqualTo("标题一");
        assertThat(s.get(1)).isEqualTo("标题二\n[地址]面议\n");
        assertThat(SeedSections.title(s.get(2))).isEqualTo("标题三");
    }

    @Test
    void aTextWithoutSeparatorsIsOneSection() {
        assertThat(SeedSections.of("一段文字。\n第二行。")).hasSize(1);
    }

    @Test
    void seed003HoldsTwentyDocuments() throws IOException {
        String seeds = System.getProperty("huiqi.seeds");
        assertThat(seeds).as("system property huiqi.seeds (set by the pom)").isNotNull();
        String text = Files.readString(Path.of(seeds, "003_71964efc8a77a636.txt"), StandardCharsets.UTF_8);
        List<String> sections = SeedSections.of(text);
        assertThat(sections).hasSize(20);
        assertThat(SeedSections.title(sections.get(0))).startsWith("关于推动中关村加快建设世界领先科技园区");
        assertThat(SeedSections.title(sections.get(8))).startsWith("北京市支持超高清视听产业发展项目管理办法");
        assertThat(SeedSections.title(sections.get(9))).startsWith("北京城市副中心加快推进北京数据基础制度先");
        assertThat(SeedSections.title(sections.get(19))).startsWith("北京市朝阳区关于支持数字医疗产业创新发展");
    }
}
