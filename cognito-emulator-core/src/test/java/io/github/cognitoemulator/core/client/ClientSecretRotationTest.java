package io.github.cognitoemulator.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A confidential client's second secret: added, listed, deleted, and accepted wherever the first one is. */
class ClientSecretRotationTest {

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool();

    private final AppClient client = this.fixture.createPasswordClient(this.poolId, Map.of("GenerateSecret", true));

    private final String originalId = this.client.id() + "--" + SignInFixture.START.toEpochMilli();

    private Reply add(Map<String, ?> settings) {
        Map<String, Object> body = new LinkedHashMap<>(settings);
        body.put("UserPoolId", this.poolId);
        body.put("ClientId", this.client.id());
        return this.fixture.call("AddUserPoolClientSecret", body);
    }

    private Reply list() {
        return this.fixture.call(
                "ListUserPoolClientSecrets", Map.of("UserPoolId", this.poolId, "ClientId", this.client.id()));
    }

    private Reply delete(String clientSecretId) {
        return this.fixture.call(
                "DeleteUserPoolClientSecret",
                Map.of("UserPoolId", this.poolId, "ClientId", this.client.id(), "ClientSecretId", clientSecretId));
    }

    private String describedSecret() {
        return this.fixture
                .call("DescribeUserPoolClient", Map.of("UserPoolId", this.poolId, "ClientId", this.client.id()))
                .string("UserPoolClient", "ClientSecret");
    }

