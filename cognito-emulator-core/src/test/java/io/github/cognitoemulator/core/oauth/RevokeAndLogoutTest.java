package io.github.cognitoemulator.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.SignInFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevokeAndLogoutTest {

    private final OAuthFixture oauth = OAuthFixture.create();

    private void assertError(HostedResponse response, int status, String error) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(response.bodyText()).isEqualTo("{\"error\":\"" + error + "\"}");
    }

    private Map<String, Object> tokens() {
        return this.oauth.json(this.oauth.exchange(this.oauth.code()));
    }

    private HostedResponse revoke(String form) {
        return this.oauth.post("/oauth2/revoke", form, Map.of());
    }

    @Test
    void revokingARefreshTokenRevokesItsAccessTokens() {
        Map<String, Object> tokens = tokens();

        HostedResponse response = revoke(Parameters.NONE
                .with("token", (String) tokens.get("refresh_token"))
                .with("client_id", this.oauth.client.id())
                .encode());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(this.oauth
                        .send(
                                "GET",
                                "/oauth2/userInfo",
                                null,
                                null,
                                Map.of("Authorization", "Bearer " + tokens.get("access_token")))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anUnknownTokenIsAnsweredAsRevoked() {
        assertThat(revoke("token=unknown&client_id=" + this.oauth.client.id()).status())
                .isEqualTo(200);
    }

    @Test
    void anotherClientsTokenIsLeftAlone() {
        Map<String, Object> tokens = tokens();
        String otherClient = this.oauth
                .fixture
                .createClient(this.oauth.poolId, OAuthFixture.oauthClient())
                .id();

        assertThat(revoke("token=" + tokens.get("refresh_token") + "&client_id=" + otherClient)
                        .status())
                .isEqualTo(200);
        assertThat(this.oauth
                        .post(
                                "/oauth2/token",
                                Parameters.NONE
                                        .with("grant_type", "refresh_token")
                                        .with("client_id", this.oauth.client.id())
                                        .with("refresh_token", (String) tokens.get("refresh_token"))
                                        .encode(),
                                Map.of())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aJwtIsNotARefreshToken() {
        Map<String, Object> tokens = tokens();

        assertError(
                revoke("token=" + tokens.get("access_token") + "&client_id=" + this.oauth.client.id()),
                400,
                "unsupported_token_type");
    }

    @Test
    void revokeErrors() {
        assertError(revoke("client_id=" + this.oauth.client.id()), 400, "invalid_request");
        assertError(revoke("token=x&client_id=nosuchclient"), 401, "invalid_client");
        assertError(revoke("token=x"), 401, "invalid_client");
        assertError(this.oauth.get("/oauth2/revoke", null), 400, "invalid_request");
        OAuthFixture noRevocation =
                OAuthFixture.create(SignInFixture.create(), Map.of(), Map.of("EnableTokenRevocation", false));
        assertError(
                noRevocation.post("/oauth2/revoke", "token=x&client_id=" + noRevocation.client.id(), Map.of()),
                400,
                "invalid_request");
    }

    @Test
    void aSecretClientRevokesWithBasicAuthentication() {
        OAuthFixture secret = OAuthFixture.create(SignInFixture.create(), Map.of(), Map.of("GenerateSecret", true));

        assertError(
                secret.post("/oauth2/revoke", "token=x&client_id=" + secret.client.id(), Map.of()),
                401,
                "invalid_client");
        assertThat(secret.post(
                                "/oauth2/revoke",
                                "token=x",
                                Map.of("Authorization", OAuthFixture.basic(secret.client.id(), secret.client.secret())))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void logoutToASignOutUrlEndsTheSession() {
        this.oauth.code();
        String session = this.oauth.cookies.get("cognito");

        HostedResponse response = this.oauth.get(
                "/logout",
                "client_id=" + this.oauth.client.id() + "&logout_uri=" + Parameters.encode(OAuthFixture.LOGOUT));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo(OAuthFixture.LOGOUT);
        assertThat(response.header("Set-Cookie"))
                .isEqualTo("cognito=; Max-Age=0; Path=/" + this.oauth.poolId + "; HttpOnly; SameSite=Lax");
        // The session is gone from the store too, not only from this browser.
        this.oauth.cookies.put("cognito", session);
        assertThat(this.oauth
                        .get("/oauth2/authorize", this.oauth.authorizeQuery())
                        .header("Location"))
                .startsWith(this.oauth.siteUrl() + "/login?");
    }

    @Test
    void logoutWithARedirectUriSignsInAgain() {
        this.oauth.code();
        String query = this.oauth.authorizeQuery();

        HostedResponse response = this.oauth.get("/logout", query);

        assertThat(response.header("Location")).isEqualTo(this.oauth.siteUrl() + "/login?" + query);
        assertThat(this.oauth.cookies).doesNotContainKey("cognito");
    }

    @Test
    void logoutErrorsShowTheErrorPage() {
        String errorPage = this.oauth.siteUrl() + "/error?error=invalid_request&client_id=" + this.oauth.client.id();
        assertThat(this.oauth
                        .get(
                                "/logout",
                                "client_id=" + this.oauth.client.id() + "&logout_uri=https%3A%2F%2Fevil.example%2F")
                        .header("Location"))
                .isEqualTo(errorPage);
        assertThat(this.oauth
                        .get("/logout", "client_id=" + this.oauth.client.id())
                        .header("Location"))
                .isEqualTo(errorPage);
        assertThat(this.oauth
                        .get("/logout", "client_id=" + this.oauth.client.id() + "&redirect_uri=x")
                        .header("Location"))
                .isEqualTo(errorPage);
        assertThat(this.oauth.get("/logout", "logout_uri=x").header("Location"))
                .isEqualTo(this.oauth.siteUrl() + "/error?error=invalid_request");
        assertThat(this.oauth.get("/logout", "client_id=nosuch").header("Location"))
                .isEqualTo(this.oauth.siteUrl() + "/error?error=invalid_request&client_id=nosuch");
    }
}
