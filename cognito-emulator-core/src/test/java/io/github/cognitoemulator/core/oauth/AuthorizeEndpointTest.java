package io.github.cognitoemulator.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.SignInFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizeEndpointTest {

    private final OAuthFixture oauth = OAuthFixture.create();

    private String errorPage() {
        return OAuthFixture.BASE + "/" + this.oauth.poolId + "/error?error=redirect_mismatch&client_id="
                + this.oauth.client.id();
    }

    @Test
    void withoutASessionSendsTheBrowserToTheLoginPageWithTheSameQuery() {
        String query = this.oauth.authorizeQuery("scope", "openid email");

        HostedResponse response = this.oauth.get("/oauth2/authorize", query);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo(this.oauth.siteUrl() + "/login?" + query);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aCallbackUrlTheClientDoesNotListShowsTheErrorPage() {
        HostedResponse response =
                this.oauth.get("/oauth2/authorize", this.oauth.authorizeQuery("redirect_uri", "https://evil.example/"));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo(errorPage());
        HostedResponse page = this.oauth.get("/error", "error=redirect_mismatch");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(page.bodyText()).contains("An error was encountered with the requested page.");
    }

    @Test
    void aMissingCallbackUrlOrUnknownClientShowsTheErrorPage() {
        assertThat(this.oauth
                        .get("/oauth2/authorize", this.oauth.authorizeQuery("redirect_uri", null))
                        .header("Location"))
                .isEqualTo(errorPage());
        assertThat(this.oauth
                        .get("/oauth2/authorize", this.oauth.authorizeQuery("client_id", "nosuchclient"))
                        .header("Location"))
                .isEqualTo(this.oauth.siteUrl() + "/error?error=redirect_mismatch&client_id=nosuchclient");
        assertThat(this.oauth
                        .get("/oauth2/authorize", this.oauth.authorizeQuery("client_id", null))
                        .header("Location"))
                .isEqualTo(this.oauth.siteUrl() + "/error?error=redirect_mismatch");
    }

    @Test
    void aCallbackUrlMustMatchExactly() {
        HostedResponse response = this.oauth.get(
                "/oauth2/authorize", this.oauth.authorizeQuery("redirect_uri", OAuthFixture.CALLBACK + "/"));

        assertThat(response.header("Location")).isEqualTo(errorPage());
    }

    @Test
    void aBadResponseTypeIsRedirectedToTheClientWithItsState() {
        assertThat(this.oauth
                        .get("/oauth2/authorize", this.oauth.authorizeQuery("response_type", "id_token"))
                        .header("Location"))
                .isEqualTo(OAuthFixture.CALLBACK + "?error=unsupported_response_type&state=xyz");
        assertThat(this.oauth
                        .get("/oauth2/authorize", this.oauth.authorizeQuery("response_type", null, "state", null))
                        .header("Location"))
                .isEqualTo(OAuthFixture.CALLBACK + "?error=invalid_request");
    }

    @Test
    void aFlowTheClientDoesNotAllowIsUnauthorized() {
        OAuthFixture codeOnly =
                OAuthFixture.create(SignInFixture.create(), Map.of(), Map.of("AllowedOAuthFlows", List.of("code")));

        HostedResponse response = codeOnly.get("/oauth2/authorize", codeOnly.authorizeQuery("response_type", "token"));

        assertThat(response.header("Location"))
                .isEqualTo(OAuthFixture.CALLBACK + "?error=unauthorized_client&state=xyz");
    }

    @Test
    void aClientWithoutOAuthIsUnauthorized() {
        OAuthFixture disabled =
                OAuthFixture.create(SignInFixture.create(), Map.of(), Map.of("AllowedOAuthFlowsUserPoolClient", false));

        HostedResponse response = disabled.get("/oauth2/authorize", disabled.authorizeQuery());

        assertThat(response.header("Location"))
                .isEqualTo(OAuthFixture.CALLBACK + "?error=unauthorized_client&state=xyz");
    }

    @Test
    void scopesTheClientDoesNotAllowAreDroppedAndNoneLeftIsInvalid() {
        assertThat(this.oauth
                        .get("/oauth2/authorize", this.oauth.authorizeQuery("scope", "rs/unknown other"))
                        .header("Location"))
                .isEqualTo(OAuthFixture.CALLBACK + "?error=invalid_scope&state=xyz");
        assertThat(this.oauth
                        .get("/oauth2/authorize", this.oauth.authorizeQuery("scope", "email profile"))
                        .header("Location"))
                .isEqualTo(OAuthFixture.CALLBACK + "?error=invalid_scope&state=xyz");
    }

    @Test
    void grantedScopesAreTheRequestedOnesTheClientAllowsInRequestOrder() {
        String code = this.oauth.code("scope", "email unknown openid email");

        Map<String, Object> tokens = this.oauth.json(this.oauth.exchange(code));

        assertThat(SignInFixture.payload((String) tokens.get("access_token"))).containsEntry("scope", "email openid");
    }

    @Test
    void withoutScopeEveryScopeOfTheClientIsGranted() {
        String code = this.oauth.code();

        Map<String, Object> tokens = this.oauth.json(this.oauth.exchange(code));

        assertThat(SignInFixture.payload((String) tokens.get("access_token")))
                .containsEntry("scope", "openid email phone profile aws.cognito.signin.user.admin");
    }

    @Test
    void pkceParametersAreChecked() {
        assertThat(this.oauth
                        .get("/oauth2/authorize", this.oauth.authorizeQuery("code_challenge_method", "S256"))
                        .header("Location"))
                .isEqualTo(OAuthFixture.CALLBACK + "?error=invalid_request&state=xyz");
        assertThat(this.oauth
                        .get(
                                "/oauth2/authorize",
                                this.oauth.authorizeQuery("code_challenge", "abc", "code_challenge_method", "S512"))
                        .header("Location"))
                .isEqualTo(OAuthFixture.CALLBACK + "?error=invalid_request&state=xyz");
    }

    @Test
    void aLiveSessionAnswersAtOnceWithANewCode() {
        this.oauth.code();
        assertThat(this.oauth.cookies).containsKey("cognito");

        HostedResponse response = this.oauth.get("/oauth2/authorize", this.oauth.authorizeQuery());

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location"))
                .startsWith(OAuthFixture.CALLBACK + "?code=")
                .endsWith("&state=xyz");
        assertThat(response.header("Set-Cookie")).isNull();
    }

    @Test
    void promptLoginAsksForThePasswordDespiteTheSession() {
        this.oauth.code();
        String query = this.oauth.authorizeQuery("prompt", "login");

        HostedResponse response = this.oauth.get("/oauth2/authorize", query);

        assertThat(response.header("Location")).isEqualTo(this.oauth.siteUrl() + "/login?" + query);
        assertThat(this.oauth.get("/login", query).bodyText()).contains("name=\"password\"");
    }

    @Test
    void promptNoneWithoutASessionIsLoginRequired() {
        HostedResponse response = this.oauth.get("/oauth2/authorize", this.oauth.authorizeQuery("prompt", "none"));

        assertThat(response.header("Location")).isEqualTo(OAuthFixture.CALLBACK + "?error=login_required&state=xyz");
    }

    @Test
    void promptNoneWithASessionAnswers() {
        this.oauth.code();

        HostedResponse response = this.oauth.get("/oauth2/authorize", this.oauth.authorizeQuery("prompt", "none"));

        assertThat(response.header("Location")).startsWith(OAuthFixture.CALLBACK + "?code=");
    }

    @Test
    void theSessionLastsAnHour() {
        this.oauth.code();
        this.oauth.fixture.clock().advance(Duration.ofHours(1));

        HostedResponse response = this.oauth.get("/oauth2/authorize", this.oauth.authorizeQuery());

        assertThat(response.header("Location")).startsWith(this.oauth.siteUrl() + "/login?");
    }

    @Test
    void aDisabledUsersSessionNoLongerSignsIn() {
        this.oauth.code();
        this.oauth
                .fixture
                .call("AdminDisableUser", Map.of("UserPoolId", this.oauth.poolId, "Username", OAuthFixture.USER))
                .requireSuccess();

        HostedResponse response = this.oauth.get("/oauth2/authorize", this.oauth.authorizeQuery());

        assertThat(response.header("Location")).startsWith(this.oauth.siteUrl() + "/login?");
    }

    @Test
    void cognitoAsIdentityProviderIsTheLoginPage() {
        String query = this.oauth.authorizeQuery("identity_provider", "COGNITO");

        assertThat(this.oauth.get("/oauth2/authorize", query).header("Location"))
                .isEqualTo(this.oauth.siteUrl() + "/login?" + query);
    }

    @Test
    void anIdentityProviderThePoolOrClientLacksIsAnInvalidRequest() {
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
    void anImplicitGrantPutsTheTokensInTheFragment() {
        HostedResponse response = this.oauth.signIn(
                this.oauth.authorizeQuery("response_type", "token", "scope", "openid email", "nonce", "n-0S6"),
                OAuthFixture.USER,
                SignInFixture.PASSWORD);

        String location = response.header("Location");
        assertThat(location).startsWith(OAuthFixture.CALLBACK + "#id_token=");
        assertThat(location).contains("&token_type=Bearer&expires_in=3600&state=xyz");
        String idToken = OAuthFixture.parameter(location, "id_token");
        String accessToken = OAuthFixture.parameter(location, "access_token");
        assertThat(SignInFixture.payload(idToken)).containsEntry("nonce", "n-0S6");
        assertThat(SignInFixture.payload(accessToken)).containsEntry("scope", "openid email");
        assertThat(OAuthFixture.parameter(location, "refresh_token")).isNull();
    }

    @Test
    void anImplicitGrantWithoutOpenidHasNoIdToken() {
        HostedResponse response = this.oauth.signIn(
                this.oauth.authorizeQuery(
                        "response_type", "token", "scope", "aws.cognito.signin.user.admin", "state", null),
                OAuthFixture.USER,
                SignInFixture.PASSWORD);

        assertThat(response.header("Location"))
                .startsWith(OAuthFixture.CALLBACK + "#access_token=")
                .endsWith("&token_type=Bearer&expires_in=3600");
    }

    @Test
    void unknownSitesAndPathsAreNotServed() {
        ManagedLogin login = this.oauth.managedLogin();
        assertThat(login.serves(this.oauth.poolId, "/oauth2/authorize")).isTrue();
        assertThat(login.serves(this.oauth.poolId, "/nope")).isFalse();
        assertThat(login.serves("us-east-1_nosuchpoo", "/login")).isFalse();
        HostedRequest unknown = new HostedRequest(
                "GET",
                "us-east-1_nosuchpoo",
                OAuthFixture.BASE + "/x",
                OAuthFixture.BASE,
                "/login",
                null,
                Map.of(),
                new byte[0]);
        assertThat(login.handle(unknown).status()).isEqualTo(404);
    }

    @Test
    void theSelfServicePagesCheckTheAuthorizationRequestFirst() {
        assertThat(this.oauth
                        .get("/signup", this.oauth.authorizeQuery("redirect_uri", "https://evil.example/"))
                        .header("Location"))
                .isEqualTo(errorPage());
        assertThat(this.oauth.get("/signup", this.oauth.authorizeQuery()).status())
                .isEqualTo(200);
    }
}
