package cn.huiqi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import cn.huiqi.infra.FreePorts;

class ServiceProcessTest {

    @TempDir
    Path tmp;

    @Test
    void aChildIsStoppedWithSigterm() {
        ServiceProcess sleeper = ServiceProcess.start("sleeper", List.of("sleep", "600"), tmp, tmp.resolve("s.log"));
        assertThat(sleeper.isAlive()).isTrue();

        long started = System.nanoTime();
        ServiceProcess.stopAll(List.of(sleeper), Duration.ofSeconds(10));

        assertThat(sleeper.isAlive()).isFalse();
        assertThat(sleeper.handle().isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aChildIgnoringSigtermIsKilledAfterTheGracePeriod() throws InterruptedException {
        ServiceProcess stubborn = ServiceProcess.start("stubborn",
                List.of("sh", "-c", "trap '' TERM; echo trapped-$((1 + 1)); exec sleep 600"), tmp,
                tmp.resolve("t.log"));
        awaitLine(tmp.resolve("t.log"), "trapped-2");

        long started = System.nanoTime();
        ServiceProcess.stopAll(List.of(stubborn), Duration.ofSeconds(1));

        assertThat(stubborn.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void grandchildrenAreStoppedToo() throws InterruptedException {
        ServiceProcess parent = ServiceProcess.start("parent",
                List.of("sh", "-c", "sleep 600 & echo started-$((1 + 1)); wait"),
                tmp, tmp.resolve("p.log"));
        awaitLine(tmp.resolve("p.log"), "started-2");
        List<ProcessHandle> children = parent.handle().descendants().toList();
        assertThat(children).isNotEmpty();

        ServiceProcess.stopAll(List.of(parent), Duration.ofSeconds(2));

        assertThat(parent.isAlive()).isFalse();
        for (ProcessHandle child : children) {
            child.onExit().join();
            assertThat(child.isAlive()).isFalse();
        }
    }

    @Test
    void readyOnceTheUrlAnswers200() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/q/health/ready", exchange -> {
            byte[] body = (calls.incrementAndGet() < 3 ? "{\"status\":\"DOWN\"}" : "{\"status\":\"UP\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(calls.get() < 3 ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        ServiceProcess sleeper = ServiceProcess.start("sleeper", List.of("sleep", "600"), tmp, tmp.resolve("r.log"));
        try {
            sleeper.awaitReady(URI.create("http://localhost:" + server.getAddress().getPort() + "/q/health/ready"),
                    Duration.ofSeconds(20));
            assertThat(calls.get()).isEqualTo(3);
        } finally {
            ServiceProcess.stopAll(List.of(sleeper), Duration.ofSeconds(5));
            server.stop(0);
        }
    }

    @Test
    void aChildThatDiesIsReportedWithItsExitCodeAndLog() {
        ServiceProcess dying = ServiceProcess.start("dying",
                List.of("sh", "-c", "echo 'Port 8083 seems to be in use' >&2; exit 3"), tmp, tmp.resolve("d.log"));

        assertThatThrownBy(
                () -> dying.awaitReady(URI.create("http://localhost:" + FreePorts.find() + "/q/health/ready"),
                        Duration.ofSeconds(20)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dying exited with code 3")
                .hasMessageContaining("Port 8083 seems to be in use")
                .hasMessageContaining(tmp.resolve("d.log").toString());
    }

    @Test
    void aChildThatIsNeverReadyTimesOut() {
        ServiceProcess sleeper = ServiceProcess.start("sleeper", List.of("sh", "-c", "echo booting; exec sleep 600"),
                tmp, tmp.resolve("n.log"));
        try {
            assertThatThrownBy(() -> sleeper.awaitReady(
                    URI.create("http://localhost:" + FreePorts.find() + "/q/health/ready"), Duration.ofSeconds(2)))
                    .hasMessageContaining("sleeper was not ready within 2 s")
                    .hasMessageContaining("booting");
        } finally {
            ServiceProcess.stopAll(List.of(sleeper), Duration.ofSeconds(5));
        }
    }

    @Test
    void passwordsAreMaskedInTheLogHeader() {
        assertThat(ServiceProcess.masked(List.of("java", "-Dquarkus.datasource.password=s3cret", "-Dx=y", "-jar", "a")))
                .isEqualTo("java -Dquarkus.datasource.password=**** -Dx=y -jar a");
    }

    /** Waits for a line of output; the marker is computed by the shell so the logged command line cannot match. */
    private static void awaitLine(Path log, String line) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (cn.huiqi.infra.Dirs.tail(log, 10).contains(line)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(line + " not in " + log);
    }
}
