package io.github.cognitoemulator.core.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.pattern.ValidatePattern;

/**
 * The store's tables, created or brought up to date by Flyway when a store opens. A database is never cleaned:
 * when it cannot be read, or was written by a newer emulator whose schema this one does not know, opening fails and
 * leaves it as it was.
 */
final class Schema {

    /** Where the migrations are, on the class path. */
    static final String LOCATIONS = "classpath:db/cognito-emulator/migration";

    /** Flyway's history of the store's schema, under a name of its own so that it never meets the application's. */
    static final String HISTORY_TABLE = "cognito_schema_history";

    /** {@code password=...} in a URL's parameters, in either the {@code ?a=b&c=d} or the {@code ;a=b} style. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]\\s*(?:password|pwd)\\s*=)[^&;]*");

    /** {@code user:password@host}. */
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/:@?;]*:)[^/@?;]*@");

    /** The key of PostgreSQL's advisory lock that migrations take: "cognito" in ASCII, apart from Flyway's own keys. */
    static final long MIGRATION_LOCK = 0x636f676e69746fL;

    /** What H2 migrations in this JVM hold. */
    private static final Object H2_MIGRATIONS = new Object();

    private Schema() {}

    /** The databases the store knows. */
    enum Vendor {
        H2("jdbc:h2:", ""),
        POSTGRESQL("jdbc:postgresql:", "COLLATE \"C\"");

        private final String urlPrefix;

        /** What the migrations put after the type of a column that results are ordered by. */
        private final String orderedCollation;

        Vendor(String urlPrefix, String orderedCollation) {
            this.urlPrefix = urlPrefix;
            this.orderedCollation = orderedCollation;
        }

        static Vendor of(String url) {
            return Arrays.stream(values())
                    .filter((vendor) -> url.regionMatches(true, 0, vendor.urlPrefix, 0, vendor.urlPrefix.length()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "The JDBC store runs on H2 or PostgreSQL, not on " + withoutPassword(url)));
        }
    }

    /** The URL with any password in it masked, for messages. */
    static String withoutPassword(String url) {
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO_PASSWORD.matcher(masked).replaceAll("$1***@");
    }

    /** Opens a connection of its own, outside the pool. */
    @FunctionalInterface
    interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    /**
     * Creates the schema, or migrates it to the newest version this emulator knows, one store at a time per database.
     *
     * <p>Flyway decides between creating the schema and baselining a database that holds other tables before it takes
     * its own lock: a store opening while another one is creating the schema could find the history table just
     * created, still empty, and fail ("Unable to baseline schema history table ... as it already exists, and is
     * empty"), so instances started together on an empty database did not all start. The whole migration therefore
     * runs under a lock: on PostgreSQL a session advisory lock, which is scoped to the database, held on a connection
     * of its own (the pool may have a single one, which Flyway needs); on H2, whose embedded databases live in one
     * JVM, a lock of the JVM.
     *
     * @param lockConnection opens the connection that holds PostgreSQL's lock
     */
    static void migrate(DataSource dataSource, Vendor vendor, String url, ConnectionOpener lockConnection) {
        if (vendor == Vendor.H2) {
            synchronized (H2_MIGRATIONS) {
                runMigrations(dataSource, vendor, url);
            }
            return;
        }
        try (Connection connection = lockConnection.open()) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, MIGRATION_LOCK);
                lock.execute();
            }
            // Closing the connection releases the lock, whatever happened.
            runMigrations(dataSource, vendor, url);
        } catch (SQLException ex) {
            throw new JdbcStoreException("Cannot use the store at " + url + ": " + ex.getMessage(), ex);
        }
    }

    private static void runMigrations(DataSource dataSource, Vendor vendor, String url) {
        Flyway flyway = Flyway.configure(Schema.class.getClassLoader())
                .dataSource(dataSource)
                // Logs where the rest of the emulator does, rather than wherever Flyway finds a logger.
                .loggers("slf4j")
                .locations(LOCATIONS)
                .table(HISTORY_TABLE)
                .placeholders(Map.of("ordered", vendor.orderedCollation))
                // The store may share a database that holds the application's tables: its own start at version 1.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                // Nothing here ever drops the emulator's state.
                .cleanDisabled(true)
                // A migration this emulator does not know was applied by a newer one: fail rather than carry on.
                .ignoreMigrationPatterns(new ValidatePattern[0])
                .validateOnMigrate(true)
                .load();
        refuseNewerSchema(flyway.info(), url);
        flyway.migrate();
    }

    private static void refuseNewerSchema(MigrationInfoService info, String url) {
        List<MigrationInfo> unknown = Arrays.stream(info.applied())
                .filter((migration) -> migration.getState() == MigrationState.FUTURE_SUCCESS
                        || migration.getState() == MigrationState.FUTURE_FAILED)
                .toList();
        if (unknown.isEmpty()) {
            return;
        }
        MigrationVersion stored = unknown.stream()
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        MigrationVersion known = Arrays.stream(info.all())
                .filter((migration) -> migration.getState().isResolved())
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .orElse(MigrationVersion.EMPTY);
        throw new JdbcStoreException("The store at " + url + " has schema version " + stored
                + ", written by a newer cognito-emulator; this one knows up to version " + known
                + ". Nothing was changed: use the newer emulator, or another database.");
    }
}
