package io.github.cognitoemulator.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.MutableClock;
import io.github.cognitoemulator.core.ReusableRsaKeys;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.SignInFixture.Tokens;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Revocation is final: tokens ended by AdminDisableUser, GlobalSignOut, AdminUserGlobalSignOut, RevokeToken or the
 * user's deletion stay ended after the user is enabled again, after a user of the same name is created, and after a
 * restart on the same store. The API reference of AdminDisableUser: it "deactivates a user and revokes all access
 * tokens for the user".
 */
class FinalRevocationTest {

    private static final String ACCESS_REVOKED = "400 NotAuthorizedException: Access Token has been revoked";

    private static final String REFRESH_REVOKED = "400 NotAuthorizedException: Refresh Token has been revoked";

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool();

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private final Map<String, String> alice = Map.of("UserPoolId", this.poolId, "Username", "alice");

    private Tokens signIn(SignInFixture on, AppClient with) {
        return SignInFixture.tokens(on.signIn(with.id(), "alice", SignInFixture.PASSWORD));
    }

    @Test
    void tokensOfADisabledUserStayRevokedOnceItIsEnabledAgain() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        Tokens old = signIn(this.fixture, this.client);

        this.fixture.call("AdminDisableUser", this.alice).requireSuccess();
        assertThat(this.fixture.getUser(old.accessToken()).error()).isEqualTo(ACCESS_REVOKED);
        // While the user is disabled, a refresh is told so first.
        assertThat(this.fixture.refresh(this.client.id(), old.refreshToken()).error())
                .isEqualTo("400 NotAuthorizedException: User is disabled.");
        this.fixture.call("AdminEnableUser", this.alice).requireSuccess();

