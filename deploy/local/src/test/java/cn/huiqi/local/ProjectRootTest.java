package cn.huiqi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectRootTest {

    @TempDir
    Path tmp;

    @Test
    void walksUpToTheDirectoryWithMvnw() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("huiqi"));
        Files.writeString(root.resolve("mvnw"), "#!/bin/sh\n");
        Path nested = Files.createDirectories(root.resolve("deploy/local/target"));

        assertThat(ProjectRoot.walkUp(nested)).isEqualTo(root);
        assertThat(ProjectRoot.walkUp(root)).isEqualTo(root);
        assertThat(ProjectRoot.locate(Map.of(), Map.of(), nested)).isEqualTo(root);
    }

    @Test
    void anExplicitRootWins() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(root.resolve("mvnw"), "");

        assertThat(ProjectRoot.locate(Map.of("huiqi.root", root.toString()), Map.of(), tmp)).isEqualTo(root);
        assertThat(ProjectRoot.locate(Map.of(), Map.of("HUIQI_ROOT", root.toString()), tmp)).isEqualTo(root);
    }

    @Test
    void anExplicitRootWithoutMvnwIsRefused() {
        assertThatThrownBy(() -> ProjectRoot.locate(Map.of("huiqi.root", tmp.toString()), Map.of(), tmp))
                .hasMessageContaining("no mvnw");
    }

    @Test
    void outsideTheProjectItSaysHowToPointAtIt() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("a/b"));
        // A temp directory has no mvnw above it on a sane machine.
        assertThatThrownBy(() -> ProjectRoot.walkUp(outside))
                .hasMessageContaining("-Dhuiqi.root=")
                .hasMessageContaining("HUIQI_ROOT");
    }

    @Test
    void theRealRootIsFoundFromThisModule() {
        Path root = ProjectRoot.locate();
        assertThat(root.resolve("mvnw")).isRegularFile();
        assertThat(root.resolve("deploy/local/pom.xml")).isRegularFile();
    }
}
