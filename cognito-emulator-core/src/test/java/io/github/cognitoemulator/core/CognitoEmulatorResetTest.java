package io.github.cognitoemulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.SignInFixture.Tokens;
import io.github.cognitoemulator.core.code.CodePurpose;
import io.github.cognitoemulator.core.seed.ClientSeed;
import io.github.cognitoemulator.core.seed.PoolSeed;
import io.github.cognitoemulator.core.seed.UserSeed;
import io.github.cognitoemulator.core.token.RsaKeySource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CognitoEmulatorResetTest {

    private final SignInFixture fixture =
            SignInFixture.create((builder) -> builder.provisionedLimitMaximum("UserAuthentication", 500));

    private static final Map<String, Object> USER_AUTHENTICATION =
            Map.of("LimitClass", "API_CATEGORY", "Attributes", Map.of("Category", "UserAuthentication"));

    @Test
    void removesEveryPoolWithAllItHoldsTheMessagesAndTheAccountsSettings() {
        String poolId = this.fixture.createPool(Map.of("AutoVerifiedAttributes", List.of("email")));
        AppClient client = this.fixture.createPasswordClient(poolId);
        this.fixture.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD);
        this.fixture
                .call("CreateGroup", Map.of("UserPoolId", poolId, "GroupName", "admin"))
                .requireSuccess();
        Tokens tokens = SignInFixture.tokens(this.fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD));
        this.fixture.createUser(poolId, "newcomer");
        Reply challenge = this.fixture.signIn(client.id(), "newcomer", SignInFixture.TEMPORARY_PASSWORD);
        assertThat(challenge.string("ChallengeName")).isEqualTo("NEW_PASSWORD_REQUIRED");
        Reply signUp = this.fixture
                .call(
                        "SignUp",
                        Map.of(
                                "ClientId",
                                client.id(),
                                "Username",
                                "bob",
                                "Password",
                                SignInFixture.PASSWORD,
                                "UserAttributes",
                                EmulatorFixture.attributes("email", "bob@example.com")))
                .requireSuccess();
        this.fixture
                .call(
                        "UpdateProvisionedLimit",
                        Map.of("LimitDefinition", USER_AUTHENTICATION, "RequestedLimitValue", 300))
                .requireSuccess();
        assertThat(this.fixture.emulator().store().signingKeys().list()).hasSize(1);
        this.fixture.emulator().clock().advance(Duration.ofMinutes(1));

        this.fixture.emulator().reset();

        CognitoEmulator emulator = this.fixture.emulator();
        assertThat(this.fixture
                        .call("ListUserPools", Map.of("MaxResults", 60))
                        .requireSuccess()
                        .list("UserPools"))
                .isEmpty();
        assertThat(emulator.store().clients().find(client.id())).isEmpty();
        assertThat(emulator.store().users().count(poolId)).isZero();
        assertThat(emulator.inbox().messages(null, null)).isEmpty();
        assertThat(emulator.store().authSessions().find(challenge.string("Session")))
                .isEmpty();
        assertThat(emulator.store().codes().find(poolId, signUp.string("UserSub"), CodePurpose.SIGN_UP))
                .isEmpty();
        assertThat(emulator.store().signingKeys().list()).isEmpty();
        assertThat(emulator.jwks()).isEqualTo("{\"keys\":[]}");
        assertThat(this.fixture.refresh(client.id(), tokens.refreshToken()).error())
                .isEqualTo("400 ResourceNotFoundException: User pool client " + client.id() + " does not exist.");
        assertThat(this.fixture
                        .call("GetProvisionedLimit", Map.of("LimitDefinition", USER_AUTHENTICATION))
                        .requireSuccess()
                        .map("Limit")
                        .get("ProvisionedLimitValue"))
                .isEqualTo(120);
        // The clock is the caller's to reset.
        assertThat(emulator.clock().offset()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theEmulatorWorksAsNewAfterAReset() {
        String before = this.fixture.createPool();
        this.fixture.emulator().reset();

        String poolId = this.fixture.createPool();
        AppClient client = this.fixture.createPasswordClient(poolId);
        this.fixture.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD);
        Tokens tokens = SignInFixture.tokens(this.fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD));

        assertThat(poolId).isNotEqualTo(before);
        assertThat(this.fixture.getUser(tokens.accessToken()).status()).isEqualTo(200);
        assertThat(this.fixture.emulator().store().signingKeys().list()).hasSize(1);
    }

    @Test
    void aSeededPoolIsSeededAgainWithTheKeysItHadAndWithoutWhatCameLater() {
        String poolId = "us-east-1_Seeded001";
        CognitoEmulator emulator = CognitoEmulator.builder()
                .keySource(RsaKeySource.generating())
                .seeds(List.of(PoolSeed.of(poolId, "seeded")
                        .withClients(List.of(ClientSeed.publicClient(
                                "seeded0client0000000000001",
                                "web",
                                List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"))))
                        .withUsers(List.of(UserSeed.confirmed("alice", SignInFixture.PASSWORD, Map.of())))))
                .build();
        String keysBefore = emulator.jwks(poolId).orElseThrow();
        emulator.handle("CreateGroup", "{\"UserPoolId\":\"" + poolId + "\",\"GroupName\":\"later\"}");

        emulator.reset();

        assertThat(emulator.jwks(poolId)).hasValue(keysBefore);
        assertThat(emulator.store().users().count(poolId)).isEqualTo(1);
        assertThat(emulator.handle("GetGroup", "{\"UserPoolId\":\"" + poolId + "\",\"GroupName\":\"later\"}")
                        .status())
                .isEqualTo(400);
    }
}