    private Reply signIn(String secret) {
        return this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow", "USER_PASSWORD_AUTH",
                        "ClientId", this.client.id(),
                        "AuthParameters",
                                Map.of(
                                        "USERNAME",
                                        "alice",
                                        "PASSWORD",
                                        SignInFixture.PASSWORD,
                                        "SECRET_HASH",
                                        SignInFixture.secretHash(secret, "alice", this.client.id()))));
    }

    @Test
    void aClientStartsWithTheSecretItWasCreatedWith() {
        assertThat(list().list("ClientSecrets"))
                .containsExactly(Map.of(
                        "ClientSecretId",
                        this.originalId,
                        "ClientSecretCreateDate",
                        SignInFixture.START.getEpochSecond() + 0.0));
    }

    @Test
    void aGeneratedSecretIsShownOnceAndListedWithoutItsValue() {
        this.fixture.clock().advance(Duration.ofMinutes(1));
        Instant added = SignInFixture.START.plus(Duration.ofMinutes(1));

        Map<String, Object> descriptor = add(Map.of()).requireSuccess().map("ClientSecretDescriptor");

        assertThat(descriptor)
                .containsEntry("ClientSecretId", this.client.id() + "--" + added.toEpochMilli())
                .containsEntry("ClientSecretCreateDate", added.getEpochSecond() + 0.0);
        assertThat((String) descriptor.get("ClientSecretValue"))
                .matches("[a-z0-9]{51}")
                .isNotEqualTo(this.client.secret());
        assertThat(list().list("ClientSecrets"))
                .extracting((secret) -> secret.get("ClientSecretId"))
                .containsExactly(this.originalId, this.client.id() + "--" + added.toEpochMilli());
        assertThat(list().body()).doesNotContain(this.client.secret()).doesNotContain("ClientSecretValue");
        assertThat(describedSecret()).isEqualTo(this.client.secret());
    }

    @Test
    void aSecretAddedInTheSameMillisecondGetsItsOwnId() {
        String id = add(Map.of()).requireSuccess().string("ClientSecretDescriptor", "ClientSecretId");

        assertThat(id).isEqualTo(this.client.id() + "--" + (SignInFixture.START.toEpochMilli() + 1));
        assertThat(delete(this.originalId).status()).isEqualTo(200);
        assertThat(list().list("ClientSecrets"))
                .extracting((secret) -> secret.get("ClientSecretId"))
                .containsExactly(id);
    }

    @Test
    void aSecretOfTheCallersChoosingIsNotEchoed() {
        Map<String, Object> descriptor = add(Map.of("ClientSecret", "chosen0secret0of0thirty0chars"))
                .requireSuccess()
                .map("ClientSecretDescriptor");

        assertThat(descriptor).containsOnlyKeys("ClientSecretId", "ClientSecretCreateDate");
    }

    @Test
    void aClientHasAtMostTwoSecrets() {
        this.fixture.clock().advance(Duration.ofSeconds(1));
        add(Map.of()).requireSuccess();

        assertThat(add(Map.of()).error())
                .isEqualTo("400 LimitExceededException: Client " + this.client.id()
                        + " already has the maximum number of 2 client secrets.");
        assertThat(list().list("ClientSecrets")).hasSize(2);
    }

    @Test
    void aPublicClientGetsNoSecret() {
        AppClient publicClient = this.fixture.createPasswordClient(this.poolId);

        assertThat(this.fixture
                        .call(
                                "AddUserPoolClientSecret",
                                Map.of("UserPoolId", this.poolId, "ClientId", publicClient.id()))
                        .error())
                .isEqualTo("400 InvalidParameterException: Client " + publicClient.id()
                        + " is not configured with a client secret.");
        assertThat(this.fixture
                        .call(
                                "ListUserPoolClientSecrets",
                                Map.of("UserPoolId", this.poolId, "ClientId", publicClient.id()))
                        .list("ClientSecrets"))
                .isEmpty();
    }

    @Test
    void everyActiveSecretSignsIn() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.fixture.clock().advance(Duration.ofSeconds(1));
        String second = add(Map.of()).requireSuccess().string("ClientSecretDescriptor", "ClientSecretValue");

        assertThat(signIn(this.client.secret()).status()).isEqualTo(200);
        SignInFixture.Tokens tokens = SignInFixture.tokens(signIn(second));
        assertThat(signIn("not-a-secret-of-this-client").error())
                .isEqualTo("400 NotAuthorizedException: Unable to verify secret hash for client " + this.client.id());

        assertThat(this.fixture
                        .call(
                                "GetTokensFromRefreshToken",
                                Map.of(
                                        "RefreshToken", tokens.refreshToken(),
                                        "ClientId", this.client.id(),
                                        "ClientSecret", second))
                        .status())
                .isEqualTo(200);
        assertThat(this.fixture
                        .call(
                                "InitiateAuth",
                                Map.of(
                                        "AuthFlow", "REFRESH_TOKEN_AUTH",
                                        "ClientId", this.client.id(),
                                        "AuthParameters",
                                                Map.of(
                                                        "REFRESH_TOKEN", tokens.refreshToken(),
                                                        "SECRET_HASH",
                                                                SignInFixture.secretHash(
                                                                        second, "alice", this.client.id()))))
                        .status())
                .isEqualTo(200);
        assertThat(this.fixture
                        .call(
                                "RevokeToken",
                                Map.of(
                                        "Token", tokens.refreshToken(),
                                        "ClientId", this.client.id(),
                                        "ClientSecret", second))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aDeletedSecretNoLongerWorks() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.fixture.clock().advance(Duration.ofSeconds(1));
        Map<String, Object> added = add(Map.of()).requireSuccess().map("ClientSecretDescriptor");
        String second = (String) added.get("ClientSecretValue");

        assertThat(delete(this.originalId).body()).isEqualTo("{}");

        assertThat(signIn(this.client.secret()).status()).isEqualTo(400);
        assertThat(signIn(second).status()).isEqualTo(200);
        assertThat(describedSecret()).isEqualTo(second);
        assertThat(this.fixture
                        .call(
                                "SignUp",
                                Map.of(
                                        "ClientId",
                                        this.client.id(),
                                        "Username",
                                        "bob",
                                        "Password",
                                        SignInFixture.PASSWORD,
                                        "SecretHash",
                                        SignInFixture.secretHash(second, "bob", this.client.id())))
                        .status())
                .isEqualTo(200);
        assertThat(this.fixture
                        .call(
                                "ForgotPassword",
                                Map.of(
                                        "ClientId", this.client.id(),
                                        "Username", "alice",
                                        "SecretHash",
                                                SignInFixture.secretHash(
                                                        this.client.secret(), "alice", this.client.id())))
                        .error())
                .isEqualTo("400 NotAuthorizedException: Unable to verify secret hash for client " + this.client.id());
    }

    @Test
    void theLastSecretStays() {
        assertThat(delete(this.originalId).error())
                .isEqualTo("400 InvalidParameterException: The last client secret of a client cannot be deleted.");
        assertThat(delete(this.client.id() + "--1").error())
                .isEqualTo("400 ResourceNotFoundException: Client secret " + this.client.id() + "--1 does not exist.");
        assertThat(list().list("ClientSecrets")).hasSize(1);
    }

    @Test
    void deletingTheClientDeletesItsSecrets() {
        this.fixture.clock().advance(Duration.ofSeconds(1));
        add(Map.of()).requireSuccess();

        this.fixture
                .call("DeleteUserPoolClient", Map.of("UserPoolId", this.poolId, "ClientId", this.client.id()))
                .requireSuccess();

        assertThat(this.fixture
                        .emulator()
                        .store()
                        .resources()
                        .find(ClientSecretList.KIND, this.poolId + "/" + this.client.id()))
                .isEmpty();
        assertThat(list().error())
                .isEqualTo("400 ResourceNotFoundException: User pool client " + this.client.id() + " does not exist.");
    }

    @Test
    void unknownPoolOrClientIsNotFound() {
        assertThat(this.fixture
                        .call(
                                "AddUserPoolClientSecret",
                                Map.of("UserPoolId", "us-east-1_nothere", "ClientId", this.client.id()))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_nothere does not exist.");
        String otherPool = this.fixture.createPool();
        assertThat(this.fixture
                        .call(
                                "DeleteUserPoolClientSecret",
                                Map.of(
                                        "UserPoolId",
                                        otherPool,
                                        "ClientId",
                                        this.client.id(),
                                        "ClientSecretId",
                                        this.originalId))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool client " + this.client.id() + " does not exist.");
    }

    @Test
    void recordRoundTripsThroughTheDatabase() {
        try (JdbcStore store = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            store.pools().create(EmulatorStoreContract.pool("us-east-1_sec"));
            ClientSecretList secrets = new ClientSecretList(List.of(
                    new ClientSecret("c--1", "first-secret", Instant.parse("2024-01-01T00:00:00.001Z")),
                    new ClientSecret("c--2", "second-secret", Instant.parse("2024-01-02T00:00:00Z"))));

            assertThat(store.resources().create(ClientSecretList.KIND, "us-east-1_sec", "us-east-1_sec/c", secrets))
                    .isTrue();

            assertThat(store.resources()
                            .find(ClientSecretList.KIND, "us-east-1_sec/c")
                            .orElseThrow()
                            .value())
                    .isEqualTo(secrets);
            assertThat(secrets.secrets().get(0).toString()).doesNotContain("first-secret");
        }
    }
}
