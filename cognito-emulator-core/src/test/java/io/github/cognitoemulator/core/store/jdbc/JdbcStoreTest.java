package io.github.cognitoemulator.core.store.jdbc;

import static io.github.cognitoemulator.core.store.EmulatorStoreContract.NOW;
import static io.github.cognitoemulator.core.store.EmulatorStoreContract.authSession;
import static io.github.cognitoemulator.core.store.EmulatorStoreContract.client;
import static io.github.cognitoemulator.core.store.EmulatorStoreContract.code;
import static io.github.cognitoemulator.core.store.EmulatorStoreContract.create;
import static io.github.cognitoemulator.core.store.EmulatorStoreContract.keys;
import static io.github.cognitoemulator.core.store.EmulatorStoreContract.message;
import static io.github.cognitoemulator.core.store.EmulatorStoreContract.pool;
import static io.github.cognitoemulator.core.store.EmulatorStoreContract.race;
import static io.github.cognitoemulator.core.store.EmulatorStoreContract.refresh;
import static io.github.cognitoemulator.core.store.EmulatorStoreContract.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cognitoemulator.core.code.CodePurpose;
import io.github.cognitoemulator.core.password.PasswordCredential;
import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.token.PoolKeys;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserFilter;
import io.github.cognitoemulator.core.user.UserStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to the JDBC store, on H2: state kept across restarts, and databases it refuses to open. */
class JdbcStoreTest {

    private static final String POOL = "us-east-1_Persisted";

    @Test
    void anH2FileKeepsEverythingAcrossCloseAndReopen(@TempDir Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("store").toAbsolutePath();
        StoredState written;
        try (JdbcStore store = JdbcStore.open(url, "sa", "pw")) {
            written = StoredState.write(store);
        }

        try (JdbcStore reopened = JdbcStore.open(url, "sa", "pw")) {
            written.assertReadBackFrom(reopened);
        }
    }

