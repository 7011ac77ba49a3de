package io.github.cognitoemulator.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hand-over to an external identity provider and back; {@code OidcFederationTest} covers what happens at the
 * provider.
 */
class FederationRoutingTest {

    private final OAuthFixture oauth = OAuthFixture.create();

    private final OAuthFixture federated;

    FederationRoutingTest() {
        this.oauth
                .fixture
                .call(
                        "CreateIdentityProvider",
                        Map.of(
                                "UserPoolId",
                                this.oauth.poolId,
                                "ProviderName",
                                "Corp",
                                "ProviderType",
                                "OIDC",
                                "ProviderDetails",
                                // Endpoints given, so that handing the browser over needs no discovery document.
                                Map.of(
                                        "client_id",
                                        "id-1",
                                        "authorize_scopes",
                                        "openid",
                                        "oidc_issuer",
                                        "https://idp.example.com",
                                        "attributes_request_method",
                                        "GET",
                                        "authorize_url",
                                        "https://idp.example.com/authorize",
                                        "token_url",
                                        "https://idp.example.com/token",
                                        "attributes_url",
                                        "https://idp.example.com/userinfo",
                                        "jwks_uri",
                                        "https://idp.example.com/jwks"),
                                "IdpIdentifiers",
                                List.of("corp.example")))
                .requireSuccess();
        Map<String, Object> settings = new LinkedHashMap<>(OAuthFixture.oauthClient());
        settings.put("SupportedIdentityProviders", List.of("COGNITO", "Corp"));
        AppClient client = this.oauth.fixture.createClient(this.oauth.poolId, settings);
        this.federated = new OAuthFixture(this.oauth.fixture, this.oauth.poolId, client);
    }

    @Test
    void aProviderTheClientSupportsIsHandedTheBrowser() {
        HostedResponse byName =
                this.federated.get("/oauth2/authorize", this.federated.authorizeQuery("identity_provider", "Corp"));
        HostedResponse byIdentifier = this.federated.get(
                "/oauth2/authorize", this.federated.authorizeQuery("idp_identifier", "corp.example"));

        String toProvider = "https://idp.example.com/authorize?response_type=code&client_id=id-1&redirect_uri="
                + URLEncoder.encode(this.oauth.siteUrl() + "/oauth2/idpresponse", StandardCharsets.UTF_8)
                + "&scope=openid&state=";
        assertThat(byName.status()).isEqualTo(302);
        assertThat(byName.header("Location")).startsWith(toProvider);
        assertThat(byIdentifier.status()).isEqualTo(302);
        assertThat(byIdentifier.header("Location")).startsWith(toProvider);
    }

    @Test
    void aProviderTheClientDoesNotSupportIsAnInvalidRequest() {
        assertThat(this.oauth
                        .get("/oauth2/authorize", this.oauth.authorizeQuery("identity_provider", "Corp"))
                        .header("Location"))
                .isEqualTo(OAuthFixture.CALLBACK + "?error=invalid_request&state=xyz");
        assertThat(this.oauth
                        .get("/oauth2/authorize", this.oauth.authorizeQuery("idp_identifier", "corp.example"))
                        .header("Location"))
                .isEqualTo(OAuthFixture.CALLBACK + "?error=invalid_request&state=xyz");
    }

    @Test
    void anAnswerForASignInNeverStartedEndsOnTheErrorPage() {
        HostedResponse response = this.federated.get("/oauth2/idpresponse", "code=abc&state=def");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location"))
                .isEqualTo(this.oauth.siteUrl()
                        + "/error?error=invalid_request&error_description=Invalid%20or%20expired%20state.");
    }

    @Test
    void aCallbackUrlWithAQueryKeepsIt() {
        Map<String, Object> settings = new LinkedHashMap<>(OAuthFixture.oauthClient());
        settings.put("CallbackURLs", List.of("https://app.example.com/cb?tenant=1"));
        AppClient client = this.oauth.fixture.createClient(this.oauth.poolId, settings);
        OAuthFixture withQuery = new OAuthFixture(this.oauth.fixture, this.oauth.poolId, client);

        HostedResponse response = withQuery.signIn(
                withQuery.authorizeQuery("redirect_uri", "https://app.example.com/cb?tenant=1"),
                OAuthFixture.USER,
                SignInFixture.PASSWORD);

        assertThat(response.header("Location")).startsWith("https://app.example.com/cb?tenant=1&code=");
    }

    @Test
    void theImplicitGrantIgnoresPkce() {
        HostedResponse response = this.oauth.signIn(
                this.oauth.authorizeQuery("response_type", "token", "code_challenge_method", "S512"),
                OAuthFixture.USER,
                SignInFixture.PASSWORD);

        assertThat(response.header("Location")).startsWith(OAuthFixture.CALLBACK + "#id_token=");
    }
}
