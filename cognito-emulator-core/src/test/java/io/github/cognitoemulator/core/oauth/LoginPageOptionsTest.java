package io.github.cognitoemulator.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.message.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the sign-in page offers: the external identity providers the app client supports, the username and password
 * form only for clients supporting {@code COGNITO}, the self-service links the pool allows, and the way on for a user
 * who has not confirmed her account.
 */
class LoginPageOptionsTest {

    private final OAuthFixture oauth = OAuthFixture.create();

    private void createProvider(String name, String type, Map<String, String> details) {
        this.oauth
                .fixture
                .call(
                        "CreateIdentityProvider",
                        Map.of(
                                "UserPoolId",
                                this.oauth.poolId,
                                "ProviderName",
                                name,
                                "ProviderType",
                                type,
                                "ProviderDetails",
                                details))
                .requireSuccess();
    }

    private void createOidcProvider(String name) {
        createProvider(
                name,
                "OIDC",
                Map.of(
                        "client_id",
                        "id-" + name,
                        "authorize_scopes",
                        "openid",
                        "oidc_issuer",
                        "https://" + name.toLowerCase() + ".example.com",
                        "attributes_request_method",
                        "GET"));
    }

    private void createGoogle() {
        createProvider(
                "Google",
                "Google",
                Map.of("client_id", "google-id", "client_secret", "google-secret", "authorize_scopes", "openid"));
    }

    /** A client of the pool supporting {@code providers}. */
    private OAuthFixture clientSupporting(String... providers) {
        Map<String, Object> settings = new LinkedHashMap<>(OAuthFixture.oauthClient());
        settings.put("SupportedIdentityProviders", List.of(providers));
        AppClient client = this.oauth.fixture.createClient(this.oauth.poolId, settings);
        return new OAuthFixture(this.oauth.fixture, this.oauth.poolId, client);
    }

    private static String escaped(String url) {
        return url.replace("&", "&amp;");
    }

    @Test
    void eachProviderTheClientSupportsHasAButtonToTheAuthorizeEndpointNamingIt() {
        createOidcProvider("Corp");
        createOidcProvider("Partner");
        createGoogle();
        OAuthFixture app = clientSupporting("Partner", "COGNITO", "Google", "Corp");
        String query = app.authorizeQuery("scope", "openid");

        HostedResponse page = app.get("/login", query);

        assertThat(page.status()).isEqualTo(200);
        String html = page.bodyText();
        String authorize = app.siteUrl() + "/oauth2/authorize?" + query + "&identity_provider=";
        assertThat(html)
                .contains("<h2>Sign in with your corporate ID</h2>\n"
                        + "<p><a class=\"button\" href=\"" + escaped(authorize + "Partner") + "\">Partner</a></p>\n"
                        + "<p><a class=\"button\" href=\"" + escaped(authorize + "Google")
                        + "\">Continue with Google</a></p>\n"
                        + "<p><a class=\"button\" href=\"" + escaped(authorize + "Corp") + "\">Corp</a></p>\n"
                        + "<p class=\"or\">or</p>\n"
                        + "<h2>Sign in with your username and password</h2>\n"
                        + "<form method=\"post\"")
                .contains("<label for=\"username\">Username</label>");
        assertThat(html.indexOf("<h2>Sign in with your corporate ID</h2>"))
                .isGreaterThan(html.indexOf("role=\"alert\""));
        assertThat(html).containsOnlyOnce("Sign in with your corporate ID");
    }

    @Test
    void aButtonReplacesAnyProviderAlreadyInTheQuery() {
        createOidcProvider("Corp");
        OAuthFixture app = clientSupporting("COGNITO", "Corp");
        String query = app.authorizeQuery("idp_identifier", "x.example", "identity_provider", "COGNITO");

        String html = app.get("/login", query).bodyText();

        assertThat(html)
                .contains("href=\""
                        + escaped(
                                app.siteUrl() + "/oauth2/authorize?" + app.authorizeQuery() + "&identity_provider=Corp")
                        + "\">Corp</a>");
    }

    @Test
    void socialProvidersAloneHaveNoCorporateHeading() {
        createGoogle();
        OAuthFixture app = clientSupporting("Google", "COGNITO");

        String html = app.get("/login", app.authorizeQuery()).bodyText();

        assertThat(html)
                .contains("\">Continue with Google</a></p>\n<p class=\"or\">or</p>\n")
                .doesNotContain("corporate ID");
    }

    @Test
    void theSocialProvidersAreNamedAsTheirSignInButtonsNameThem() {
        assertThat(LoginPage.socialName("Google")).isEqualTo("Google");
        assertThat(LoginPage.socialName("Facebook")).isEqualTo("Facebook");
        assertThat(LoginPage.socialName("LoginWithAmazon")).isEqualTo("Amazon");
        assertThat(LoginPage.socialName("SignInWithApple")).isEqualTo("Apple");
        assertThat(LoginPage.socialName("OIDC")).isNull();
        assertThat(LoginPage.socialName("SAML")).isNull();
    }

