package io.github.cognitoemulator.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.MfaFixture;
import io.github.cognitoemulator.core.SignInFixture;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** MFA_SETUP on the login page: an authenticator app added with the secret key shown, then its code. */
class LoginPageMfaSetupTest {

    private static final Pattern SECRET = Pattern.compile("<p>Secret key: ([A-Z2-7]+)</p>");

    private final SignInFixture fixture = SignInFixture.create();

    private OAuthFixture onPool(boolean sms, boolean softwareToken) {
        String poolId = new MfaFixture(this.fixture).createPool("ON", sms, softwareToken, false);
        return OAuthFixture.onPool(this.fixture, poolId);
    }

    private static String secret(HostedResponse page) {
        Matcher matcher = SECRET.matcher(page.bodyText());
        assertThat(matcher.find()).as(page.bodyText()).isTrue();
        return matcher.group(1);
    }

    @Test
    void aUserWithoutAFactorSetsUpAnAuthenticatorAppAndIsSignedIn() {
        OAuthFixture oauth = onPool(false, true);
        String query = oauth.authorizeQuery();

        HostedResponse setup = oauth.signIn(query, OAuthFixture.USER, SignInFixture.PASSWORD);

        assertThat(setup.bodyText()).contains("<title>Set up");
        assertThat(setup.status()).isEqualTo(200);
        String secret = secret(setup);
        assertThat(secret).hasSize(52);
        String poolName = this.fixture
                .call("DescribeUserPool", java.util.Map.of("UserPoolId", oauth.poolId))
                .string("UserPool", "Name");
        assertThat(setup.bodyText())
                .contains("<title>Set up an authenticator app</title>")
                .contains("<div id=\"errors\" role=\"alert\"></div>")
                .contains("<p>Add an account to your authenticator app with this secret key, then enter the code the"
                        + " app shows.</p>")
                .contains("<a href=\""
                        + HostedPage.escape(LoginPage.otpauthUri(
                                this.fixture
                                        .emulator()
                                        .store()
                                        .pools()
                                        .find(oauth.poolId)
                                        .orElseThrow(),
                                OAuthFixture.USER,
                                secret))
                        + "\">Open in an authenticator app</a>")
                .contains("otpauth://totp/" + Parameters.encode(poolName + ":jane") + "?secret=" + secret)
                .contains("name=\"step\" value=\"MFA_SETUP\"")
                .contains("name=\"username\" value=\"jane\"")
                .contains("name=\"secret\" value=\"" + secret + "\"")
                .contains("<label for=\"USER_CODE\">Code</label>")
                .contains("id=\"USER_CODE\" name=\"USER_CODE\" autocomplete=\"one-time-code\" required>");

        HostedResponse wrong = oauth.post("/login", query, OAuthFixture.stepFields(setup) + "&USER_CODE=000000");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(secret(wrong)).isEqualTo(secret);
        assertThat(wrong.bodyText())
                .contains("<title>Set up an authenticator app</title>")
                .contains("role=\"alert\" class=\"error\">Code mismatch and fail enable Software Token MFA</div>")
                .contains("name=\"session\" value=\""
                        + OAuthFixture.parameter("?" + OAuthFixture.stepFields(setup), "session"));
        assertThat(oauth.cookies).doesNotContainKey("cognito");

        HostedResponse done = oauth.post(
                "/login",
                query,
                OAuthFixture.stepFields(wrong) + "&USER_CODE="
                        + MfaFixture.code(secret, this.fixture.clock().instant()));

        assertThat(done.status()).isEqualTo(302);
        assertThat(done.header("Location")).startsWith(OAuthFixture.CALLBACK + "?code=");
        assertThat(this.fixture.adminGetUser(oauth.poolId, OAuthFixture.USER).json())
                .containsEntry("PreferredMfaSetting", "SOFTWARE_TOKEN_MFA")
                .containsEntry("UserMFASettingList", List.of("SOFTWARE_TOKEN_MFA"));
    }

    @Test
    void aPoolOfferingNoSoftwareTokenLeavesNothingThePageCanSetUp() {
        OAuthFixture oauth = onPool(true, false);

        HostedResponse page = oauth.signIn(oauth.authorizeQuery(), OAuthFixture.USER, SignInFixture.PASSWORD);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.bodyText())
                .contains("<title>Sign in</title>")
                .contains("role=\"alert\" class=\"error\">This sign-in step is not available on the login page.</div>");
    }

    @Test
    void aForgedSetupSessionSendsTheUserBackToSignIn() {
        OAuthFixture oauth = onPool(false, true);
        String query = oauth.authorizeQuery();
        HostedResponse page = oauth.get("/login", query);

        HostedResponse back = oauth.post(
                "/login",
                query,
                "_csrf=" + OAuthFixture.csrf(page) + "&step=MFA_SETUP&username=jane&USER_CODE=123456&session="
                        + "f".repeat(40));

        assertThat(back.status()).isEqualTo(400);
        assertThat(back.bodyText())
                .contains("<title>Sign in</title>")
                .contains("role=\"alert\" class=\"error\">Invalid session for the user.</div>");
    }

    @Test
    void theKeyUriNamesThePoolAndTheUser() {
        assertThat(LoginPage.otpauthUri(
                        this.fixture
                                .emulator()
                                .store()
                                .pools()
                                .find(this.fixture.createPool())
                                .orElseThrow(),
                        "jane doe",
                        "ABC"))
                .matches("otpauth://totp/[^?]+%3Ajane%20doe\\?secret=ABC&issuer=[^&]+");
    }
}
