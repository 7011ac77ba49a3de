package io.github.cognitoemulator.core.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.cognitoemulator.core.auth.AuthSessionStore;
import io.github.cognitoemulator.core.client.ClientStore;
import io.github.cognitoemulator.core.code.CodeStore;
import io.github.cognitoemulator.core.message.MessageStore;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.store.SecretStore;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import io.github.cognitoemulator.core.token.RefreshSessionStore;
import io.github.cognitoemulator.core.token.SigningKeyStore;
import io.github.cognitoemulator.core.user.UserStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Keeps all state in a database, H2 or PostgreSQL, through a pool of connections: the state survives restarts, and
 * emulator instances that open the same PostgreSQL database share it, pools, users, keys and sign-ins alike.
 *
 * <p>Opening a store creates its tables, or migrates them to this version's schema; the tables are prefixed with
 * {@code cognito_} so that they can live beside the application's. A database is never cleaned: when it cannot be
 * read, or was written by a newer emulator, {@link #open(Options)} fails and changes nothing.
 *
 * <p>The application brings the JDBC driver ({@code com.h2database:h2} or {@code org.postgresql:postgresql}). An
 * H2 database in memory must be named and kept open between connections, for example {@code
 * jdbc:h2:mem:emulator;DB_CLOSE_DELAY=-1}; an H2 file, {@code jdbc:h2:file:/path/to/db}, is for one JVM at a time.
 * On H2 the store sets the database's {@code WRITE_DELAY} to 0, so that every write it acknowledges is in the file
 * and survives the process being killed.
 */
public final class JdbcStore implements EmulatorStore {

    /** How many messages are kept when no capacity is given. */
    public static final int DEFAULT_MESSAGE_CAPACITY = InMemoryStore.DEFAULT_MESSAGE_CAPACITY;

    /** How many connections the pool opens at most when no size is given. */
    public static final int DEFAULT_MAXIMUM_POOL_SIZE = 10;

    private final HikariDataSource dataSource;

    private final Database database;

    private final JdbcPoolStore pools;

    private final JdbcClientStore clients;

    private final JdbcUserStore users;

    private final JdbcAuthSessionStore authSessions;

    private final JdbcCodeStore codes;

    private final JdbcRefreshSessionStore refreshSessions;

    private final JdbcSigningKeyStore signingKeys;

    private final JdbcMessageStore messages;

    private final JdbcSecretStore secrets;

    private final JdbcResourceStore resources;

    private JdbcStore(HikariDataSource dataSource, Database database, int messageCapacity) {
        this.dataSource = dataSource;
        this.database = database;
        this.pools = new JdbcPoolStore(database);
        this.clients = new JdbcClientStore(database);
        this.users = new JdbcUserStore(database);
        this.authSessions = new JdbcAuthSessionStore(database);
        this.codes = new JdbcCodeStore(database);
        this.refreshSessions = new JdbcRefreshSessionStore(database);
        this.signingKeys = new JdbcSigningKeyStore(database);
        this.messages = new JdbcMessageStore(database, messageCapacity);
        this.secrets = new JdbcSecretStore(database);
        this.resources = new JdbcResourceStore(database);
    }

    /**
     * Opens the store in a database with the default options.
     *
     * @param url the JDBC URL, {@code jdbc:h2:...} or {@code jdbc:postgresql:...}
     * @param username the database user, or {@code null} when the URL says it or none is needed
     * @param password the user's password, or {@code null}
     * @throws JdbcStoreException when the database cannot be reached or read, or holds a newer schema
     */
    public static JdbcStore open(String url, @Nullable String username, @Nullable String password) {
        return open(Options.of(url, username, password));
    }

    /**
     * Opens the store in a database, creating or migrating its tables.
     *
     * @throws JdbcStoreException when the database cannot be reached or read, or holds a newer schema
     */
    public static JdbcStore open(Options options) {
        String url = Schema.withoutPassword(options.url());
        Schema.Vendor vendor = Schema.Vendor.of(options.url());
        requireDriver(options.url(), url);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(hikari(options));
        } catch (RuntimeException ex) {
            throw new JdbcStoreException("Cannot open the store at " + url + ": " + ex.getMessage(), ex);
        }
        try {
            Schema.migrate(
                    dataSource, vendor, url, () -> DriverManager.getConnection(options.url(), credentials(options)));
            if (vendor == Schema.Vendor.H2) {
                writeEveryCommitToTheFile(dataSource, url);
            }
        } catch (JdbcStoreException ex) {
            dataSource.close();
            throw ex;
        } catch (RuntimeException ex) {
            dataSource.close();
            throw new JdbcStoreException("Cannot use the store at " + url + ": " + ex.getMessage(), ex);
        }
        return new JdbcStore(dataSource, new Database(dataSource, url), options.messageCapacity());
    }

    /**
     * Makes H2 write each commit to its file before the commit returns. By default H2 keeps committed transactions in
     * memory for up to its write delay (500 ms) and writes them in the background, so a process killed in that window
     * loses writes the emulator had already acknowledged; with a delay of 0 nothing is acknowledged before it is in
     * the file. {@code WRITE_DELAY} is a setting of the database, kept in it; setting it takes admin rights, which the
     * user who created the database has.
     */
    private static void writeEveryCommitToTheFile(HikariDataSource dataSource, String url) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
            connection.commit();
        } catch (SQLException ex) {
            throw new JdbcStoreException(
                    "Cannot make the H2 database at " + url + " write each commit to its file (SET WRITE_DELAY 0,"
                            + " which takes admin rights): " + ex.getMessage(),
                    ex);
        }
    }

    /** The user and password of the options, for a connection opened outside the pool. */
    private static Properties credentials(Options options) {
        Properties credentials = new Properties();
        if (options.username() != null) {
            credentials.setProperty("user", options.username());
        }
        if (options.password() != null) {
            credentials.setProperty("password", options.password());
        }
        return credentials;
    }

    /** Fails with a message of the store's own, rather than the pool's, which would quote the URL with its password. */
    private static void requireDriver(String url, String safeUrl) {
        try {
            DriverManager.getDriver(url);
        } catch (SQLException ex) {
            throw new JdbcStoreException("No JDBC driver for " + safeUrl
                    + " on the class path: add com.h2database:h2 or org.postgresql:postgresql");
        }
    }

    private static HikariConfig hikari(Options options) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("cognito-emulator");
        config.setJdbcUrl(options.url());
        config.setUsername(options.username());
        config.setPassword(options.password());
        config.setMaximumPoolSize(options.maximumPoolSize());
        config.setMinimumIdle(1);
        // Every operation is a transaction the store commits; READ COMMITTED with row locks where a read decides a
        // write, as in PostgreSQL's default (H2's too).
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return config;
    }

    @Override
    public PoolStore pools() {
        return this.pools;
    }

    @Override
    public ClientStore clients() {
        return this.clients;
    }

    @Override
    public UserStore users() {
        return this.users;
    }

    @Override
    public AuthSessionStore authSessions() {
        return this.authSessions;
    }

    @Override
    public CodeStore codes() {
        return this.codes;
    }

    @Override
    public RefreshSessionStore refreshSessions() {
        return this.refreshSessions;
    }

    @Override
    public SigningKeyStore signingKeys() {
        return this.signingKeys;
    }

    @Override
    public MessageStore messages() {
        return this.messages;
    }

    @Override
    public SecretStore secrets() {
        return this.secrets;
    }

    @Override
    public ResourceStore resources() {
        return this.resources;
    }

    /**
     * Deletes the pool in one transaction: its row first, which takes its clients and users (with their keys and
     * search rows) along by foreign key and turns away a user or client being added concurrently, then the records
     * that name the pool without a foreign key.
     */
    @Override
    public boolean deletePool(String userPoolId) {
        return this.database.transaction((connection) -> {
            if (Sql.update(connection, "DELETE FROM cognito_pools WHERE id = ?", userPoolId) == 0) {
                return false;
            }
            for (String table : List.of(
                    "cognito_auth_sessions",
                    "cognito_codes",
                    "cognito_refresh_sessions",
                    "cognito_signing_keys",
                    "cognito_messages")) {
                Sql.update(connection, "DELETE FROM " + table + " WHERE pool_id = ?", userPoolId);
            }
            return true;
        });
    }

    /**
     * Empties every table but the secrets in one transaction: the pools first, which takes their clients, users and
     * resources along by foreign key, then the account's own resources and the records that name a pool without a
     * foreign key.
     */
    @Override
    public void clear() {
        this.database.transaction((connection) -> {
            int deleted = 0;
            for (String table : List.of(
                    "cognito_pools",
                    "cognito_resources",
                    "cognito_auth_sessions",
                    "cognito_codes",
                    "cognito_refresh_sessions",
                    "cognito_signing_keys",
                    "cognito_messages")) {
                deleted += Sql.update(connection, "DELETE FROM " + table);
            }
            return deleted;
        });
    }

    @Override
    public int sweepExpired(Instant now) {
        long bound = Sql.nanosBound(now);
        return this.database.transaction((connection) -> Sql.update(
                        connection, "DELETE FROM cognito_auth_sessions WHERE expires_at <= ?", bound)
                + Sql.update(connection, "DELETE FROM cognito_codes WHERE expires_at <= ?", bound)
                + Sql.update(connection, "DELETE FROM cognito_refresh_sessions WHERE retain_until <= ?", bound));
    }

    /** Closes the pool's connections; the store is unusable afterwards. */
    @Override
    public void close() {
        this.dataSource.close();
    }

    /**
     * How to open a {@link JdbcStore}.
     *
     * @param url the JDBC URL, {@code jdbc:h2:...} or {@code jdbc:postgresql:...}
     * @param username the database user, or {@code null}
     * @param password the user's password, or {@code null}
     * @param messageCapacity how many messages to keep before dropping the oldest, across all pools
     * @param maximumPoolSize how many connections to open at most
     */
    public record Options(
            String url,
            @Nullable String username,
            @Nullable String password,
            int messageCapacity,
            int maximumPoolSize) {

        public Options {
            Objects.requireNonNull(url, "'url' must not be null");
            if (url.matches("(?i)jdbc:h2:mem:(;.*)?")) {
                throw new IllegalArgumentException(
                        "An unnamed H2 database in memory lives in one connection: name it, as in"
                                + " jdbc:h2:mem:emulator;DB_CLOSE_DELAY=-1");
            }
            if (messageCapacity < 1) {
                throw new IllegalArgumentException("'messageCapacity' must be positive");
            }
            if (maximumPoolSize < 1) {
                throw new IllegalArgumentException("'maximumPoolSize' must be positive");
            }
        }

        /** The default options for a database. */
        public static Options of(String url, @Nullable String username, @Nullable String password) {
            return new Options(url, username, password, DEFAULT_MESSAGE_CAPACITY, DEFAULT_MAXIMUM_POOL_SIZE);
        }

        /** These options with another message capacity. */
        public Options withMessageCapacity(int messageCapacity) {
            return new Options(this.url, this.username, this.password, messageCapacity, this.maximumPoolSize);
        }

        /** These options with another largest number of connections. */
        public Options withMaximumPoolSize(int maximumPoolSize) {
            return new Options(this.url, this.username, this.password, this.messageCapacity, maximumPoolSize);
        }

        /** A description without the password, so that it never reaches a log. */
        @Override
        public String toString() {
            return "Options[url=" + Schema.withoutPassword(this.url) + ", username=" + this.username
                    + ", messageCapacity=" + this.messageCapacity + ", maximumPoolSize=" + this.maximumPoolSize
                    + "]";
        }
    }
}
