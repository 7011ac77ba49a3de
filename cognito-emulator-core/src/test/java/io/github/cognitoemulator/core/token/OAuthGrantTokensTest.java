package io.github.cognitoemulator.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.MutableClock;
import io.github.cognitoemulator.core.ReusableRsaKeys;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.user.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The claims an OAuth grant adds to a sign-in's tokens, and the client credentials token. */
class OAuthGrantTokensTest {

    private final InMemoryStore store = new InMemoryStore();

    private final MutableClock clock = new MutableClock(SignInFixture.START);

    private final UserPool pool = EmulatorStoreContract.pool("us-east-1_grant");

    private final UserPoolClient client = EmulatorStoreContract.client("us-east-1_grant", "client");

    private final User user = EmulatorStoreContract.user("us-east-1_grant", "alice");

    private final TokenService tokens = new TokenService(
            new SigningKeys(this.store.signingKeys(), ReusableRsaKeys.source()),
            this.store.refreshSessions(),
            new UserSignOuts(this.store.resources()),
            TokenGroups.NONE,
            this.clock,
            new Ids(new Random(3)),
            TokenCustomizer.NONE);

    private TokenRequest request() {
        return new TokenRequest(
                this.pool,
                this.client,
                this.user,
                "http://issuer/us-east-1_grant",
                SignInFixture.START,
                null,
                null,
                Map.of());
    }

    @Test
    void theGrantsScopesNonceAndAtHashGoInTheTokens() throws Exception {
        IssuedTokens issued = this.tokens.issue(request(), new OAuthGrant(List.of("openid", "rs/read"), "n-1", true));

        assertThat(SignInFixture.payload(issued.accessToken())).containsEntry("scope", "openid rs/read");
        byte[] digest =
                MessageDigest.getInstance("SHA-256").digest(issued.accessToken().getBytes(StandardCharsets.US_ASCII));
        assertThat(SignInFixture.payload(issued.idToken()))
                .containsEntry("nonce", "n-1")
                .containsEntry(
                        "at_hash", Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)));
        assertThat(issued.refreshToken()).isNotNull();
        assertThat(this.tokens.refreshSession(issued.refreshToken(), "client").sub())
                .isEqualTo(this.user.sub());
    }

    @Test
    void theImplicitGrantGetsNoRefreshToken() {
        IssuedTokens issued = this.tokens.issue(request(), new OAuthGrant(List.of("openid"), null, false));

        assertThat(issued.refreshToken()).isNull();
        assertThat(SignInFixture.payload(issued.idToken()))
                .doesNotContainKey("nonce")
                .containsKey("at_hash");
    }

    @Test
    void theApisTokensAreUnchanged() {
        IssuedTokens issued = this.tokens.issue(request());

        assertThat(SignInFixture.payload(issued.accessToken())).containsEntry("scope", "aws.cognito.signin.user.admin");
        assertThat(SignInFixture.payload(issued.idToken())).doesNotContainKeys("nonce", "at_hash");
        assertThat(issued.refreshToken()).isNotNull();
    }

    @Test
    void aClientCredentialsTokenNamesTheClientAsSubject() {
        String token = this.tokens.issueClientCredentials(
                this.pool, this.client, "http://issuer/us-east-1_grant", List.of("rs/read", "rs/write"));

        Map<String, Object> claims = SignInFixture.payload(token);
        assertThat(claims)
                .containsEntry("sub", "client")
                .containsEntry("client_id", "client")
                .containsEntry("scope", "rs/read rs/write")
                .containsEntry("auth_time", (int) SignInFixture.START.getEpochSecond())
                .containsEntry("iss", "http://issuer/us-east-1_grant")
                .doesNotContainKey("username");
        assertThat(SignInFixture.header(token).get("kid"))
                .isEqualTo(SignInFixture.header(this.tokens.issue(request()).accessToken())
                        .get("kid"));
    }

    @Test
    void theGrantsScopeClaimIsSpaceSeparated() {
        assertThat(new OAuthGrant(List.of("a", "b"), null, true).scopeClaim()).isEqualTo("a b");
        assertThat(TokenService.atHash("token")).hasSize(22);
    }
}
