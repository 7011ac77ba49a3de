package io.github.cognitoemulator.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.SignInFixture.Tokens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * App clients without token revocation: their tokens carry no {@code origin_jti}, RevokeToken refuses them, and
 * global sign-out still ends their access tokens, by the time they were issued.
 */
class TokensWithoutRevocationTest {

    private static final String REVOKED = "400 NotAuthorizedException: Access Token has been revoked";

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool();

    private final AppClient client =
            this.fixture.createPasswordClient(this.poolId, Map.of("EnableTokenRevocation", false));

    private Tokens signIn() {
        return SignInFixture.tokens(this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD));
    }

    private Reply globalSignOut(Tokens tokens) {
        return this.fixture.call("GlobalSignOut", Map.of("AccessToken", tokens.accessToken()));
    }

    @Test
    void tokensCarryNoOriginJti() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        Tokens tokens = signIn();
        Tokens refreshed = SignInFixture.tokens(this.fixture.refresh(this.client.id(), tokens.refreshToken()));

        assertThat(SignInFixture.payload(tokens.idToken()))
                .doesNotContainKey("origin_jti")
                .containsKey("jti");
        assertThat(SignInFixture.payload(tokens.accessToken()))
                .doesNotContainKey("origin_jti")
                .containsKey("jti");
        assertThat(SignInFixture.payload(refreshed.accessToken())).doesNotContainKey("origin_jti");
    }

    @Test
    void clientsWithRevocationKeepOriginJti() {
        AppClient revocable = this.fixture.createPasswordClient(this.poolId);
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        Tokens tokens = SignInFixture.tokens(this.fixture.signIn(revocable.id(), "alice", SignInFixture.PASSWORD));

        assertThat(SignInFixture.payload(tokens.idToken()).get("origin_jti"))
                .isEqualTo(SignInFixture.payload(tokens.accessToken()).get("origin_jti"))
                .isNotNull();
    }

    @Test
    void revokeTokenIsRefused() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        Tokens tokens = signIn();

        assertThat(this.fixture
                        .call("RevokeToken", Map.of("ClientId", this.client.id(), "Token", tokens.refreshToken()))
                        .error())
                .isEqualTo("400 UnsupportedOperationException: Token revocation is not enabled for this client.");
        assertThat(this.fixture.getUser(tokens.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void globalSignOutEndsTheAccessTokensIssuedBeforeIt() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        Tokens before = signIn();
        this.fixture.clock().advance(Duration.ofMillis(400));

        globalSignOut(before).requireSuccess();

        assertThat(this.fixture.getUser(before.accessToken()).error()).isEqualTo(REVOKED);
        assertThat(this.fixture.refresh(this.client.id(), before.refreshToken()).error())
                .isEqualTo("400 NotAuthorizedException: Refresh Token has been revoked");
        // Issue times are whole seconds: a token of the sign-out's own second counts as issued before it.
        assertThat(this.fixture.getUser(signIn().accessToken()).error()).isEqualTo(REVOKED);
        this.fixture.clock().advance(Duration.ofSeconds(1));
        Tokens after = signIn();
        assertThat(this.fixture.getUser(after.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void aLaterSignOutEndsTheTokensOfASignInBetween() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        globalSignOut(signIn()).requireSuccess();
        this.fixture.clock().advance(Duration.ofSeconds(2));
        Tokens between = signIn();
        this.fixture.clock().advance(Duration.ofSeconds(2));

        globalSignOut(between).requireSuccess();

        assertThat(this.fixture.getUser(between.accessToken()).error()).isEqualTo(REVOKED);
    }

    @Test
    void adminSignOutEndsThemToo() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        Tokens tokens = signIn();

        this.fixture
                .call("AdminUserGlobalSignOut", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(this.fixture.getUser(tokens.accessToken()).error()).isEqualTo(REVOKED);
    }

    @Test
    void anotherUsersSignOutLeavesTheTokensAlone() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.fixture.createConfirmedUser(this.poolId, "bob", SignInFixture.PASSWORD);
        Tokens alice = signIn();

        this.fixture
                .call("AdminUserGlobalSignOut", Map.of("UserPoolId", this.poolId, "Username", "bob"))
                .requireSuccess();

        assertThat(this.fixture.getUser(alice.accessToken()).status()).isEqualTo(200);
    }
}