    @Test
    void aClientWithoutProvidersShowsTheFormAlone() {
        String html = this.oauth.get("/login", this.oauth.authorizeQuery()).bodyText();

        assertThat(html)
                .doesNotContain("<h2>")
                .doesNotContain("class=\"button\"")
                .doesNotContain("class=\"or\"")
                .contains("<form method=\"post\"");
    }

    @Test
    void aProviderDeletedSinceTheClientNamedItHasNoButton() {
        createOidcProvider("Corp");
        createOidcProvider("Gone");
        OAuthFixture app = clientSupporting("COGNITO", "Gone", "Corp");
        this.oauth
                .fixture
                .call("DeleteIdentityProvider", Map.of("UserPoolId", this.oauth.poolId, "ProviderName", "Gone"))
                .requireSuccess();

        String html = app.get("/login", app.authorizeQuery()).bodyText();

        assertThat(html).contains("\">Corp</a>").doesNotContain("Gone");
    }

    @Test
    void aClientWithoutCognitoShowsItsProvidersButNoForm() {
        createOidcProvider("Corp");
        OAuthFixture app = clientSupporting("Corp");
        String query = app.authorizeQuery();

        HostedResponse page = app.get("/login", query);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Set-Cookie")).isNull();
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.bodyText())
                .contains("<title>Sign in</title>")
                .contains("<h2>Sign in with your corporate ID</h2>\n<p><a class=\"button\" href=\""
                        + escaped(app.siteUrl() + "/oauth2/authorize?" + query + "&identity_provider=Corp")
                        + "\">Corp</a></p>\n</main>")
                .doesNotContain("<form")
                .doesNotContain("class=\"or\"")
                .doesNotContain("/signup")
                .doesNotContain("/forgotPassword");
    }

    @Test
    void theAuthorizeEndpointSendsAClientWithOneProviderToTheLoginPage() {
        createOidcProvider("Corp");
        OAuthFixture app = clientSupporting("Corp");
        String query = app.authorizeQuery();

        HostedResponse response = app.get("/oauth2/authorize", query);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo(app.siteUrl() + "/login?" + query);
    }

    @Test
    void aPasswordSignInIsRefusedForAClientWithoutCognito() {
        createOidcProvider("Corp");
        OAuthFixture app = clientSupporting("Corp");
        String query = app.authorizeQuery();
        HostedResponse cognito = this.oauth.get("/login", this.oauth.authorizeQuery());

        HostedResponse refused = app.post(
                "/login",
                query,
                Parameters.NONE
                        .with("_csrf", OAuthFixture.csrf(cognito))
                        .with("username", OAuthFixture.USER)
                        .with("password", SignInFixture.PASSWORD)
                        .encode());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Location")).isNull();
        assertThat(refused.bodyText())
                .contains("<title>Error</title>")
                .contains("class=\"error\">An error was encountered with the requested page.</div>");
        assertThat(app.cookies).doesNotContainKey("cognito");
    }

    @Test
    void theSelfServicePagesAreRefusedForAClientWithoutCognito() {
        createOidcProvider("Corp");
        OAuthFixture app = clientSupporting("Corp");
        String query = app.authorizeQuery();

        for (String path : List.of("/signup", "/forgotPassword", "/confirmUser")) {
            HostedResponse refused = app.get(path, query);

            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.bodyText())
                    .as(path)
                    .contains("class=\"error\">An error was encountered with the requested page.</div>");
        }
        HostedResponse post = app.post("/signup", query, "username=sam&password=x");
        assertThat(post.status()).isEqualTo(400);
        assertThat(this.oauth
                        .fixture
                        .call("AdminGetUser", Map.of("UserPoolId", this.oauth.poolId, "Username", "sam"))
                        .error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void theSelfServiceLinksCarryTheAuthorizationRequest() {
        String query = this.oauth.authorizeQuery();

        String html = this.oauth.get("/login", query).bodyText();

        assertThat(html)
                .contains("<p class=\"links\"><a href=\"" + escaped(this.oauth.siteUrl() + "/forgotPassword?" + query)
                        + "\">Forgot your password?</a></p>\n"
                        + "<p class=\"links\"><a href=\"" + escaped(this.oauth.siteUrl() + "/signup?" + query)
                        + "\">Need an account? Sign up</a></p>\n");
    }

    @Test
    void aPoolWhereOnlyAdministratorsCreateUsersHasNoSignUpLink() {
        OAuthFixture admins = OAuthFixture.create(
                SignInFixture.create(),
                Map.of("AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", true)),
                Map.of());

        String html = admins.get("/login", admins.authorizeQuery()).bodyText();

        assertThat(html).doesNotContain("/signup").doesNotContain("Sign up").contains("Forgot your password?");
    }

    @Test
    void aPoolWhoseRecoveryIsAdminOnlyHasNoForgotPasswordLink() {
        OAuthFixture adminOnly = OAuthFixture.create(
                SignInFixture.create(),
                Map.of(
                        "AccountRecoverySetting",
                        Map.of("RecoveryMechanisms", List.of(Map.of("Name", "admin_only", "Priority", 1)))),
                Map.of());

        String html = adminOnly.get("/login", adminOnly.authorizeQuery()).bodyText();

        assertThat(html)
                .doesNotContain("/forgotPassword")
                .doesNotContain("Forgot your password?")
                .contains("Need an account? Sign up");
    }

    private OAuthFixture verifyingEmails() {
        return OAuthFixture.create(
                SignInFixture.create(), Map.of("AutoVerifiedAttributes", List.of("email")), Map.of());
    }

    private static void signUp(OAuthFixture oauth, String username) {
        oauth.fixture
                .call(
                        "SignUp",
                        Map.of(
                                "ClientId",
                                oauth.client.id(),
                                "Username",
                                username,
                                "Password",
                                SignInFixture.PASSWORD,
                                "UserAttributes",
                                List.of(Map.of("Name", "email", "Value", username + "@example.com"))))
                .requireSuccess();
    }

    @Test
    void anUnconfirmedUserIsSentANewCodeAndTakenToTheConfirmationPage() {
        OAuthFixture pool = verifyingEmails();
        signUp(pool, "sam");
        String first = pool.fixture.latestCode(pool.poolId, "sam");
        int sent = pool.fixture.emulator().inbox().messages(pool.poolId, "sam").size();
        String query = pool.authorizeQuery();

        HostedResponse response = pool.signIn(query, "sam", SignInFixture.PASSWORD);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo(pool.siteUrl() + "/confirmUser?" + query + "&username=sam");
        List<Message> messages = pool.fixture.emulator().inbox().messages(pool.poolId, "sam");
        assertThat(messages).hasSize(sent + 1);
        String second = pool.fixture.latestCode(pool.poolId, "sam");
        assertThat(pool.cookies).doesNotContainKey("cognito");

        HostedResponse confirmPage = pool.get("/confirmUser", query + "&username=sam");
        HostedResponse confirmed = pool.post(
                "/confirmUser",
                query + "&username=sam",
                Parameters.NONE
                        .with("_csrf", OAuthFixture.csrf(confirmPage))
                        .with("username", "sam")
                        .with("code", second)
                        .encode());
        assertThat(confirmed.header("Location")).isEqualTo(pool.siteUrl() + "/login?" + query);
        assertThat(pool.fixture.statusOf(pool.poolId, "sam")).isEqualTo("CONFIRMED");
        assertThat(first).isNotNull();
        assertThat(pool.signIn(query, "sam", SignInFixture.PASSWORD).header("Location"))
                .startsWith(OAuthFixture.CALLBACK + "?code=");
    }

    @Test
    void anUnconfirmedUserIsToldSoWhateverPasswordSheTypes() {
        // Cognito checks the status before the password; the code goes to the address on file, as
        // ResendConfirmationCode's would.
        OAuthFixture pool = verifyingEmails();
        signUp(pool, "sam");
        int sent = pool.fixture.emulator().inbox().messages(pool.poolId, "sam").size();
        String query = pool.authorizeQuery();

        HostedResponse response = pool.signIn(query, "sam", "Wr0ng!Password");

        assertThat(response.header("Location")).isEqualTo(pool.siteUrl() + "/confirmUser?" + query + "&username=sam");
        assertThat(pool.fixture.emulator().inbox().messages(pool.poolId, "sam")).hasSize(sent + 1);
        assertThat(pool.fixture.emulator().inbox().latest(pool.poolId, "sam").destination())
                .isEqualTo("sam@example.com");
    }

    @Test
    void anUnconfirmedUserNoCodeCanReachIsToldSheIsNotConfirmed() {
        this.oauth
                .fixture
                .call(
                        "SignUp",
                        Map.of(
                                "ClientId",
                                this.oauth.client.id(),
                                "Username",
                                "sam",
                                "Password",
                                SignInFixture.PASSWORD))
                .requireSuccess();

        HostedResponse page = this.oauth.signIn(this.oauth.authorizeQuery(), "sam", SignInFixture.PASSWORD);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.bodyText())
                .contains("role=\"alert\" class=\"error\">User is not confirmed.</div>")
                .contains("name=\"username\" autocomplete=\"username\" required value=\"sam\">");
    }
}