    @Test
    void everyFormOfPasswordCredentialIsReadBackAsWritten() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Map<String, PasswordCredential> credentials = new LinkedHashMap<>();
        // Before checks existed: the verifier alone, as rows written by earlier versions hold it.
        credentials.put("old", new PasswordCredential("0a1b", "fedcba98"));
        credentials.put("current", new PasswordCredential("0a1b", "fedcba98", "76543210", null));
        credentials.put("temporary", new PasswordCredential("0a1b", null, null, "c0ffee"));
        try (JdbcStore store = JdbcStore.open(url, "sa", "")) {
            store.pools().create(pool(POOL));
            credentials.forEach((username, credential) -> store.users()
                    .write(List.of(create(
                            user(POOL, username).withPassword(credential, UserStatus.CONFIRMED, NOW),
                            "username:" + username))));

            try (Connection connection = DriverManager.getConnection(url, "sa", "");
                    ResultSet rows = connection
                            .createStatement()
                            .executeQuery("SELECT username, password_verifier FROM cognito_users ORDER BY username")) {
                List<String> stored = new ArrayList<>();
                while (rows.next()) {
                    stored.add(rows.getString(1) + "=" + rows.getString(2));
                }
                assertThat(stored).containsExactly("current=fedcba98:76543210", "old=fedcba98", "temporary=x:c0ffee");
            }
            credentials.forEach((username, credential) -> assertThat(store.users()
                            .findByKey(POOL, "username:" + username)
                            .orElseThrow()
                            .password())
                    .isEqualTo(credential));
        }
    }

    @Test
    void anH2FileKeepsEveryCommitWhenTheProcessDiesRightAfter(@TempDir Path directory) throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("store").toAbsolutePath();
        try (JdbcStore store = JdbcStore.open(url, "sa", "pw")) {
            store.pools().create(pool(POOL));
            store.users().write(List.of(create(user(POOL, "alice"), "username:alice")));
            // H2's way of dying like a killed process: the files are closed as they are, nothing more is written.
            try (Connection connection = DriverManager.getConnection(url, "sa", "pw")) {
                connection.createStatement().execute("SHUTDOWN IMMEDIATELY");
            }
        }

        try (JdbcStore reopened = JdbcStore.open(url, "sa", "pw")) {
            assertThat(reopened.pools().find(POOL)).contains(pool(POOL));
            assertThat(reopened.users().count(POOL)).isEqualTo(1);
        }
    }

    @Test
    void storesStartingTogetherOnAnEmptyDatabaseCreateTheSchemaOnce() throws Exception {
        // One round in twenty or so lost the race when the migrations were not serialized: a few rounds.
        for (int round = 0; round < 10; round++) {
            String url = "jdbc:h2:mem:together" + round + ";DB_CLOSE_DELAY=-1";
            List<JdbcStore> stores = new ArrayList<>();
            try {
                List<Object> outcomes = race(() -> {
                    JdbcStore store = JdbcStore.open(url, "sa", "");
                    synchronized (stores) {
                        stores.add(store);
                    }
                    return "opened";
                });

                assertThat(outcomes).containsOnly("opened");
                try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
                    assertThat(count(
                                    connection,
                                    "SELECT COUNT(*) FROM \"cognito_schema_history\" WHERE \"version\" = '1'"))
                            .isEqualTo(1);
                    connection.createStatement().execute("SHUTDOWN");
                }
            } finally {
                stores.forEach(JdbcStore::close);
            }
        }
    }

    @Test
    void anUnreadableFileStopsTheStartAndIsLeftAsItWas(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("store.mv.db");
        byte[] garbage = "not an H2 database, whatever it is".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, garbage);
        String url = "jdbc:h2:file:" + directory.resolve("store").toAbsolutePath() + ";USER=sa;PASSWORD=hunter2";

        assertThatThrownBy(() -> JdbcStore.open(url, null, null))
                .isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining(
                        "jdbc:h2:file:" + directory.resolve("store").toAbsolutePath())
                .hasMessageContaining("PASSWORD=***")
                .hasMessageNotContaining("hunter2");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void aSchemaWrittenByANewerEmulatorStopsTheStartAndIsLeftAsItWas() throws Exception {
        String url = "jdbc:h2:mem:newer;DB_CLOSE_DELAY=-1";
        try (JdbcStore store = JdbcStore.open(url, "sa", "")) {
            store.pools().create(pool(POOL));
        }
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            recordNewerMigration(connection);

            assertThatThrownBy(() -> JdbcStore.open(url, "sa", ""))
                    .isInstanceOf(JdbcStoreException.class)
                    .hasMessageContaining(url)
                    .hasMessageContaining("schema version 999")
                    .hasMessageContaining("knows up to version 3");

            assertThat(count(connection, "SELECT COUNT(*) FROM cognito_pools")).isEqualTo(1);
            assertThat(count(connection, "SELECT COUNT(*) FROM \"cognito_schema_history\" WHERE \"version\" = '999'"))
                    .isEqualTo(1);
            connection.createStatement().execute("SHUTDOWN");
        }
    }

    @Test
    void aDamagedSchemaHistoryStopsTheStartAndIsLeftAsItWas() throws Exception {
        String url = "jdbc:h2:mem:damaged;DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("CREATE TABLE \"cognito_schema_history\" (nonsense INT)");
            connection.createStatement().execute("INSERT INTO \"cognito_schema_history\" VALUES (42)");

            assertThatThrownBy(() -> JdbcStore.open(url, "sa", ""))
                    .isInstanceOf(JdbcStoreException.class)
                    .hasMessageContaining(url);

            assertThat(count(connection, "SELECT nonsense FROM \"cognito_schema_history\""))
                    .isEqualTo(42);
            connection.createStatement().execute("SHUTDOWN");
        }
    }

    @Test
    void theStoreSharesADatabaseWithTheApplicationsTables() throws Exception {
        String url = "jdbc:h2:mem:shared;DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR)");
            connection.createStatement().execute("INSERT INTO users VALUES (1, 'the application''s')");

            try (JdbcStore store = JdbcStore.open(url, "sa", "")) {
                store.pools().create(pool(POOL));
                store.users().write(List.of(create(user(POOL, "alice"), "username:alice")));
                assertThat(store.users().count(POOL)).isEqualTo(1);
            }
            try (JdbcStore reopened = JdbcStore.open(url, "sa", "")) {
                assertThat(reopened.users().count(POOL)).isEqualTo(1);
            }

            assertThat(count(connection, "SELECT COUNT(*) FROM users")).isEqualTo(1);
            connection.createStatement().execute("SHUTDOWN");
        }
    }

    @Test
    void onlyH2AndPostgresqlAreKnown() {
        assertThatThrownBy(() -> JdbcStore.open("jdbc:mysql://localhost/db?password=hunter2", "root", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql://localhost/db?password=***")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void anUnnamedH2DatabaseInMemoryIsRefused() {
        assertThatThrownBy(() -> JdbcStore.open("jdbc:h2:mem:", "sa", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DB_CLOSE_DELAY=-1");
    }

    @Test
    void passwordsNeverShowInMessages() {
        assertThat(Schema.withoutPassword("jdbc:postgresql://db:5432/emulator?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/emulator?user=app&password=***&ssl=true");
        assertThat(Schema.withoutPassword("jdbc:postgresql://app:s3cret@db/emulator"))
                .isEqualTo("jdbc:postgresql://app:***@db/emulator");
        assertThat(Schema.withoutPassword("jdbc:h2:file:/tmp/db;USER=sa;PASSWORD=s3cret;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:/tmp/db;USER=sa;PASSWORD=***;MODE=PostgreSQL");
        assertThat(Schema.withoutPassword("jdbc:h2:mem:plain")).isEqualTo("jdbc:h2:mem:plain");
        assertThat(JdbcStore.Options.of("jdbc:h2:mem:x;PASSWORD=s3cret", "sa", "s3cret")
                        .toString())
                .doesNotContain("s3cret");
    }

    /** Marks the schema as migrated to version 999, as an emulator newer than this one would have. */
    static void recordNewerMigration(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO \"cognito_schema_history\" (\"installed_rank\", \"version\","
                    + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
                    + " \"success\") VALUES (999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'sa', 1,"
                    + " TRUE)");
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** One record of each kind, written to a store and expected back from another one on the same database. */
    record StoredState(User alice, PoolKeys poolKeys) {

        static StoredState write(EmulatorStore store) {
            store.pools().create(pool(POOL));
            store.clients().create(client(POOL, "client1"));
            User alice = user(POOL, "alice", "email", "alice@example.com");
            store.users().write(List.of(create(alice, "username:alice", "email:alice@example.com")));
            store.authSessions().open("session1", authSession(POOL, alice.sub(), NOW));
            store.codes().put(code(POOL, alice.sub(), CodePurpose.SIGN_UP, "123456"));
            store.refreshSessions().save(refresh("r1", POOL, alice.sub()));
            store.refreshSessions().save(refresh("r2", POOL, alice.sub()));
            store.refreshSessions().revoke("origin-r2");
            PoolKeys keys = store.signingKeys().keysFor(POOL, () -> keys(POOL, 0));
            store.messages().add(message("m1", POOL, "alice", NOW));
            store.messages().add(message("m2", POOL, "alice", NOW.plusSeconds(1)));
            store.secrets().secret("srp", () -> "kept".getBytes(StandardCharsets.UTF_8));
            return new StoredState(alice, keys);
        }

        void assertReadBackFrom(EmulatorStore store) {
            assertThat(store.pools().find(POOL)).contains(pool(POOL));
            assertThat(store.clients().find("client1")).contains(client(POOL, "client1"));
            assertThat(store.users().find(POOL, this.alice.sub())).contains(this.alice);
            assertThat(store.users().findByKey(POOL, "email:alice@example.com")).contains(this.alice);
            assertThat(store.users().list(POOL, new UserFilter("email", true, "alice@"), null, 10))
                    .containsExactly(this.alice);
            assertThat(store.authSessions().find("session1")).contains(authSession(POOL, this.alice.sub(), NOW));
            assertThat(store.codes().find(POOL, this.alice.sub(), CodePurpose.SIGN_UP))
                    .contains(code(POOL, this.alice.sub(), CodePurpose.SIGN_UP, "123456"));
            assertThat(store.refreshSessions().findByTokenDigest("digest-r1"))
                    .contains(refresh("r1", POOL, this.alice.sub()));
            assertThat(store.refreshSessions().isRevoked("origin-r2")).isTrue();
            PoolKeys stored = store.signingKeys().find(POOL).orElseThrow();
            assertThat(stored).isEqualTo(this.poolKeys);
            assertThat(stored.idToken().isPrivate()).isTrue();
            assertThat(store.signingKeys().keysFor(POOL, () -> keys(POOL, 2))).isEqualTo(this.poolKeys);
            assertThat(store.messages().list(POOL, null))
                    .containsExactly(
                            message("m2", POOL, "alice", NOW.plusSeconds(1)), message("m1", POOL, "alice", NOW));
            assertThat(store.secrets().secret("srp", () -> "other".getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo("kept".getBytes(StandardCharsets.UTF_8));
        }
    }
}
