package io.github.cognitoemulator.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.SignInFixture.Tokens;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Emulators on a JDBC store, driven through their actions: what one emulator created, another one on the same
 * database, or the same one restarted, serves as if it had created it.
 */
class JdbcStoreEmulatorTest {

    @Test
    void anEmulatorRestartedOnAnH2FileCarriesOn(@TempDir Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("emulator").toAbsolutePath();
        Session session;
        try (JdbcStore store = JdbcStore.open(url, "sa", "")) {
            session = Session.start(SignInFixture.create(store));
        }

        try (JdbcStore store = JdbcStore.open(url, "sa", "")) {
            session.continueOn(SignInFixture.create(store));
        }
    }

    @Test
    void emulatorsSharingAPostgresqlDatabaseServeEachOthersUsers() {
        PostgresTestServer.Database database = PostgresTestServer.newDatabase();
        try (JdbcStore first = JdbcStore.open(database.url(), database.username(), database.password());
                JdbcStore second = JdbcStore.open(database.url(), database.username(), database.password())) {
            Session session = Session.start(SignInFixture.create(first));

            session.continueOn(SignInFixture.create(second));
        }
    }

    /** A pool with a client and a signed-in user, as the first emulator described them. */
    private record Session(
            String poolId, AppClient client, Tokens tokens, String describedPool, String describedClient, String jwks) {

        static Session start(SignInFixture emulator) {
            String poolId = emulator.createPool(Map.of(
                    "PoolName",
                    "persisted",
                    "Policies",
                    Map.of("PasswordPolicy", Map.of("MinimumLength", 9, "RequireSymbols", false)),
                    "Schema",
                    List.of(Map.of(
                            "Name",
                            "tier",
                            "AttributeDataType",
                            "Number",
                            "NumberAttributeConstraints",
                            Map.of("MinValue", "1", "MaxValue", "9"))),
                    "AutoVerifiedAttributes",
                    List.of("email"),
                    "UsernameConfiguration",
                    Map.of("CaseSensitive", false),
                    "UserPoolTags",
                    Map.of("team", "identity"),
                    "AdminCreateUserConfig",
                    Map.of("AllowAdminCreateUserOnly", true, "UnusedAccountValidityDays", 3)));
            AppClient client = emulator.createPasswordClient(
                    poolId,
                    Map.of(
                            "AccessTokenValidity",
                            30,
                            "TokenValidityUnits",
                            Map.of("AccessToken", "minutes"),
                            "ReadAttributes",
                            List.of("email", "custom:tier")));
            emulator.createConfirmedUser(
                    poolId, "Alice", SignInFixture.PASSWORD, "email", "alice@example.com", "custom:tier", "3");
            Tokens tokens = SignInFixture.tokens(emulator.signIn(client.id(), "alice", SignInFixture.PASSWORD));
            return new Session(
                    poolId,
                    client,
                    tokens,
                    describePool(emulator, poolId),
                    describeClient(emulator, poolId, client.id()),
                    emulator.emulator().jwks(poolId).orElseThrow());
        }

        void continueOn(SignInFixture emulator) {
            assertThat(describePool(emulator, this.poolId)).isEqualTo(this.describedPool);
            assertThat(describeClient(emulator, this.poolId, this.client.id())).isEqualTo(this.describedClient);
            assertThat(emulator.emulator().jwks(this.poolId)).contains(this.jwks);
            assertThat(emulator.getUser(this.tokens.accessToken())
                            .requireSuccess()
                            .attributes("UserAttributes"))
                    .containsEntry("email", "alice@example.com")
                    .containsEntry("custom:tier", "3");
            assertThat(emulator.statusOf(this.poolId, "ALICE")).isEqualTo("CONFIRMED");
            assertThat(emulator.call("ListUsers", Map.of("UserPoolId", this.poolId, "Filter", "email ^= \"alice@\""))
                            .requireSuccess()
                            .list("Users"))
                    .hasSize(1);

            Tokens refreshed = SignInFixture.tokens(emulator.refresh(this.client.id(), this.tokens.refreshToken()));
            SignInFixture.tokens(emulator.signIn(this.client.id(), "alice", SignInFixture.PASSWORD));
            emulator.call("GlobalSignOut", Map.of("AccessToken", refreshed.accessToken()))
                    .requireSuccess();
            assertThat(emulator.refresh(this.client.id(), this.tokens.refreshToken())
                            .status())
                    .isEqualTo(400);
            assertThat(emulator.getUser(this.tokens.accessToken()).status()).isEqualTo(400);

            emulator.call("DeleteUserPool", Map.of("UserPoolId", this.poolId)).requireSuccess();
            assertThat(emulator.call("DescribeUserPool", Map.of("UserPoolId", this.poolId))
                            .status())
                    .isEqualTo(400);
        }

        private static String describePool(SignInFixture emulator, String poolId) {
            return emulator.call("DescribeUserPool", Map.of("UserPoolId", poolId))
                    .requireSuccess()
                    .body();
        }

        private static String describeClient(SignInFixture emulator, String poolId, String clientId) {
            return emulator.call("DescribeUserPoolClient", Map.of("UserPoolId", poolId, "ClientId", clientId))
                    .requireSuccess()
                    .body();
        }
    }
}
