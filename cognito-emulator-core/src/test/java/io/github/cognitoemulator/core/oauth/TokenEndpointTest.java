package io.github.cognitoemulator.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {

    private final OAuthFixture oauth = OAuthFixture.create();

    private static String s256(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private void assertError(HostedResponse response, int status, String error) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(response.bodyText()).isEqualTo("{\"error\":\"" + error + "\"}");
    }

    @Test
    void aCodeIsExchangedForTheTokensOfTheGrant() throws Exception {
        String code = this.oauth.code("scope", "openid email", "nonce", "n-0S6_WzA2Mj");

        HostedResponse response = this.oauth.exchange(code);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        Map<String, Object> body = this.oauth.json(response);
        assertThat(body.keySet())
                .containsExactly("id_token", "access_token", "refresh_token", "expires_in", "token_type");
        assertThat(body).containsEntry("expires_in", 3600).containsEntry("token_type", "Bearer");
        String accessToken = (String) body.get("access_token");
        Map<String, Object> access = SignInFixture.payload(accessToken);
        assertThat(access)
                .containsEntry("scope", "openid email")
                .containsEntry("token_use", "access")
                .containsEntry("client_id", this.oauth.client.id())
                .containsEntry("username", OAuthFixture.USER)
                .containsEntry("iss", OAuthFixture.BASE + "/" + this.oauth.poolId)
                .containsEntry("auth_time", (int) SignInFixture.START.getEpochSecond());
        Map<String, Object> id = SignInFixture.payload((String) body.get("id_token"));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
        assertThat(id)
                .containsEntry("nonce", "n-0S6_WzA2Mj")
                .containsEntry(
                        "at_hash", Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)))
                .containsEntry("aud", this.oauth.client.id())
                .containsEntry("email", "jane@example.com")
                .containsEntry("token_use", "id");
    }

    @Test
    void withoutOpenidThereIsNoIdTokenAndNoNonce() {
        String code = this.oauth.code("scope", "aws.cognito.signin.user.admin");

        Map<String, Object> body = this.oauth.json(this.oauth.exchange(code));

        assertThat(body.keySet()).containsExactly("access_token", "refresh_token", "expires_in", "token_type");
    }

    @Test
    void withoutANonceTheIdTokenHasNone() {
        String code = this.oauth.code("scope", "openid");

        Map<String, Object> body = this.oauth.json(this.oauth.exchange(code));

        assertThat(SignInFixture.payload((String) body.get("id_token")))
                .doesNotContainKey("nonce")
                .containsKey("at_hash");
    }

    @Test
    void aCodeIsUsedOnce() {
        String code = this.oauth.code();
        assertThat(this.oauth.exchange(code).status()).isEqualTo(200);

        assertError(this.oauth.exchange(code), 400, "invalid_grant");
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        String code = this.oauth.code();
        this.oauth.fixture.clock().advance(Duration.ofMinutes(5));

        assertError(this.oauth.exchange(code), 400, "invalid_grant");
    }

    @Test
    void aCodeIsGoodJustBeforeFiveMinutes() {
        String code = this.oauth.code();
        this.oauth.fixture.clock().advance(Duration.ofMinutes(5).minusSeconds(1));

        assertThat(this.oauth.exchange(code).status()).isEqualTo(200);
    }

    @Test
    void anUnknownCodeIsAnInvalidGrant() {
        assertError(this.oauth.exchange("4f1d3c0e-0000-4000-8000-000000000000"), 400, "invalid_grant");
    }

    @Test
    void theRedirectUriMustBeTheAuthorizationRequests() {
        String code = this.oauth.code();

        assertError(this.oauth.exchange(code, "redirect_uri", OAuthFixture.CALLBACK + "/"), 400, "unauthorized_client");
        // The code is spent by the failed exchange.
        assertError(this.oauth.exchange(code), 400, "invalid_grant");
    }

    @Test
    void missingMembersAreInvalidRequests() {
        String code = this.oauth.code();

        assertError(this.oauth.exchange(code, "redirect_uri", null), 400, "invalid_request");
        assertError(this.oauth.exchange(code, "code", null), 400, "invalid_request");
        assertError(this.oauth.exchange(code, "grant_type", null), 400, "invalid_request");
        assertError(this.oauth.exchange(code, "grant_type", "password"), 400, "unsupported_grant_type");
        assertError(this.oauth.get("/oauth2/token", null), 400, "invalid_request");
    }

    @Test
    void anUnknownClientIsInvalid() {
        String code = this.oauth.code();

        assertError(this.oauth.exchange(code, "client_id", "nosuchclient"), 400, "invalid_client");
        assertError(this.oauth.exchange(code, "client_id", null), 400, "invalid_client");
    }

    @Test
    void anotherClientsCodeIsAnInvalidGrant() {
        AppClient other = this.oauth.fixture.createClient(this.oauth.poolId, OAuthFixture.oauthClient());
        String code = this.oauth.code();

        assertError(this.oauth.exchange(code, "client_id", other.id()), 400, "invalid_grant");
    }

    @Test
    void pkceS256IsVerified() throws Exception {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        String code = this.oauth.code("code_challenge", s256(verifier), "code_challenge_method", "S256");
        assertError(this.oauth.exchange(code, "code_verifier", verifier + "x"), 400, "invalid_grant");

        String again = this.oauth.code("code_challenge", s256(verifier), "code_challenge_method", "S256");
        assertThat(this.oauth.exchange(again, "code_verifier", verifier).status())
                .isEqualTo(200);
    }

    @Test
    void pkceWithoutAVerifierIsAnInvalidGrant() throws Exception {
        String code = this.oauth.code("code_challenge", s256("verifier"), "code_challenge_method", "S256");

        assertError(this.oauth.exchange(code), 400, "invalid_grant");
        String empty = this.oauth.code("code_challenge", s256("verifier"), "code_challenge_method", "S256");
        assertError(this.oauth.exchange(empty, "code_verifier", ""), 400, "invalid_grant");
    }

    @Test
    void pkcePlainComparesTheVerifierItself() {
        String code = this.oauth.code("code_challenge", "plain-verifier", "code_challenge_method", "plain");
        assertError(this.oauth.exchange(code, "code_verifier", "other-verifier"), 400, "invalid_grant");

        String implicitMethod = this.oauth.code("code_challenge", "plain-verifier");
        assertThat(this.oauth
                        .exchange(implicitMethod, "code_verifier", "plain-verifier")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theCodeGrantNeedsTheFlow() {
        OAuthFixture implicitOnly =
                OAuthFixture.create(SignInFixture.create(), Map.of(), Map.of("AllowedOAuthFlows", List.of("implicit")));

        assertError(implicitOnly.exchange("4f1d3c0e-0000-4000-8000-000000000000"), 400, "unauthorized_client");
    }

    @Test
    void aRefreshKeepsTheScopesOfTheGrant() {
        String code = this.oauth.code("scope", "openid profile");
        Map<String, Object> first = this.oauth.json(this.oauth.exchange(code));
        this.oauth.fixture.clock().advance(Duration.ofMinutes(10));

        HostedResponse response = this.oauth.post(
                "/oauth2/token",
                Parameters.NONE
                        .with("grant_type", "refresh_token")
                        .with("client_id", this.oauth.client.id())
                        .with("refresh_token", (String) first.get("refresh_token"))
                        .encode(),
                Map.of());

        Map<String, Object> body = this.oauth.json(response);
        assertThat(body.keySet()).containsExactly("id_token", "access_token", "expires_in", "token_type");
        Map<String, Object> access = SignInFixture.payload((String) body.get("access_token"));
        assertThat(access)
                .containsEntry("scope", "openid profile")
                .containsEntry("auth_time", (int) SignInFixture.START.getEpochSecond())
                .containsEntry("iat", (int)
                        SignInFixture.START.plus(Duration.ofMinutes(10)).getEpochSecond());
        assertThat(SignInFixture.payload((String) body.get("id_token")))
                .containsKey("at_hash")
                .doesNotContainKey("nonce");
    }

    @Test
    void aRefreshOfAGrantWithoutOpenidHasNoIdToken() {
        String code = this.oauth.code("scope", "aws.cognito.signin.user.admin");
        Map<String, Object> first = this.oauth.json(this.oauth.exchange(code));

        Map<String, Object> body = this.oauth.json(refresh((String) first.get("refresh_token")));

        assertThat(body.keySet()).containsExactly("access_token", "expires_in", "token_type");
    }

    @Test
    void anApiRefreshTokenKeepsTheApisScope() {
        SignInFixture.Tokens tokens = SignInFixture.tokens(
                this.oauth.fixture.signIn(this.oauth.client.id(), OAuthFixture.USER, SignInFixture.PASSWORD));

        Map<String, Object> body = this.oauth.json(refresh(tokens.refreshToken()));

        assertThat(body.keySet()).containsExactly("id_token", "access_token", "expires_in", "token_type");
        assertThat(SignInFixture.payload((String) body.get("access_token")))
                .containsEntry("scope", "aws.cognito.signin.user.admin");
        assertThat(SignInFixture.payload((String) body.get("id_token"))).doesNotContainKey("at_hash");
    }

    @Test
    void aRevokedRefreshTokenNoLongerRefreshes() {
        Map<String, Object> first = this.oauth.json(this.oauth.exchange(this.oauth.code()));
        String refreshToken = (String) first.get("refresh_token");
        HostedResponse revoked = this.oauth.post(
                "/oauth2/revoke",
                Parameters.NONE
                        .with("token", refreshToken)
                        .with("client_id", this.oauth.client.id())
                        .encode(),
                Map.of());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body()).isEmpty();

        assertError(refresh(refreshToken), 400, "invalid_grant");
    }

    @Test
    void refreshErrors() {
        assertError(refresh("not-a-token"), 400, "invalid_grant");
        assertError(
                this.oauth.post(
                        "/oauth2/token", "grant_type=refresh_token&client_id=" + this.oauth.client.id(), Map.of()),
                400,
                "invalid_request");
    }

    @Test
    void aDisabledUserGetsNoTokens() {
        String code = this.oauth.code();
        Map<String, Object> first = this.oauth.json(this.oauth.exchange(this.oauth.code()));
        this.oauth
                .fixture
                .call("AdminDisableUser", Map.of("UserPoolId", this.oauth.poolId, "Username", OAuthFixture.USER))
                .requireSuccess();

        assertError(this.oauth.exchange(code), 400, "invalid_grant");
        assertError(refresh((String) first.get("refresh_token")), 400, "invalid_grant");
    }

    @Test
    void aDisabledUsersRefreshTokenStaysRevokedOnceEnabledAgain() {
        Map<String, Object> first = this.oauth.json(this.oauth.exchange(this.oauth.code()));
        Map<String, String> user = Map.of("UserPoolId", this.oauth.poolId, "Username", OAuthFixture.USER);
        this.oauth.fixture.call("AdminDisableUser", user).requireSuccess();
        this.oauth.fixture.call("AdminEnableUser", user).requireSuccess();

        assertError(refresh((String) first.get("refresh_token")), 400, "invalid_grant");
        Map<String, Object> fresh = this.oauth.json(this.oauth.exchange(this.oauth.code()));
        assertThat(refresh((String) fresh.get("refresh_token")).status()).isEqualTo(200);
    }

    private HostedResponse refresh(String refreshToken) {
        return this.oauth.post(
                "/oauth2/token",
                Parameters.NONE
                        .with("grant_type", "refresh_token")
                        .with("client_id", this.oauth.client.id())
                        .with("refresh_token", refreshToken)
                        .encode(),
                Map.of());
    }

    @Test
    void aClientWithASecretMustAuthenticate() {
        OAuthFixture secret = OAuthFixture.create(SignInFixture.create(), Map.of(), Map.of("GenerateSecret", true));
        String id = secret.client.id();
        String code = secret.code();

        assertError(secret.exchange(code), 400, "invalid_client");
        assertError(secret.exchange(code, "client_secret", "wrong"), 400, "invalid_client");
        assertError(
                secret.post("/oauth2/token", "grant_type=authorization_code", Map.of("Authorization", "Basic !!!")),
                400,
                "invalid_client");
        assertError(
                secret.post(
                        "/oauth2/token",
                        "grant_type=authorization_code&client_id=other",
                        Map.of("Authorization", OAuthFixture.basic(id, secret.client.secret()))),
                400,
                "invalid_client");
        HostedResponse basic = secret.post(
                "/oauth2/token",
                Parameters.NONE
                        .with("grant_type", "authorization_code")
                        .with("code", code)
                        .with("redirect_uri", OAuthFixture.CALLBACK)
                        .encode(),
                Map.of("Authorization", OAuthFixture.basic(id, secret.client.secret())));
        assertThat(basic.status()).isEqualTo(200);
        assertThat(secret.exchange(secret.code(), "client_secret", secret.client.secret())
                        .status())
                .isEqualTo(200);
    }

    private static AppClient machineClient(SignInFixture fixture, String poolId, Map<String, Object> overrides) {
        fixture.call(
                        "CreateResourceServer",
                        Map.of(
                                "UserPoolId",
                                poolId,
                                "Identifier",
                                "orders",
                                "Name",
                                "Orders",
                                "Scopes",
                                List.of(
                                        Map.of("ScopeName", "read", "ScopeDescription", "Read"),
                                        Map.of("ScopeName", "write", "ScopeDescription", "Write"))))
                .requireSuccess();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("GenerateSecret", true);
        settings.put("AllowedOAuthFlowsUserPoolClient", true);
        settings.put("AllowedOAuthFlows", List.of("client_credentials"));
        settings.put("AllowedOAuthScopes", List.of("orders/read", "orders/write"));
        settings.putAll(overrides);
        return fixture.createClient(poolId, settings);
    }

    @Test
    void clientCredentialsGrantTheClientsCustomScopes() {
        AppClient machine = machineClient(this.oauth.fixture, this.oauth.poolId, Map.of());

        HostedResponse response = this.oauth.post(
                "/oauth2/token",
                "grant_type=client_credentials",
                Map.of("Authorization", OAuthFixture.basic(machine.id(), machine.secret())));

        Map<String, Object> body = this.oauth.json(response);
        assertThat(body.keySet()).containsExactly("access_token", "expires_in", "token_type");
        Map<String, Object> access = SignInFixture.payload((String) body.get("access_token"));
        assertThat(access.keySet())
                .containsExactly(
                        "sub", "token_use", "scope", "auth_time", "iss", "exp", "iat", "version", "jti", "client_id");
        assertThat(access)
                .containsEntry("sub", machine.id())
                .containsEntry("client_id", machine.id())
                .containsEntry("scope", "orders/read orders/write")
                .containsEntry("token_use", "access")
                .containsEntry("version", 2)
                .containsEntry("iss", OAuthFixture.BASE + "/" + this.oauth.poolId)
                .containsEntry("iat", (int) SignInFixture.START.getEpochSecond())
                .containsEntry(
                        "exp", (int) SignInFixture.START.plusSeconds(3600).getEpochSecond());
    }

    @Test
    void clientCredentialsKeepTheRequestedScopesTheClientHas() {
        AppClient machine = machineClient(this.oauth.fixture, this.oauth.poolId, Map.of());
        Map<String, String> basic = Map.of("Authorization", OAuthFixture.basic(machine.id(), machine.secret()));

        Map<String, Object> body = this.oauth.json(
                this.oauth.post("/oauth2/token", "grant_type=client_credentials&scope=orders%2Fwrite+other", basic));

        assertThat(SignInFixture.payload((String) body.get("access_token"))).containsEntry("scope", "orders/write");
        assertError(
                this.oauth.post("/oauth2/token", "grant_type=client_credentials&scope=other", basic),
                400,
                "invalid_scope");
    }

    @Test
    void clientCredentialsNeedASecretAndTheFlow() {
        assertError(
                this.oauth.post(
                        "/oauth2/token", "grant_type=client_credentials&client_id=" + this.oauth.client.id(), Map.of()),
                400,
                "unauthorized_client");
        OAuthFixture secret = OAuthFixture.create(SignInFixture.create(), Map.of(), Map.of("GenerateSecret", true));
        assertError(
                secret.post(
                        "/oauth2/token",
                        "grant_type=client_credentials",
                        Map.of("Authorization", OAuthFixture.basic(secret.client.id(), secret.client.secret()))),
                400,
                "unauthorized_client");
    }
}