        assertThat(this.fixture.getUser(old.accessToken()).error()).isEqualTo(ACCESS_REVOKED);
        assertThat(this.fixture.refresh(this.client.id(), old.refreshToken()).error())
                .isEqualTo(REFRESH_REVOKED);
        assertThat(this.fixture
                        .call(
                                "ChangePassword",
                                Map.of(
                                        "AccessToken",
                                        old.accessToken(),
                                        "PreviousPassword",
                                        SignInFixture.PASSWORD,
                                        "ProposedPassword",
                                        "N3w!Password"))
                        .error())
                .isEqualTo(ACCESS_REVOKED);
        // A new sign-in, even in the same instant, is not caught by the old revocation.
        Tokens fresh = signIn(this.fixture, this.client);
        assertThat(this.fixture.getUser(fresh.accessToken()).string("Username")).isEqualTo("alice");
        assertThat(this.fixture.refresh(this.client.id(), fresh.refreshToken()).status())
                .isEqualTo(200);
    }

    @Test
    void enablingAnEnabledUserRevokesNothing() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        Tokens tokens = signIn(this.fixture, this.client);

        this.fixture.call("AdminEnableUser", this.alice).requireSuccess();

        assertThat(this.fixture.getUser(tokens.accessToken()).status()).isEqualTo(200);
        assertThat(this.fixture.refresh(this.client.id(), tokens.refreshToken()).status())
                .isEqualTo(200);
    }

    @Test
    void signedOutAndRevokedTokensStayRevokedAcrossADisableAndEnable() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        Tokens globallySignedOut = signIn(this.fixture, this.client);
        this.fixture
                .call("GlobalSignOut", Map.of("AccessToken", globallySignedOut.accessToken()))
                .requireSuccess();
        Tokens adminSignedOut = signIn(this.fixture, this.client);
        this.fixture.call("AdminUserGlobalSignOut", this.alice).requireSuccess();
        Tokens revoked = signIn(this.fixture, this.client);
        this.fixture
                .call("RevokeToken", Map.of("ClientId", this.client.id(), "Token", revoked.refreshToken()))
                .requireSuccess();

        this.fixture.call("AdminDisableUser", this.alice).requireSuccess();
        this.fixture.call("AdminEnableUser", this.alice).requireSuccess();

        for (Tokens tokens : List.of(globallySignedOut, adminSignedOut, revoked)) {
            assertThat(this.fixture.getUser(tokens.accessToken()).error()).isEqualTo(ACCESS_REVOKED);
            assertThat(this.fixture
                            .refresh(this.client.id(), tokens.refreshToken())
                            .error())
                    .isEqualTo(REFRESH_REVOKED);
        }
    }

    @Test
    void anOldTokenDoesNotReachAUserCreatedAgainUnderTheSameName() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD, "name", "First Alice");
        Tokens old = signIn(this.fixture, this.client);
        String oldSub = (String) SignInFixture.payload(old.accessToken()).get("sub");

        this.fixture.call("AdminDeleteUser", this.alice).requireSuccess();
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD, "name", "Second Alice");

        assertThat(this.fixture.attributesOf(this.poolId, "alice").get("sub")).isNotEqualTo(oldSub);
        assertThat(this.fixture.getUser(old.accessToken()).error())
                .isEqualTo("400 NotAuthorizedException: User does not exist.");
        assertThat(this.fixture.refresh(this.client.id(), old.refreshToken()).error())
                .isEqualTo("400 NotAuthorizedException: Invalid Refresh Token.");
        assertThat(this.fixture
                        .call("GlobalSignOut", Map.of("AccessToken", old.accessToken()))
                        .error())
                .isEqualTo("400 NotAuthorizedException: User does not exist.");
        // The new user's own sign-in was not ended by anything the old token tried.
        Tokens fresh = signIn(this.fixture, this.client);
        assertThat(this.fixture.getUser(fresh.accessToken()).attributes("UserAttributes"))
                .containsEntry("name", "Second Alice");
    }

    @Test
    void aClientWithoutRevocationLosesItsTokensToADisabledUserByIssueTime() {
        AppClient plain = this.fixture.createPasswordClient(this.poolId, Map.of("EnableTokenRevocation", false));
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        Tokens old = signIn(this.fixture, plain);
        assertThat(SignInFixture.payload(old.accessToken())).doesNotContainKey("origin_jti");

        this.fixture.call("AdminDisableUser", this.alice).requireSuccess();
        this.fixture.call("AdminEnableUser", this.alice).requireSuccess();
        this.fixture.clock().advance(Duration.ofSeconds(1));

        assertThat(this.fixture.getUser(old.accessToken()).error()).isEqualTo(ACCESS_REVOKED);
        assertThat(this.fixture.refresh(plain.id(), old.refreshToken()).error()).isEqualTo(REFRESH_REVOKED);
        Tokens fresh = signIn(this.fixture, plain);
        assertThat(this.fixture.getUser(fresh.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void revocationsSurviveARestartOnTheSameDatabase() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Tokens disabled;
        Tokens signedOut;
        Tokens kept;
        String restartedPool;
        AppClient restartedClient;
        try (JdbcStore first = JdbcStore.open(url, "sa", "")) {
            SignInFixture before = SignInFixture.create(first);
            restartedPool = before.createPool();
            restartedClient = before.createPasswordClient(restartedPool);
            before.createConfirmedUser(restartedPool, "alice", SignInFixture.PASSWORD);
            before.createConfirmedUser(restartedPool, "bob", SignInFixture.PASSWORD);
            Map<String, String> restartedAlice = Map.of("UserPoolId", restartedPool, "Username", "alice");
            disabled = signIn(before, restartedClient);
            before.call("AdminDisableUser", restartedAlice).requireSuccess();
            before.call("AdminEnableUser", restartedAlice).requireSuccess();
            kept = signIn(before, restartedClient);
            signedOut = SignInFixture.tokens(before.signIn(restartedClient.id(), "bob", SignInFixture.PASSWORD));
            before.call("GlobalSignOut", Map.of("AccessToken", signedOut.accessToken()))
                    .requireSuccess();
        }
        try (JdbcStore second = JdbcStore.open(url, "sa", "")) {
            SignInFixture after = SignInFixture.create(second);

            for (Tokens tokens : List.of(disabled, signedOut)) {
                assertThat(after.getUser(tokens.accessToken()).error()).isEqualTo(ACCESS_REVOKED);
                assertThat(after.refresh(restartedClient.id(), tokens.refreshToken())
                                .error())
                        .isEqualTo(REFRESH_REVOKED);
            }
            assertThat(after.getUser(kept.accessToken()).string("Username")).isEqualTo("alice");
            assertThat(after.refresh(restartedClient.id(), kept.refreshToken()).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void tokensOfASignInWithoutARefreshTokenAreRevokedWithTheUser() {
        InMemoryStore store = new InMemoryStore();
        MutableClock clock = new MutableClock(SignInFixture.START);
        TokenService tokens = new TokenService(
                new SigningKeys(store.signingKeys(), ReusableRsaKeys.source()),
                store.refreshSessions(),
                new UserSignOuts(store.resources()),
                TokenGroups.NONE,
                clock,
                new Ids(new Random(3)),
                TokenCustomizer.NONE);
        UserPool pool = EmulatorStoreContract.pool("us-east-1_grant");
        UserPoolClient client = EmulatorStoreContract.client("us-east-1_grant", "client");
        User user = EmulatorStoreContract.user("us-east-1_grant", "alice");
        TokenRequest request = new TokenRequest(
                pool, client, user, "http://issuer/us-east-1_grant", SignInFixture.START, null, null, Map.of());
        IssuedTokens implicit = tokens.issue(request, new OAuthGrant(List.of("openid"), null, false));
        String originJti =
                (String) SignInFixture.payload(implicit.accessToken()).get("origin_jti");

        assertThat(tokens.verifyAccessToken(implicit.accessToken()).originJti()).isEqualTo(originJti);
        // Recorded under a key no presented refresh token can reach, already expired, kept while its tokens live.
        RefreshSession recorded = store.refreshSessions()
                .findByTokenDigest(TokenService.NO_REFRESH_TOKEN + originJti)
                .orElseThrow();
        assertThat(recorded.expiresAt()).isEqualTo(SignInFixture.START);
        assertThat(recorded.retainUntil())
                .isEqualTo(SignInFixture.START.plus(client.tokenValidity().accessTokenDuration()));
        assertThat(recorded.revoked()).isFalse();

        tokens.revokeAll("us-east-1_grant", user.sub());

        CognitoException error = org.assertj.core.api.Assertions.catchThrowableOfType(
                CognitoException.class, () -> tokens.verifyAccessToken(implicit.accessToken()));
        assertThat(error.getMessage()).isEqualTo("Access Token has been revoked");
    }
}
