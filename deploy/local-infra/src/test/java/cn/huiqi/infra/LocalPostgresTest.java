package cn.huiqi.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @TempDir
    Path tmp;

    @Test
    void dataInAPersistentDirectorySurvivesARestart() throws SQLException {
        Path dataDir = tmp.resolve("pgdata");
        int port;
        try (LocalPostgres pg = LocalPostgres.embedded(dataDir, 0)) {
            port = pg.port();
            assertThat(pg.isEmbedded()).isTrue();
            pg.ensureDatabase("huiqi_test");
            pg.ensureDatabase("huiqi_test");
            try (Connection c = pg.connect("huiqi_test"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE enterprise (uscc text PRIMARY KEY, name text NOT NULL)");
                s.execute("INSERT INTO enterprise VALUES ('91110000MA01ABCD1X', '示例科技有限公司')");
            }
        }
        assertThat(FreePorts.isListening(port)).as("stopped").isFalse();
        assertThat(dataDir.resolve("PG_VERSION")).exists();

        try (LocalPostgres again = LocalPostgres.embedded(dataDir, 0)) {
            again.ensureDatabase("huiqi_test");
            try (Connection c = again.connect("huiqi_test");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT name FROM enterprise WHERE uscc = '91110000MA01ABCD1X'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("示例科技有限公司");
            }
        }
        assertThat(dataDir.resolve("PG_VERSION")).as("a persistent directory is kept").exists();
    }

    @Test
    void aTemporaryClusterIsDeletedOnClose() throws SQLException {
        Path dataDir;
        try (LocalPostgres pg = LocalPostgres.embeddedOnFreePort()) {
            dataDir = pg.dataDirectory();
            assertThat(pg.jdbcUrl("postgres")).isEqualTo("jdbc:postgresql://localhost:" + pg.port() + "/postgres");
            try (Connection c = pg.connect("postgres");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SHOW server_version")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("18.");
            }
        }
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void aServerAlreadyRunningOnThePortIsUsedAndLeftRunning() throws SQLException {
        try (LocalPostgres running = LocalPostgres.embeddedOnFreePort()) {
            LocalPostgres reused = LocalPostgres.builder()
                    .port(running.port())
                    .useExistingServer(true)
                    .environment(Map.of(LocalPostgres.USER_ENV, "postgres", LocalPostgres.PASSWORD_ENV, "secret"))
                    .start();
            assertThat(reused.isEmbedded()).isFalse();
            assertThat(reused.password()).isEqualTo("secret");
            reused.ensureDatabase("huiqi_reused");
            reused.close();

            try (Connection c = running.connect("huiqi_reused"); Statement s = c.createStatement()) {
                assertThat(s.execute("SELECT 1")).as("still running after the reused one was closed").isTrue();
            }
        }
    }

    @Test
    void rejectedCredentialsOfARunningServerSayWhatToDo() {
        try (LocalPostgres running = LocalPostgres.embeddedOnFreePort()) {
            assertThatThrownBy(() -> LocalPostgres.builder()
                    .port(running.port())
                    .useExistingServer(true)
                    .environment(Map.of(LocalPostgres.USER_ENV, "no_such_role"))
                    .start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("localhost:" + running.port())
                    .hasMessageContaining("no_such_role")
                    .hasMessageContaining("HUIQI_PG_USER")
                    .hasMessageContaining("HUIQI_PG_PASSWORD")
                    .hasMessageContaining("stop that server");
        }
    }

    @Test
    void aDirectoryThatIsNotAClusterIsRefused() throws Exception {
        Path notACluster = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(notACluster.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> LocalPostgres.embedded(notACluster, 0))
                .hasMessageContaining("neither empty nor a PostgreSQL data directory");
        assertThat(notACluster.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void databaseNamesAreCheckedBeforeTheyReachSql() {
        try (LocalPostgres pg = LocalPostgres.embeddedOnFreePort()) {
            assertThatThrownBy(() -> pg.ensureDatabase("x; DROP DATABASE postgres"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
