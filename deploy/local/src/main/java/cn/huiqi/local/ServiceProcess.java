package cn.huiqi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.huiqi.infra.Dirs;

/** A child process whose output goes to a log file, with a readiness wait and a TERM-then-KILL stop. */
final class ServiceProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceProcess.class);
    private static final int TAIL_LINES = 40;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path logFile;
    private List<ProcessHandle> descendants = List.of();

    private ServiceProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts {@code command} in {@code workingDirectory}; stdout and stderr replace the previous log file. */
    static ServiceProcess start(String name, List<String> command, Path workingDirectory, Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.writeString(logFile, "# " + OffsetDateTime.now() + " " + name + ": " + masked(command) + "\n",
                    StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(logFile.toFile()))
                    .redirectInput(Redirect.PIPE)
                    .start();
            process.getOutputStream().close();
            LOG.info("Started {} (pid {}), log: {}", name, process.pid(), logFile);
            return new ServiceProcess(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + " (" + masked(command) + ")", e);
        }
    }

    /** Passwords do not belong in log files. */
    static String masked(List<String> command) {
        return command.stream()
                .map(arg -> arg.matches("-D[^=]*password=.*") ? arg.substring(0, arg.indexOf('=') + 1) + "****" : arg)
                .collect(Collectors.joining(" "));
    }

    /**
     * Waits until {@code readyUrl} answers 200.
     *
     * @throws IllegalStateException if the process exits first or the timeout passes, with the tail of its log
     */
    void awaitReady(URI readyUrl, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "no answer yet";
        HttpRequest request = HttpRequest.newBuilder(readyUrl).timeout(Duration.ofSeconds(5)).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was ready. Last lines of " + logFile + ":\n" + Dirs.tail(logFile, TAIL_LINES));
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                lastAnswer = "HTTP " + response.statusCode() + " " + abbreviate(response.body());
            } catch (IOException e) {
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s (last "
                        + "answer of " + readyUrl + ": " + lastAnswer + "). Last lines of " + logFile + ":\n"
                        + Dirs.tail(logFile, TAIL_LINES));
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }

    /** Asks the process (and anything it started) to stop: SIGTERM, which Quarkus handles as a graceful shutdown. */
    void requestStop() {
        if (process.isAlive()) {
            descendants = process.descendants().collect(Collectors.toList());
            process.destroy();
        }
    }

    /** Waits for the process to end after {@link #requestStop()}; kills it (and its descendants) after the grace. */
    void awaitStop(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} (pid {}) did not stop within {} s; killing it", name, process.pid(), grace.toSeconds());
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    /** Stops all of them at once: SIGTERM to every process, then waits for each. */
    static void stopAll(Collection<ServiceProcess> processes, Duration grace) {
        processes.forEach(ServiceProcess::requestStop);
        processes.forEach(p -> p.awaitStop(grace));
    }

    boolean isAlive() { return process.isAlive(); }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }
}
