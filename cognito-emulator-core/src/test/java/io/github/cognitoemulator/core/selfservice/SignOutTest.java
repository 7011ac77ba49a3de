package io.github.cognitoemulator.core.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.SignInFixture.Tokens;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignOutTest {

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool();

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    SignOutTest() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
    }

    private Tokens signIn(AppClient client) {
        return SignInFixture.tokens(this.fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD));
    }

    private Reply getTokens(AppClient client, String refreshToken, String clientSecret) {
        Map<String, Object> body =
                new java.util.HashMap<>(Map.of("ClientId", client.id(), "RefreshToken", refreshToken));
        if (clientSecret != null) {
            body.put("ClientSecret", clientSecret);
        }
        return this.fixture.call("GetTokensFromRefreshToken", body);
    }

    private Reply revoke(AppClient client, String token) {
        return this.fixture.call("RevokeToken", Map.of("ClientId", client.id(), "Token", token));
    }

    @Test
    void getTokensFromRefreshTokenIssuesNewTokensOfTheSameSignIn() {
        Tokens first = signIn(this.client);
        this.fixture.clock().advance(java.time.Duration.ofMinutes(10));

        Tokens refreshed = SignInFixture.tokens(getTokens(this.client, first.refreshToken(), null));

        assertThat(refreshed.refreshToken()).isNull();
        assertThat(SignInFixture.payload(refreshed.accessToken()))
                .containsEntry(
                        "origin_jti", SignInFixture.payload(first.accessToken()).get("origin_jti"))
                .containsEntry(
                        "auth_time", SignInFixture.payload(first.accessToken()).get("auth_time"));
        assertThat(SignInFixture.payload(refreshed.accessToken()).get("iat"))
                .isNotEqualTo(SignInFixture.payload(first.accessToken()).get("iat"));
    }

    @Test
    void getTokensFromRefreshTokenNeedsTheSecretOfASecretClient() {
        AppClient secretClient = this.fixture.createPasswordClient(this.poolId, Map.of("GenerateSecret", true));
        String username = "alice";
        Tokens tokens = SignInFixture.tokens(this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow", "USER_PASSWORD_AUTH",
                        "ClientId", secretClient.id(),
                        "AuthParameters",
                                Map.of(
                                        "USERNAME",
                                        username,
                                        "PASSWORD",
                                        SignInFixture.PASSWORD,
                                        "SECRET_HASH",
                                        SignInFixture.secretHash(
                                                secretClient.secret(), username, secretClient.id())))));

        assertThat(getTokens(secretClient, tokens.refreshToken(), "wrong" + secretClient.secret())
                        .error())
                .isEqualTo("400 NotAuthorizedException: Client secret does not match for the client: "
                        + secretClient.id());
        assertThat(getTokens(secretClient, tokens.refreshToken(), secretClient.secret())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void revokingARefreshTokenEndsItsSignInButNotOthers() {
        Tokens revoked = signIn(this.client);
        Tokens other = signIn(this.client);

        assertThat(revoke(this.client, revoked.refreshToken()).status()).isEqualTo(200);

        assertThat(this.fixture
                        .refresh(this.client.id(), revoked.refreshToken())
                        .error())
                .isEqualTo("400 NotAuthorizedException: Refresh Token has been revoked");
        assertThat(this.fixture.getUser(revoked.accessToken()).error())
                .isEqualTo("400 NotAuthorizedException: Access Token has been revoked");
        assertThat(this.fixture.getUser(other.accessToken()).status()).isEqualTo(200);
        assertThat(this.fixture.refresh(this.client.id(), other.refreshToken()).status())
                .isEqualTo(200);
    }

    @Test
    void revokingAnUnknownTokenSucceedsAndAnAccessTokenCannotBeRevoked() {
        Tokens tokens = signIn(this.client);

        assertThat(revoke(this.client, "not-a-refresh-token").status()).isEqualTo(200);
        assertThat(revoke(this.client, tokens.accessToken()).error())
                .isEqualTo("400 UnsupportedTokenTypeException: Only refresh tokens can be revoked.");
    }

    @Test
    void aTokenOfAnotherClientCannotBeRevoked() {
        Tokens tokens = signIn(this.client);
        AppClient other = this.fixture.createPasswordClient(this.poolId);

        assertThat(revoke(other, tokens.refreshToken()).error())
                .isEqualTo("400 UnauthorizedException: The token was not issued to this client.");
        assertThat(this.fixture.refresh(this.client.id(), tokens.refreshToken()).status())
                .isEqualTo(200);
    }

    @Test
    void globalSignOutEndsEverySignInOfTheUser() {
        Tokens first = signIn(this.client);
        Tokens second = signIn(this.client);

        assertThat(this.fixture
                        .call("GlobalSignOut", Map.of("AccessToken", first.accessToken()))
                        .status())
                .isEqualTo(200);

        for (Tokens tokens : new Tokens[] {first, second}) {
            assertThat(this.fixture.getUser(tokens.accessToken()).error())
                    .isEqualTo("400 NotAuthorizedException: Access Token has been revoked");
            assertThat(this.fixture
                            .refresh(this.client.id(), tokens.refreshToken())
                            .error())
                    .isEqualTo("400 NotAuthorizedException: Refresh Token has been revoked");
        }
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void adminUserGlobalSignOutEndsEverySignInOfTheUser() {
        Tokens tokens = signIn(this.client);

        Reply reply =
                this.fixture.call("AdminUserGlobalSignOut", Map.of("UserPoolId", this.poolId, "Username", "alice"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(this.fixture.getUser(tokens.accessToken()).error())
                .isEqualTo("400 NotAuthorizedException: Access Token has been revoked");
    }
}
