package io.github.cognitoemulator.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.MfaFixture;
import io.github.cognitoemulator.core.SignInFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginPageTest {

    private final OAuthFixture oauth = OAuthFixture.create();

    private final String query = this.oauth.authorizeQuery("scope", "openid");

    @Test
    void theSignInPageIsAccessibleSelfContainedHtml() {
        HostedResponse page = this.oauth.get("/login", this.query);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("Set-Cookie"))
                .matches("XSRF-TOKEN=[A-Za-z0-9_-]{32}; Max-Age=3600; Path=/" + this.oauth.poolId
                        + "; HttpOnly; SameSite=Lax");
        String html = page.bodyText();
        assertThat(html)
                .startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
                .contains("<title>Sign in</title>")
                .contains("<label for=\"username\">Username</label>")
                .contains("id=\"username\" name=\"username\" autocomplete=\"username\" required>")
                .contains("<label for=\"password\">Password</label>")
                .contains("type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\"")
                .contains("<div id=\"errors\" role=\"alert\"></div>")
                .contains("<form method=\"post\" action=\"" + this.oauth.siteUrl() + "/login?"
                        + this.query.replace("&", "&amp;") + "\"")
                .contains("name=\"_csrf\" value=\"" + this.oauth.cookies.get("XSRF-TOKEN") + "\"")
                .contains("href=\"" + this.oauth.siteUrl() + "/signup?")
                .doesNotContain("<script")
                .doesNotContain("<link");
    }

    @Test
    void theXsrfCookieIsKeptOnceSet() {
        this.oauth.get("/login", this.query);
        String token = this.oauth.cookies.get("XSRF-TOKEN");

        HostedResponse again = this.oauth.get("/login", this.query);

        assertThat(again.header("Set-Cookie")).isNull();
        assertThat(OAuthFixture.csrf(again)).isEqualTo(token);
    }

    @Test
    void aSignInRedirectsWithACodeAndOpensASession() {
        HostedResponse done = this.oauth.signIn(this.query, OAuthFixture.USER, SignInFixture.PASSWORD);

        assertThat(done.status()).isEqualTo(302);
        assertThat(done.header("Location"))
                .matches(OAuthFixture.CALLBACK.replace(".", "\\.") + "\\?code=[0-9a-f-]{36}&state=xyz");
        assertThat(done.header("Set-Cookie"))
                .matches("cognito=[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}; Max-Age=3600; Path=/" + this.oauth.poolId
                        + "; HttpOnly; SameSite=Lax");
    }

    @Test
    void anHttpsSiteGetsSecureCookies() {
        HostedRequest request = new HostedRequest(
                "GET",
                this.oauth.poolId,
                "https://auth.example.com/" + this.oauth.poolId,
                OAuthFixture.BASE,
                "/login",
                this.query,
                Map.of(),
                new byte[0]);

        assertThat(this.oauth.managedLogin().handle(request).header("Set-Cookie"))
                .endsWith("; Path=/" + this.oauth.poolId + "; Secure; HttpOnly; SameSite=Lax");
    }

    @Test
    void aWrongPasswordIsShownInThePage() {
        HostedResponse page = this.oauth.signIn(this.query, OAuthFixture.USER, "Wr0ng!Password");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.bodyText())
                .contains("<div id=\"errors\" role=\"alert\" class=\"error\">Incorrect username or password.</div>")
                .contains("name=\"username\" autocomplete=\"username\" required value=\"jane\">");
    }

    @Test
    void aLockedOutUserIsShownInThePageEvenWithTheRightPassword() {
        // Managed login shares the API's lockout: five wrong passwords, then a second of refusals.
        for (int i = 0; i < 5; i++) {
            assertThat(this.oauth
                            .signIn(this.query, OAuthFixture.USER, "Wr0ng!Password")
                            .bodyText())
                    .contains("role=\"alert\" class=\"error\">Incorrect username or password.</div>");
        }

        HostedResponse page = this.oauth.signIn(this.query, OAuthFixture.USER, SignInFixture.PASSWORD);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.bodyText()).contains("role=\"alert\" class=\"error\">Password attempts exceeded</div>");
    }

    @Test
    void anUnknownUserIsShownInThePage() {
        assertThat(this.oauth.signIn(this.query, "nobody", "Wr0ng!Password").bodyText())
                .contains("role=\"alert\" class=\"error\">User does not exist.</div>");
    }

    @Test
    void aMissingPasswordIsShownInThePage() {
        assertThat(this.oauth.signIn(this.query, OAuthFixture.USER, "").bodyText())
                .contains("role=\"alert\" class=\"error\">Please enter your username and password.</div>");
    }

    @Test
    void aDisabledUserIsShownInThePage() {
        this.oauth
                .fixture
                .call("AdminDisableUser", Map.of("UserPoolId", this.oauth.poolId, "Username", OAuthFixture.USER))
                .requireSuccess();

        assertThat(this.oauth
                        .signIn(this.query, OAuthFixture.USER, SignInFixture.PASSWORD)
                        .bodyText())
                .contains("role=\"alert\" class=\"error\">User is disabled.</div>");
    }

    @Test
    void anUnconfirmedUserIsShownInThePage() {
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

        assertThat(this.oauth.signIn(this.query, "sam", SignInFixture.PASSWORD).bodyText())
                .contains("role=\"alert\" class=\"error\">User is not confirmed.</div>");
    }

    @Test
    void aPostWithoutTheXsrfTokenIsRefused() {
        this.oauth.get("/login", this.query);

        HostedResponse refused = this.oauth.post(
                "/login", this.query, "username=jane&password=" + Parameters.encode(SignInFixture.PASSWORD));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.bodyText()).contains("An error was encountered with the requested page.");
        assertThat(refused.header("Location")).isNull();
    }

    @Test
    void aPostWithAnotherXsrfTokenIsRefused() {
        this.oauth.get("/login", this.query);

        HostedResponse refused = this.oauth.post(
                "/login",
                this.query,
                "_csrf=forged&username=jane&password=" + Parameters.encode(SignInFixture.PASSWORD));

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void aPostWithoutTheXsrfCookieIsRefused() {
        HostedResponse page = this.oauth.get("/login", this.query);
        String token = OAuthFixture.csrf(page);
        this.oauth.cookies.clear();

        HostedResponse refused = this.oauth.post(
                "/login",
                this.query,
                "_csrf=" + token + "&username=jane&password=" + Parameters.encode(SignInFixture.PASSWORD));

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void aTemporaryPasswordIsReplacedOnTheNewPasswordStep() {
        this.oauth.fixture.createUser(this.oauth.poolId, "newbie");

        HostedResponse step = this.oauth.signIn(this.query, "newbie", SignInFixture.TEMPORARY_PASSWORD);

        assertThat(step.status()).isEqualTo(200);
        assertThat(step.bodyText())
                .contains("<title>Change password</title>")
                .contains("name=\"step\" value=\"NEW_PASSWORD_REQUIRED\"")
                .contains("name=\"username\" value=\"newbie\"")
                .contains("<label for=\"NEW_PASSWORD\">New password</label>")
                .contains("autocomplete=\"new-password\"");
        HostedResponse weak =
                this.oauth.post("/login", this.query, OAuthFixture.stepFields(step) + "&NEW_PASSWORD=short");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.bodyText())
                .contains(
                        "role=\"alert\" class=\"error\">Password does not conform to policy: Password not long enough</div>")
                .contains("name=\"step\" value=\"NEW_PASSWORD_REQUIRED\"");

        HostedResponse done = this.oauth.post(
                "/login",
                this.query,
                OAuthFixture.stepFields(weak) + "&NEW_PASSWORD=" + Parameters.encode(SignInFixture.OTHER_PASSWORD));

        assertThat(done.status()).isEqualTo(302);
        assertThat(done.header("Location")).startsWith(OAuthFixture.CALLBACK + "?code=");
        assertThat(this.oauth.fixture.statusOf(this.oauth.poolId, "newbie")).isEqualTo("CONFIRMED");
    }

    @Test
    void anSmsCodeIsAskedWhenThePoolRequiresMfa() {
        SignInFixture fixture = SignInFixture.create();
        String poolId = new MfaFixture(fixture).createPool("ON", true, false, false);
        OAuthFixture mfa = OAuthFixture.onPool(fixture, poolId, "phone_number", "+15555550100");
        String query = mfa.authorizeQuery();

        HostedResponse step = mfa.signIn(query, OAuthFixture.USER, SignInFixture.PASSWORD);

        assertThat(step.status()).isEqualTo(200);
        assertThat(step.bodyText())
                .contains("name=\"step\" value=\"SMS_MFA\"")
                .contains("We have sent a code to +*******0100.")
                .contains("<label for=\"SMS_MFA_CODE\">Code</label>")
                .contains("autocomplete=\"one-time-code\"");
        HostedResponse wrong = mfa.post("/login", query, OAuthFixture.stepFields(step) + "&SMS_MFA_CODE=000000");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.bodyText()).contains("role=\"alert\" class=\"error\">Invalid code received for user</div>");

        HostedResponse done = mfa.post(
                "/login",
                query,
                OAuthFixture.stepFields(wrong) + "&SMS_MFA_CODE=" + fixture.latestCode(poolId, OAuthFixture.USER));

        assertThat(done.header("Location")).startsWith(OAuthFixture.CALLBACK + "?code=");
    }

    @Test
    void theUserChoosesAFactorWhenSheCanReceiveSeveral() {
        SignInFixture fixture = SignInFixture.create();
        String poolId = new MfaFixture(fixture).createPool("ON", true, false, true);
        OAuthFixture mfa =
                OAuthFixture.onPool(fixture, poolId, "phone_number", "+15555550100", "email", "jane@example.com");
        String query = mfa.authorizeQuery();

        HostedResponse select = mfa.signIn(query, OAuthFixture.USER, SignInFixture.PASSWORD);

        assertThat(select.bodyText())
                .contains("name=\"step\" value=\"SELECT_MFA_TYPE\"")
                .contains("<select id=\"ANSWER\" name=\"ANSWER\">")
                .contains("<option value=\"SMS_MFA\">SMS_MFA</option>")
                .contains("<option value=\"EMAIL_OTP\">EMAIL_OTP</option>");
        HostedResponse code = mfa.post("/login", query, OAuthFixture.stepFields(select) + "&ANSWER=EMAIL_OTP");
        assertThat(code.bodyText())
                .contains("name=\"step\" value=\"EMAIL_OTP\"")
                .contains("EMAIL_OTP_CODE");

        HostedResponse done = mfa.post(
                "/login",
                query,
                OAuthFixture.stepFields(code) + "&EMAIL_OTP_CODE=" + fixture.latestCode(poolId, OAuthFixture.USER));

        assertThat(done.header("Location")).startsWith(OAuthFixture.CALLBACK + "?code=");
    }

    @Test
    void aStepThePagesCannotAnswerSendsTheUserBackToSignIn() {
        HostedResponse page = this.oauth.get("/login", this.query);

        HostedResponse back = this.oauth.post(
                "/login",
                this.query,
                "_csrf=" + OAuthFixture.csrf(page) + "&step=CUSTOM_CHALLENGE&session=x&username=jane");

        assertThat(back.status()).isEqualTo(400);
        assertThat(back.bodyText())
                .contains("<title>Sign in</title>")
                .contains("role=\"alert\" class=\"error\">Invalid session for the user.</div>");
    }

    @Test
    void anUnknownStepSendsTheUserBackToSignIn() {
        HostedResponse page = this.oauth.get("/login", this.query);

        HostedResponse back = this.oauth.post(
                "/login", this.query, "_csrf=" + OAuthFixture.csrf(page) + "&step=BOGUS&session=x&username=jane");

        assertThat(back.bodyText())
                .contains("<title>Sign in</title>")
                .contains("role=\"alert\" class=\"error\">Invalid session for the user.</div>");
    }

    @Test
    void aClientWithASecretSignsInWithoutTheUserKnowingIt() {
        OAuthFixture secret = OAuthFixture.create(SignInFixture.create(), Map.of(), Map.of("GenerateSecret", true));
        secret.fixture.createUser(secret.poolId, "newbie");
        String query = secret.authorizeQuery();
        HostedResponse step = secret.signIn(query, "newbie", SignInFixture.TEMPORARY_PASSWORD);

        HostedResponse done = secret.post(
                "/login",
                query,
                OAuthFixture.stepFields(step) + "&NEW_PASSWORD=" + Parameters.encode(SignInFixture.OTHER_PASSWORD));

        assertThat(done.header("Location")).startsWith(OAuthFixture.CALLBACK + "?code=");
    }

    @Test
    void aForgedSessionOnAStepIsRefused() {
        HostedResponse page = this.oauth.get("/login", this.query);

        HostedResponse refused = this.oauth.post(
                "/login",
                this.query,
                "_csrf=" + OAuthFixture.csrf(page) + "&step=SOFTWARE_TOKEN_MFA&session=forged&username=jane"
                        + "&SOFTWARE_TOKEN_MFA_CODE=123456");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.bodyText())
                .contains("Enter the code from your authenticator app.")
                .contains("class=\"error\">");
    }

    @Test
    void theLoginPageChecksTheAuthorizationRequest() {
        assertThat(this.oauth
                        .get("/login", this.oauth.authorizeQuery("redirect_uri", "https://evil.example/"))
                        .header("Location"))
                .isEqualTo(this.oauth.siteUrl() + "/error?error=redirect_mismatch&client_id=" + this.oauth.client.id());
    }

    @Test
    void theLoginPageAnswersFromTheSessionUnlessPromptLogin() {
        this.oauth.signIn(this.query, OAuthFixture.USER, SignInFixture.PASSWORD);

        assertThat(this.oauth.get("/login", this.query).header("Location"))
                .startsWith(OAuthFixture.CALLBACK + "?code=");
        assertThat(this.oauth
                        .get("/login", this.oauth.authorizeQuery("prompt", "login"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theMfaChoicesAreReadFromTheChallenge() {
        assertThat(LoginPage.choices("[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]"))
                .containsExactly("SMS_MFA", "SOFTWARE_TOKEN_MFA");
        assertThat(LoginPage.choices(null)).isEqualTo(List.of());
    }
}
