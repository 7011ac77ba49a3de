package io.github.cognitoemulator.core.store.jdbc;

import static io.github.cognitoemulator.core.store.EmulatorStoreContract.create;
import static io.github.cognitoemulator.core.store.EmulatorStoreContract.pool;
import static io.github.cognitoemulator.core.store.EmulatorStoreContract.race;
import static io.github.cognitoemulator.core.store.EmulatorStoreContract.refresh;
import static io.github.cognitoemulator.core.store.EmulatorStoreContract.user;
import static io.github.cognitoemulator.core.store.jdbc.JdbcStoreTest.count;
import static io.github.cognitoemulator.core.store.jdbc.JdbcStoreTest.recordNewerMigration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.abort;

import io.github.cognitoemulator.core.store.jdbc.JdbcStoreTest.StoredState;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserFilter;
import io.github.cognitoemulator.core.user.UserWriteConflict;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What is particular to the JDBC store on PostgreSQL: several emulator instances sharing one database. */
@Timeout(120)
class PostgresJdbcStoreTest {

    private static final String POOL = "us-east-1_Shared";

    @Test
    void aSecondStoreOnTheSameDatabaseSeesTheFirstsWrites() {
        PostgresTestServer.Database database = PostgresTestServer.newDatabase();
        try (JdbcStore first = open(database);
                JdbcStore second = open(database)) {
            StoredState written = StoredState.write(first);

            written.assertReadBackFrom(second);

            String pool = written.alice().userPoolId();
            second.refreshSessions().revokeUser(pool, written.alice().sub());
            assertThat(first.refreshSessions().isRevoked("origin-r1")).isTrue();
            assertThat(second.deletePool(pool)).isTrue();
            assertThat(first.pools().find(pool)).isEmpty();
            assertThat(first.signingKeys().find(pool)).isEmpty();
        }
    }

    @Test
    void storesSharingADatabaseCreateAUsernameOnce() throws Exception {
        PostgresTestServer.Database database = PostgresTestServer.newDatabase();
        try (JdbcStore first = open(database);
                JdbcStore second = open(database)) {
            first.pools().create(pool(POOL));
            AtomicInteger thread = new AtomicInteger();

            List<Object> outcomes = race(() -> {
                int n = thread.incrementAndGet();
                JdbcStore store = (n % 2 == 0) ? first : second;
                store.users().write(List.of(create(user(POOL, "racer-" + n), "username:racer")));
                return "created";
            });

            assertThat(outcomes).containsOnlyOnce("created");
            assertThat(outcomes).filteredOn(UserWriteConflict.class::isInstance).hasSize(outcomes.size() - 1);
            assertThat(second.users().count(POOL)).isEqualTo(1);
        }
    }

    @Test
    void storesStartingTogetherOnAnEmptyDatabaseCreateTheSchemaOnce() throws Exception {
        // About one round in ten lost the race when the migrations were not serialized: a few rounds.
        for (int round = 0; round < 5; round++) {
            PostgresTestServer.Database database = PostgresTestServer.newDatabase();
            List<JdbcStore> stores = new ArrayList<>();
            try {
                List<Object> outcomes = race(() -> {
                    JdbcStore store = open(database);
                    synchronized (stores) {
                        stores.add(store);
                    }
                    return "opened";
                });

                assertThat(outcomes).containsOnly("opened");
                try (Connection connection = database.open()) {
                    assertThat(count(connection, "SELECT COUNT(*) FROM cognito_schema_history WHERE version = '1'"))
                            .isEqualTo(1);
                }
                stores.get(0).pools().create(pool(POOL));
                assertThat(stores.get(stores.size() - 1).pools().find(POOL)).isPresent();
            } finally {
                stores.forEach(JdbcStore::close);
            }
        }
    }

    @Test
    void aSchemaWrittenByANewerEmulatorStopsTheStartAndIsLeftAsItWas() throws Exception {
        PostgresTestServer.Database database = PostgresTestServer.newDatabase();
        try (JdbcStore store = open(database)) {
            store.pools().create(pool(POOL));
        }
        try (Connection connection = database.open()) {
            recordNewerMigration(connection);

            assertThatThrownBy(() -> open(database))
                    .isInstanceOf(JdbcStoreException.class)
                    .hasMessageContaining(database.url())
                    .hasMessageContaining("schema version 999");

            assertThat(count(connection, "SELECT COUNT(*) FROM cognito_pools")).isEqualTo(1);
            assertThat(count(connection, "SELECT COUNT(*) FROM cognito_schema_history WHERE version = '999'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aDamagedSchemaHistoryStopsTheStartAndIsLeftAsItWas() throws Exception {
        PostgresTestServer.Database database = PostgresTestServer.newDatabase();
        try (Connection connection = database.open()) {
            connection.createStatement().execute("CREATE TABLE cognito_schema_history (nonsense INT)");
            connection.createStatement().execute("INSERT INTO cognito_schema_history VALUES (42)");

            assertThatThrownBy(() -> open(database))
                    .isInstanceOf(JdbcStoreException.class)
                    .hasMessageContaining(database.url());

            assertThat(count(connection, "SELECT nonsense FROM cognito_schema_history"))
                    .isEqualTo(42);
        }
    }

    @Test
    void usernamesAndSearchValuesAreOrderedByCodePointWhateverTheDatabasesCollation() throws Exception {
        PostgresTestServer.Database maintenance = PostgresTestServer.maintenanceDatabase();
        String name = "collated_" + Long.toHexString(System.nanoTime());
        try (Connection connection = maintenance.open();
                Statement statement = connection.createStatement()) {
            try {
                statement.execute("CREATE DATABASE " + name
                        + " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'");
            } catch (SQLException ex) {
                abort("The server has no ICU collation to test with: " + ex.getMessage());
            }
        }
        PostgresTestServer.Database database = new PostgresTestServer.Database(
                name,
                maintenance.url().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"),
                maintenance.username(),
                maintenance.password());
        try (JdbcStore store = open(database)) {
            store.pools().create(pool(POOL));
            List<String> usernames = List.of("bob", "Alice", "alice", "_x", "Zed", "émile");
            for (String username : usernames) {
                User user = user(POOL, username, "name", username);
                store.users().write(List.of(create(user, "username:" + username)));
            }
            List<String> sorted = usernames.stream().sorted().toList();

            assertThat(store.users().list(POOL, null, null, 10))
                    .extracting(User::username)
                    .isEqualTo(sorted);
            assertThat(store.users().list(POOL, null, "Zed", 10))
                    .extracting(User::username)
                    .isEqualTo(sorted.subList(sorted.indexOf("Zed"), sorted.size()));
            assertThat(store.users().list(POOL, new UserFilter("name", true, "A"), null, 10))
                    .extracting(User::username)
                    .containsExactly("Alice");
        } finally {
            try (Connection connection = maintenance.open();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    @Test
    void refreshSessionsSurviveAcrossStores() {
        PostgresTestServer.Database database = PostgresTestServer.newDatabase();
        try (JdbcStore first = open(database)) {
            first.refreshSessions().save(refresh("kept", POOL, "sub"));
        }
        try (JdbcStore second = open(database)) {
            assertThat(second.refreshSessions().findByTokenDigest("digest-kept"))
                    .contains(refresh("kept", POOL, "sub"));
        }
    }

    private static JdbcStore open(PostgresTestServer.Database database) {
        return JdbcStore.open(database.url(), database.username(), database.password());
    }
}
