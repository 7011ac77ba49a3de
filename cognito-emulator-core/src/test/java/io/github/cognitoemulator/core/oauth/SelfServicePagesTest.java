package io.github.cognitoemulator.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.message.Message;
import io.github.cognitoemulator.core.oauth.SelfServiceBrowser.Page;
import io.github.cognitoemulator.core.trigger.PreSignUpTrigger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SelfServicePagesTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:";

    private static final String CALLBACK = "https://app.example.com/callback";

    private static final String MISMATCH = "Invalid verification code provided, please try again.";

    private static final String EXPIRED = "Invalid code provided, please request a code again.";

    private static final Map<String, Object> REQUIRED_EMAIL =
            Map.of("Name", "email", "AttributeDataType", "String", "Required", true, "Mutable", true);

    private PreSignUpTrigger.Response decision = PreSignUpTrigger.Response.proceed();

    private final SignInFixture fixture = SignInFixture.create((builder) -> builder.lambdaFunction(
                    "pre-sign-up", (PreSignUpTrigger) (event) -> this.decision)
            .lambdaFunction("reject", (PreSignUpTrigger) (event) -> {
                throw new IllegalArgumentException("Invalid email domain");
            }));

    private final String poolId = this.fixture.createPool(
            Map.of("AutoVerifiedAttributes", List.of("email"), "Schema", List.of(REQUIRED_EMAIL)));

    private final AppClient client = oauthClient(this.poolId, Map.of());

    private final SelfServiceBrowser browser = new SelfServiceBrowser(this.fixture.emulator(), this.poolId);

    private AppClient oauthClient(String poolId, Map<String, ?> extra) {
        Map<String, Object> settings = new LinkedHashMap<>(extra);
        settings.put("AllowedOAuthFlows", List.of("code"));
        settings.put("AllowedOAuthFlowsUserPoolClient", true);
        settings.put("AllowedOAuthScopes", List.of("openid", "email"));
        settings.put("CallbackURLs", List.of(CALLBACK));
        settings.put("SupportedIdentityProviders", List.of("COGNITO"));
        return this.fixture.createPasswordClient(poolId, settings);
    }

    /** The authorization request as the browser sends it. */
    private static String authorize(AppClient client) {
        return "client_id=" + client.id()
                + "&response_type=code&scope=openid+email&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback"
                + "&state=st%3D1";
    }

    /** The same authorization request as the pages carry it on. */
    private static String carried(AppClient client) {
        return "client_id=" + client.id()
                + "&response_type=code&scope=openid%20email&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback"
                + "&state=st%3D1";
    }

    private String query() {
        return authorize(this.client);
    }

    private String url(String path) {
        return this.browser.siteUrl() + path + "?" + carried(this.client);
    }

    private Page signUp(String... fields) {
        this.browser.get("/signup", query());
        return this.browser.post("/signup", query(), fields);
    }

    private Page signUpAlice() {
        return signUp("username", "alice", "email", "alice@example.com", "password", SignInFixture.PASSWORD);
    }

    private String codeOf(String username) {
        return this.fixture.latestCode(this.poolId, username);
    }

    private static String wrong(String code) {
        return (code.charAt(0) == '9' ? "0" : String.valueOf((char) (code.charAt(0) + 1))) + code.substring(1);
    }

    private String signInError(AppClient client, String username, String password) {
        return this.fixture.signIn(client.id(), username, password).error();
    }

    private boolean signsIn(String username, String password) {
        return this.fixture.signIn(this.client.id(), username, password).status() == 200;
    }

    @Nested
    class SignUpPage {

        @Test
        void showsAnAccessibleFormForTheUsernameTheRequiredAttributesAndANewPassword() {
            Page page = browser.get("/signup", query());

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.response().header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
            assertThat(page.response().header("Cache-Control")).isEqualTo("no-store");
            assertThat(page.html()).contains("<title>Sign up</title>");
            assertThat(page.alert()).isEmpty();
            assertThat(page.html())
                    .contains("<p>Passwords need at least 8 characters, with an uppercase letter, a"
                            + " lowercase letter, a number and a symbol.</p>");
            assertThat(page.html()).contains("<label for=\"username\">Username</label>");
            assertThat(page.input("username"))
                    .isEqualTo("<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\""
                            + " required>");
            assertThat(page.html()).contains("<label for=\"email\">Email address</label>");
            assertThat(page.input("email"))
                    .isEqualTo("<input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"email\" required>");
            assertThat(page.input("password"))
                    .isEqualTo("<input type=\"password\" id=\"password\" name=\"password\""
                            + " autocomplete=\"new-password\" required>");
            assertThat(page.html().indexOf("id=\"email\""))
                    .isBetween(
                            page.html().indexOf("id=\"username\""), page.html().indexOf("id=\"password\""));
            assertThat(page.formActions()).containsExactly(url("/signup"));
            assertThat(page.links()).containsExactly(url("/login"));
            assertThat(page.html()).contains("Already have an account? Sign in");
        }

        @Test
        void setsTheXsrfCookieAndRepeatsItInTheForm() {
            Page page = browser.get("/signup", query());

            String token = browser.cookies().get(Csrf.COOKIE);
            assertThat(token).isNotBlank();
            assertThat(page.input(Csrf.FIELD))
                    .isEqualTo("<input type=\"hidden\" name=\"_csrf\" value=\"" + token + "\">");

            Page again = browser.get("/signup", query());
            assertThat(again.response().header("Set-Cookie")).isNull();
            assertThat(again.input(Csrf.FIELD)).contains(token);
        }

        @Test
        void asksOnlyForTheEmailAddressWherePeopleSignInWithIt() {
            String emailPool = fixture.createPool(Map.of(
                    "UsernameAttributes", List.of("email"),
                    "AutoVerifiedAttributes", List.of("email"),
                    "Schema", List.of(REQUIRED_EMAIL)));
            AppClient emailClient = oauthClient(emailPool, Map.of());

            Page page = new SelfServiceBrowser(fixture.emulator(), emailPool).get("/signup", authorize(emailClient));

            assertThat(page.html()).contains("<label for=\"username\">Email address</label>");
            assertThat(page.input("username")).contains("type=\"email\"").contains("autocomplete=\"username\"");
            assertThat(page.input("email")).isNull();
        }

        @Test
        void labelsTheUsernameByThePoolsSignInAttributes() {
            String phonePool = fixture.createPool(Map.of("UsernameAttributes", List.of("phone_number")));
            String eitherPool = fixture.createPool(Map.of("UsernameAttributes", List.of("email", "phone_number")));

            Page phone = new SelfServiceBrowser(fixture.emulator(), phonePool)
                    .get("/signup", authorize(oauthClient(phonePool, Map.of())));
            Page either = new SelfServiceBrowser(fixture.emulator(), eitherPool)
                    .get("/signup", authorize(oauthClient(eitherPool, Map.of())));

            assertThat(phone.html()).contains("<label for=\"username\">Phone number</label>");
            assertThat(phone.input("username")).contains("type=\"tel\"");
            assertThat(either.html()).contains("<label for=\"username\">Email address or phone number</label>");
            assertThat(either.input("username")).contains("type=\"text\"");
        }

        @Test
        void asksForEveryRequiredAttributeButTheUsernamesOwnWhenBothSignInAttributesAreAllowed() {
            String pool = fixture.createPool(Map.of(
                    "UsernameAttributes",
                    List.of("email", "phone_number"),
                    "Schema",
                    List.of(
                            REQUIRED_EMAIL,
                            Map.of("Name", "given_name", "AttributeDataType", "String", "Required", true))));

            Page page = new SelfServiceBrowser(fixture.emulator(), pool)
                    .get("/signup", authorize(oauthClient(pool, Map.of())));

            // Typing a phone number as the username still leaves the required email address to ask for.
            assertThat(page.input("email")).isNotNull();
            assertThat(page.html()).contains("<label for=\"given_name\">Given name</label>");
            assertThat(page.input("given_name")).contains("autocomplete=\"given-name\"");
        }

        @Test
        void signingUpSendsACodeAndLeadsToItsConfirmationWithTheSameAuthorizationRequest() {
            Page page = signUpAlice();

            assertThat(page.status()).isEqualTo(302);
            assertThat(page.location()).isEqualTo(url("/confirmUser") + "&username=alice");
            assertThat(page.response().header("Cache-Control")).isEqualTo("no-store");
            assertThat(fixture.statusOf(poolId, "alice")).isEqualTo("UNCONFIRMED");
            assertThat(fixture.attributesOf(poolId, "alice")).containsEntry("email", "alice@example.com");
            Message message = fixture.emulator().inbox().latest(poolId, "alice");
            assertThat(message).isNotNull();
            assertThat(message.type()).isEqualTo("SignUp");
            assertThat(message.destination()).isEqualTo("alice@example.com");
        }

        @Test
        void anAttributeLeftEmptyIsNotSentSoTheSchemaRefusesItInCognitosWords() {
            Page page = signUp("username", "alice", "email", "  ", "password", SignInFixture.PASSWORD);

            assertThat(page.status()).isEqualTo(400);
            assertThat(page.alert())
                    .isEqualTo("Attributes did not conform to the schema: email: The attribute is required");
            assertThat(fixture.adminGetUser(poolId, "alice").status()).isEqualTo(400);
        }

        @Test
        void aPasswordBreakingThePolicyIsRefusedAndTheFormKeepsAllButThePassword() {
            Page page = signUp("username", " alice ", "email", "alice@example.com", "password", "short");

            assertThat(page.status()).isEqualTo(400);
            assertThat(page.alert()).isEqualTo("Password did not conform with policy: Password not long enough");
            assertThat(page.input("username")).contains("value=\"alice\"");
            assertThat(page.input("email")).contains("value=\"alice@example.com\"");
            assertThat(page.input("password")).doesNotContain("value=");
            assertThat(page.html()).doesNotContain("short");
            assertThat(page.formActions()).containsExactly(url("/signup"));
            assertThat(fixture.adminGetUser(poolId, "alice").status()).isEqualTo(400);
        }

        @Test
        void theValuesShownAgainAreEscaped() {
            Page page = signUp("username", "alice", "email", "\"><script>x</script>", "password", "short");

            assertThat(page.html()).doesNotContain("<script>");
            assertThat(page.input("email")).contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\"");
        }

        @Test
        void aTakenUsernameIsRefused() {
            signUpAlice();

            Page page = signUpAlice();

            assertThat(page.alert()).isEqualTo("User already exists");
        }

        @Test
        void aTakenEmailAddressIsRefusedWherePeopleSignInWithIt() {
            String emailPool = fixture.createPool(
                    Map.of("UsernameAttributes", List.of("email"), "AutoVerifiedAttributes", List.of("email")));
            AppClient emailClient = oauthClient(emailPool, Map.of());
            SelfServiceBrowser emailBrowser = new SelfServiceBrowser(fixture.emulator(), emailPool);
            emailBrowser.get("/signup", authorize(emailClient));
            emailBrowser.post(
                    "/signup",
                    authorize(emailClient),
                    "username",
                    "carol@example.com",
                    "password",
                    SignInFixture.PASSWORD);

            Page page = emailBrowser.post(
                    "/signup",
                    authorize(emailClient),
                    "username",
                    "carol@example.com",
                    "password",
                    SignInFixture.PASSWORD);

            assertThat(page.alert()).isEqualTo("An account with the given email already exists.");
        }

        @Test
        void aUsernameThatIsNotAnEmailAddressIsRefusedWherePeopleSignInWithOne() {
            String emailPool = fixture.createPool(Map.of("UsernameAttributes", List.of("email")));
            AppClient emailClient = oauthClient(emailPool, Map.of());
            SelfServiceBrowser emailBrowser = new SelfServiceBrowser(fixture.emulator(), emailPool);
            emailBrowser.get("/signup", authorize(emailClient));

            Page page = emailBrowser.post(
                    "/signup", authorize(emailClient), "username", "carol", "password", SignInFixture.PASSWORD);

            assertThat(page.alert()).isEqualTo("Username should be an email.");
            assertThat(page.input("username")).contains("value=\"carol\"");
        }

        @Test
        void aSecretClientSignsUpWithTheSecretHashManagedLoginComputes() {
            AppClient secretClient = oauthClient(poolId, Map.of("GenerateSecret", true));
            assertThat(secretClient.secret()).isNotNull();
            browser.get("/signup", authorize(secretClient));

            Page page = browser.post(
                    "/signup",
                    authorize(secretClient),
                    "username",
                    "dave",
                    "email",
                    "dave@example.com",
                    "password",
                    SignInFixture.PASSWORD);

            assertThat(page.location())
                    .isEqualTo(browser.siteUrl() + "/confirmUser?" + carried(secretClient) + "&username=dave");
            assertThat(fixture.statusOf(poolId, "dave")).isEqualTo("UNCONFIRMED");
        }

        @Test
        void aUserThePreSignUpTriggerConfirmsGoesOnToSignIn() {
            String triggered = fixture.createPool(Map.of(
                    "AutoVerifiedAttributes", List.of("email"),
                    "LambdaConfig", Map.of("PreSignUp", ARN + "pre-sign-up")));
            AppClient triggeredClient = oauthClient(triggered, Map.of());
            SelfServiceBrowser triggeredBrowser = new SelfServiceBrowser(fixture.emulator(), triggered);
            decision = new PreSignUpTrigger.Response(true, false, false);
            triggeredBrowser.get("/signup", authorize(triggeredClient));

            Page page = triggeredBrowser.post(
                    "/signup", authorize(triggeredClient), "username", "erin", "password", SignInFixture.PASSWORD);

            assertThat(page.status()).isEqualTo(302);
            assertThat(page.location()).isEqualTo(triggeredBrowser.siteUrl() + "/login?" + carried(triggeredClient));
            assertThat(fixture.statusOf(triggered, "erin")).isEqualTo("CONFIRMED");
            assertThat(fixture.emulator().inbox().latest(triggered, "erin")).isNull();
        }

        @Test
        void aPreSignUpTriggerRefusalIsShownInCognitosWords() {
            String guarded = fixture.createPool(Map.of("LambdaConfig", Map.of("PreSignUp", ARN + "reject")));
            AppClient guardedClient = oauthClient(guarded, Map.of());
            SelfServiceBrowser guardedBrowser = new SelfServiceBrowser(fixture.emulator(), guarded);
            guardedBrowser.get("/signup", authorize(guardedClient));

            Page page = guardedBrowser.post(
                    "/signup", authorize(guardedClient), "username", "jon", "password", SignInFixture.PASSWORD);

            assertThat(page.status()).isEqualTo(400);
            assertThat(page.alert()).isEqualTo("PreSignUp failed with error Invalid email domain.");
            assertThat(page.input("username")).contains("value=\"jon\"");
            assertThat(fixture.adminGetUser(guarded, "jon").status()).isEqualTo(400);
        }

        @Test
        void aUserWithNoAddressThePoolVerifiesGoesOnToTheLoginPageUnconfirmed() {
            String quiet = fixture.createPool();
            AppClient quietClient = oauthClient(quiet, Map.of());
            SelfServiceBrowser quietBrowser = new SelfServiceBrowser(fixture.emulator(), quiet);
            quietBrowser.get("/signup", authorize(quietClient));

            Page page = quietBrowser.post(
                    "/signup", authorize(quietClient), "username", "frank", "password", SignInFixture.PASSWORD);

            assertThat(page.location()).isEqualTo(quietBrowser.siteUrl() + "/login?" + carried(quietClient));
            assertThat(fixture.statusOf(quiet, "frank")).isEqualTo("UNCONFIRMED");
        }

        @Test
        void isNotOfferedWhereOnlyAdministratorsCreateUsers() {
            String closed =
                    fixture.createPool(Map.of("AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", true)));
            AppClient closedClient = oauthClient(closed, Map.of());
            SelfServiceBrowser closedBrowser = new SelfServiceBrowser(fixture.emulator(), closed);

            Page shown = closedBrowser.get("/signup", authorize(closedClient));
            Page posted = closedBrowser.post(
                    "/signup", authorize(closedClient), "username", "gina", "password", SignInFixture.PASSWORD);

            assertThat(shown.status()).isEqualTo(404);
            assertThat(shown.alert()).isEqualTo("SignUp is not permitted for this user pool");
            assertThat(shown.links()).containsExactly(closedBrowser.siteUrl() + "/login?" + carried(closedClient));
            assertThat(shown.input("username")).isNull();
            assertThat(posted.status()).isEqualTo(404);
            assertThat(fixture.adminGetUser(closed, "gina").status()).isEqualTo(400);
        }

        @Test
        void isOfferedWhereUsersMaySignUp() {
            String open =
                    fixture.createPool(Map.of("AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", false)));

            Page page = new SelfServiceBrowser(fixture.emulator(), open)
                    .get("/signup", authorize(oauthClient(open, Map.of())));

            assertThat(page.status()).isEqualTo(200);
        }

        @Test
        void aFormWithoutTheXsrfTokenOfItsCookieIsRefused() {
            browser.get("/signup", query());

            Page noField = browser.postExactly(
                    "/signup",
                    query(),
                    "username",
                    "alice",
                    "email",
                    "a@example.com",
                    "password",
                    SignInFixture.PASSWORD);
            Page wrongField = browser.postExactly(
                    "/signup", query(), "username", "alice", "password", SignInFixture.PASSWORD, "_csrf", "forged");

            assertThat(noField.status()).isEqualTo(403);
            assertThat(noField.alert()).isEqualTo(SelfServicePages.REFUSED_FORM);
            assertThat(noField.links()).containsExactly(url("/signup"));
            assertThat(wrongField.status()).isEqualTo(403);
            assertThat(fixture.adminGetUser(poolId, "alice").status()).isEqualTo(400);
        }

        @Test
        void aCallbackTheClientDoesNotListGetsTheErrorPageBeforeAnyForm() {
            String query = "client_id=" + client.id() + "&response_type=code&redirect_uri=https%3A%2F%2Fevil.example";

            Page shown = browser.get("/signup", query);
            Page posted = browser.post(
                    "/signup",
                    query,
                    "username",
                    "alice",
                    "email",
                    "alice@example.com",
                    "password",
                    SignInFixture.PASSWORD);

            assertThat(shown.status()).isEqualTo(302);
            assertThat(shown.location())
                    .isEqualTo(browser.siteUrl() + "/error?error=redirect_mismatch&client_id=" + client.id());
            assertThat(posted.location()).isEqualTo(shown.location());
            assertThat(fixture.adminGetUser(poolId, "alice").status()).isEqualTo(400);
        }

        @Test
        void isServedOnThePoolsPrefixDomainWithLinksThatStayThere() {
            fixture.call("CreateUserPoolDomain", Map.of("UserPoolId", poolId, "Domain", "my-app"))
                    .requireSuccess();
            SelfServiceBrowser onDomain = new SelfServiceBrowser(fixture.emulator(), "my-app");

            Page page = onDomain.get("/signup", query());

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.formActions())
                    .containsExactly(SelfServiceBrowser.ISSUER_BASE + "/my-app/signup?" + carried(client));
            assertThat(page.links())
                    .containsExactly(SelfServiceBrowser.ISSUER_BASE + "/my-app/login?" + carried(client));
        }

        @Test
        void otherMethodsAreNotAllowed() {
            Page page = browser.send("PUT", "/signup", query(), Map.of(), new byte[0]);

            assertThat(page.status()).isEqualTo(405);
            assertThat(page.response().header("Allow")).isEqualTo("GET, POST");
        }
    }

    @Nested
    class ConfirmUserPage {

        @Test
        void showsTheCodeFormForTheUserNamedAndOffersANewCode() {
            Page page = browser.get("/confirmUser", query() + "&username=alice");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.html()).contains("<title>Confirm your account</title>");
            assertThat(page.alert()).isEmpty();
            assertThat(page.html()).contains("Enter the code we sent you when you signed up");
            assertThat(page.input("username"))
                    .isEqualTo("<input type=\"text\" id=\"username\" name=\"username\""
                            + " autocomplete=\"username\" required value=\"alice\">");
            assertThat(page.input("code"))
                    .isEqualTo("<input type=\"text\" id=\"code\" name=\"code\""
                            + " autocomplete=\"one-time-code\" required>");
            assertThat(page.formActions()).containsExactly(url("/confirmUser"), url("/confirmUser"));
            assertThat(page.html()).contains("<input type=\"hidden\" name=\"step\" value=\"resend\">");
            assertThat(page.html()).contains("<input type=\"hidden\" name=\"username\" value=\"alice\">");
            assertThat(page.links()).containsExactly(url("/login"));
        }

        @Test
        void offersNoNewCodeUntilTheUserIsNamed() {
            Page unnamed = browser.get("/confirmUser", query());
            Page empty = browser.get("/confirmUser", query() + "&username=");

            assertThat(unnamed.formActions()).hasSize(1);
            assertThat(unnamed.input("username")).doesNotContain("value=");
            assertThat(empty.formActions()).hasSize(1);
        }

        @Test
        void offersNoNewCodeWhenTheFormNamedNoUser() {
            browser.get("/confirmUser", query());

            Page page = browser.post("/confirmUser", query(), "step", "confirm", "username", " ", "code", "123456");

            assertThat(page.alert()).startsWith("2 validation errors detected: Value at 'username'");
            assertThat(page.formActions()).hasSize(1);
        }

        @Test
        void theLoginPageCanSendAnUnconfirmedUserHereWithTheAuthorizationRequest() {
            HostedRequest login = new HostedRequest(
                    "GET",
                    poolId,
                    browser.siteUrl(),
                    SelfServiceBrowser.ISSUER_BASE,
                    "/login",
                    query() + "&username=old",
                    Map.of(),
                    new byte[0]);

            assertThat(SelfServicePages.confirmUserUrl(login, "a b&c"))
                    .isEqualTo(url("/confirmUser") + "&username=a%20b%26c");
        }

        @Test
        void theCodeSentConfirmsTheUserWhoThenSignsInWithTheSameAuthorizationRequest() {
            signUpAlice();

            Page page = browser.post(
                    "/confirmUser",
                    query(),
                    "step",
                    "confirm",
                    "username",
                    "alice",
                    "code",
                    " " + codeOf("alice") + " ");

            assertThat(page.status()).isEqualTo(302);
            assertThat(page.location()).isEqualTo(url("/login"));
            assertThat(fixture.statusOf(poolId, "alice")).isEqualTo("CONFIRMED");
            assertThat(fixture.attributesOf(poolId, "alice")).containsEntry("email_verified", "true");
            assertThat(signsIn("alice", SignInFixture.PASSWORD)).isTrue();
        }

        @Test
        void aNewUserEndsTheAuthorizationAtTheCallbackOnceConfirmedAndSignedIn() {
            signUpAlice();
            Page confirmed = browser.post(
                    "/confirmUser", query(), "step", "confirm", "username", "alice", "code", codeOf("alice"));
            String loginQuery =
                    confirmed.location().substring(confirmed.location().indexOf('?') + 1);

            browser.get("/login", loginQuery);
            Page signedIn = browser.post("/login", loginQuery, "username", "alice", "password", SignInFixture.PASSWORD);

            assertThat(signedIn.status()).isEqualTo(302);
            assertThat(signedIn.location()).startsWith(CALLBACK + "?code=").endsWith("&state=st%3D1");
        }

        @Test
        void theConfirmationKeepsTheAuthorizationRequestButNotTheUsername() {
            signUpAlice();

            Page page = browser.post(
                    "/confirmUser",
                    query() + "&username=alice",
                    "step",
                    "confirm",
                    "username",
                    "alice",
                    "code",
                    codeOf("alice"));

            assertThat(page.location()).isEqualTo(url("/login"));
        }

        @Test
        void aWrongCodeIsRefusedAndTheFormKeepsTheUsername() {
            signUpAlice();

            Page page = browser.post(
                    "/confirmUser", query(), "step", "confirm", "username", "alice", "code", wrong(codeOf("alice")));

            assertThat(page.status()).isEqualTo(400);
            assertThat(page.alert()).isEqualTo(MISMATCH);
            assertThat(page.input("username")).contains("value=\"alice\"");
            assertThat(page.input("code")).doesNotContain("value=");
            assertThat(page.formActions()).hasSize(2);
            assertThat(fixture.statusOf(poolId, "alice")).isEqualTo("UNCONFIRMED");
        }

        @Test
        void aCodeOlderThanADayHasExpired() {
            signUpAlice();
            String code = codeOf("alice");
            fixture.clock().advance(Duration.ofHours(24).plusSeconds(1));

            Page page = browser.post("/confirmUser", query(), "step", "confirm", "username", "alice", "code", code);

            assertThat(page.alert()).isEqualTo(EXPIRED);
        }

        @Test
        void wrongCodesUseUpTheAttemptsTheUserIsAllowed() {
            signUpAlice();
            String code = codeOf("alice");
            for (int i = 0; i < 15; i++) {
                assertThat(browser.post(
                                        "/confirmUser",
                                        query(),
                                        "step",
                                        "confirm",
                                        "username",
                                        "alice",
                                        "code",
                                        wrong(code))
                                .alert())
                        .isEqualTo(MISMATCH);
            }

            Page page = browser.post("/confirmUser", query(), "step", "confirm", "username", "alice", "code", code);

            assertThat(page.alert()).isEqualTo("Attempt limit exceeded, please try after some time.");
            assertThat(fixture.statusOf(poolId, "alice")).isEqualTo("UNCONFIRMED");
        }

        @Test
        void aNewCodeIsSentOnRequestAndReplacesTheOldOne() {
            signUpAlice();
            String first = codeOf("alice");

            Page resent = browser.post("/confirmUser", query(), "step", "resend", "username", "alice");

            assertThat(resent.status()).isEqualTo(200);
            assertThat(resent.alert()).isEmpty();
            assertThat(resent.html()).contains("We sent a new code by email to a***@e***.");
            assertThat(fixture.emulator().inbox().latest(poolId, "alice").type())
                    .isEqualTo("ResendCode");
            String second = codeOf("alice");
            assertThat(browser.post("/confirmUser", query(), "step", "confirm", "username", "alice", "code", first)
                            .alert())
                    .isEqualTo(EXPIRED);
            assertThat(browser.post("/confirmUser", query(), "step", "confirm", "username", "alice", "code", second)
                            .location())
                    .isEqualTo(url("/login"));
        }

        @Test
        void aNewCodeByTextMessageSaysSo() {
            String phonePool = fixture.createPool(Map.of(
                    "AutoVerifiedAttributes",
                    List.of("phone_number"),
                    "Schema",
                    List.of(Map.of("Name", "phone_number", "AttributeDataType", "String", "Required", true))));
            AppClient phoneClient = oauthClient(phonePool, Map.of());
            SelfServiceBrowser phoneBrowser = new SelfServiceBrowser(fixture.emulator(), phonePool);
            Page form = phoneBrowser.get("/signup", authorize(phoneClient));
            assertThat(form.html()).contains("<label for=\"phone_number\">Phone number</label>");
            assertThat(form.input("phone_number")).contains("type=\"tel\"").contains("autocomplete=\"tel\"");
            phoneBrowser.post(
                    "/signup",
                    authorize(phoneClient),
                    "username",
                    "hal",
                    "phone_number",
                    "+15555550100",
                    "password",
                    SignInFixture.PASSWORD);

            Page page = phoneBrowser.post("/confirmUser", authorize(phoneClient), "step", "resend", "username", "hal");

            assertThat(page.html()).contains("We sent a new code by text message to +*******0100.");
        }

        @Test
        void aConfirmedUserGetsNoNewCode() {
            signUpAlice();
            browser.post("/confirmUser", query(), "step", "confirm", "username", "alice", "code", codeOf("alice"));

            Page page = browser.post("/confirmUser", query(), "step", "resend", "username", "alice");

            assertThat(page.status()).isEqualTo(400);
            assertThat(page.alert()).isEqualTo("User is already confirmed.");
            assertThat(page.html()).contains("Enter the code we sent you when you signed up");
        }

        @Test
        void aConfirmedUserCannotBeConfirmedAgain() {
            signUpAlice();
            String code = codeOf("alice");
            browser.post("/confirmUser", query(), "step", "confirm", "username", "alice", "code", code);

            Page page = browser.post("/confirmUser", query(), "step", "confirm", "username", "alice", "code", code);

            assertThat(page.alert()).isEqualTo("User cannot be confirmed. Current status is CONFIRMED");
        }

        @Test
        void anUnknownUserIsNamedUnknownByALegacyClient() {
            browser.get("/confirmUser", query());
            Page confirm =
                    browser.post("/confirmUser", query(), "step", "confirm", "username", "nobody", "code", "123456");
            Page resend = browser.post("/confirmUser", query(), "step", "resend", "username", "nobody");

            assertThat(confirm.alert()).isEqualTo("Username/client id combination not found.");
            assertThat(resend.alert()).isEqualTo("Username/client id combination not found.");
        }

        @Test
        void anUnknownUserLooksLikeAWrongCodeToAClientPreventingUserExistenceErrors() {
            AppClient hiding = oauthClient(poolId, Map.of("PreventUserExistenceErrors", "ENABLED"));
            browser.get("/confirmUser", authorize(hiding));

            Page confirm = browser.post(
                    "/confirmUser", authorize(hiding), "step", "confirm", "username", "nobody", "code", "123456");
            Page resend = browser.post("/confirmUser", authorize(hiding), "step", "resend", "username", "nobody");

            assertThat(confirm.alert()).isEqualTo(MISMATCH);
            assertThat(resend.alert()).isEmpty();
            assertThat(resend.html()).contains("We sent a new code by email to n***@n***.");
        }

        @Test
        void anEmptyCodeIsRefusedByTheApisValidation() {
            signUpAlice();

            Page page = browser.post("/confirmUser", query(), "step", "confirm", "username", "alice", "code", "");

            assertThat(page.alert())
                    .isEqualTo("2 validation errors detected: Value at 'confirmationCode' failed to satisfy constraint:"
                            + " Member must satisfy regular expression pattern: [\\S]+; Value at 'confirmationCode'"
                            + " failed to satisfy constraint: Member must have length greater than or equal to 1");
        }

        @Test
        void aSecretClientConfirmsWithTheSecretHashManagedLoginComputes() {
            AppClient secretClient = oauthClient(poolId, Map.of("GenerateSecret", true));
            browser.get("/signup", authorize(secretClient));
            browser.post(
                    "/signup",
                    authorize(secretClient),
                    "username",
                    "ivy",
                    "email",
                    "ivy@example.com",
                    "password",
                    SignInFixture.PASSWORD);

            Page page = browser.post(
                    "/confirmUser",
                    authorize(secretClient),
                    "step",
                    "confirm",
                    "username",
                    "ivy",
                    "code",
                    codeOf("ivy"));

            assertThat(page.location()).isEqualTo(browser.siteUrl() + "/login?" + carried(secretClient));
            assertThat(fixture.statusOf(poolId, "ivy")).isEqualTo("CONFIRMED");
        }

        @Test
        void aFormWithoutTheXsrfTokenIsRefusedBeforeTheCodeIsTried() {
            signUpAlice();

            Page page = browser.postExactly(
                    "/confirmUser", query(), "step", "confirm", "username", "alice", "code", codeOf("alice"));

            assertThat(page.status()).isEqualTo(403);
            assertThat(page.links()).containsExactly(url("/confirmUser"));
            assertThat(fixture.statusOf(poolId, "alice")).isEqualTo("UNCONFIRMED");
        }
    }

    @Nested
    class ForgotPasswordPage {

        private final String bob = "bob";

        ForgotPasswordPage() {
            fixture.createConfirmedUser(
                    poolId, bob, SignInFixture.PASSWORD, "email", "bob@example.com", "email_verified", "true");
        }

        private Page requestCode(@Nullable AppClient as, String username) {
            String query = (as != null) ? authorize(as) : query();
            browser.get("/forgotPassword", query);
            return browser.post("/forgotPassword", query, "username", username);
        }

        private Page choose(String code, String password) {
            return browser.post(
                    "/forgotPassword", query(), "step", "confirm", "username", bob, "code", code, "password", password);
        }

        @Test
        void asksForTheUsername() {
            Page page = browser.get("/forgotPassword", query());

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.html()).contains("<title>Forgot your password?</title>");
            assertThat(page.alert()).isEmpty();
            assertThat(page.input("username"))
                    .isEqualTo("<input type=\"text\" id=\"username\" name=\"username\""
                            + " autocomplete=\"username\" required>");
            assertThat(page.input(Csrf.FIELD)).isNotNull();
            assertThat(page.formActions()).containsExactly(url("/forgotPassword"));
            assertThat(page.links()).containsExactly(url("/login"));
        }

        @Test
        void sendsACodeAndAsksForItWithTheNewPassword() {
            Page page = requestCode(null, " bob ");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.html()).contains("<title>Reset your password</title>");
            assertThat(page.alert()).isEmpty();
            assertThat(page.html()).contains("We sent a code by email to b***@e***.");
            assertThat(page.html())
                    .contains("<p>Passwords need at least 8 characters, with an uppercase letter, a"
                            + " lowercase letter, a number and a symbol.</p>");
            assertThat(page.input("code")).contains("autocomplete=\"one-time-code\"");
            assertThat(page.input("password"))
                    .isEqualTo("<input type=\"password\" id=\"password\" name=\"password\""
                            + " autocomplete=\"new-password\" required>");
            assertThat(page.html()).contains("<input type=\"hidden\" name=\"step\" value=\"confirm\">");
            assertThat(page.html()).contains("<input type=\"hidden\" name=\"username\" value=\"bob\">");
            assertThat(page.formActions()).containsExactly(url("/forgotPassword"), url("/forgotPassword"));
            assertThat(page.links()).containsExactly(url("/login"));
            Message message = fixture.emulator().inbox().latest(poolId, bob);
            assertThat(message.type()).isEqualTo("ForgotPassword");
        }

        @Test
        void theCodeAndANewPasswordResetThePasswordAndLeadBackToSignIn() {
            requestCode(null, bob);

            Page page = choose(codeOf(bob), SignInFixture.OTHER_PASSWORD);

            assertThat(page.status()).isEqualTo(302);
            assertThat(page.location()).isEqualTo(url("/login"));
            assertThat(signsIn(bob, SignInFixture.OTHER_PASSWORD)).isTrue();
            assertThat(signsIn(bob, SignInFixture.PASSWORD)).isFalse();
        }

        @Test
        void aWrongCodeIsRefusedOnTheSameStep() {
            requestCode(null, bob);

            Page page = choose(wrong(codeOf(bob)), SignInFixture.OTHER_PASSWORD);

            assertThat(page.status()).isEqualTo(400);
            assertThat(page.alert()).isEqualTo(MISMATCH);
            assertThat(page.html()).contains("Enter the code we sent you with your new password.");
            assertThat(page.html()).contains("<input type=\"hidden\" name=\"username\" value=\"bob\">");
            assertThat(page.html()).doesNotContain(SignInFixture.OTHER_PASSWORD);
            assertThat(signsIn(bob, SignInFixture.PASSWORD)).isTrue();
        }

        @Test
        void aPasswordBreakingThePolicyIsRefusedAndLeavesTheCodeUsable() {
            requestCode(null, bob);
            String code = codeOf(bob);

            Page refused = choose(code, "short");

            assertThat(refused.alert()).isEqualTo("Password does not conform to policy: Password not long enough");
            assertThat(choose(code, SignInFixture.OTHER_PASSWORD).location()).isEqualTo(url("/login"));
        }

        @Test
        void aCodeOlderThanAnHourHasExpired() {
            requestCode(null, bob);
            String code = codeOf(bob);
            fixture.clock().advance(Duration.ofHours(1).plusSeconds(1));

            assertThat(choose(code, SignInFixture.OTHER_PASSWORD).alert()).isEqualTo(EXPIRED);
        }

        @Test
        void aNewCodeReplacesTheOldOne() {
            requestCode(null, bob);
            String first = codeOf(bob);

            Page resent = browser.post("/forgotPassword", query(), "username", bob);

            assertThat(resent.html()).contains("We sent a code by email to b***@e***.");
            assertThat(choose(first, SignInFixture.OTHER_PASSWORD).alert()).isEqualTo(EXPIRED);
            assertThat(choose(codeOf(bob), SignInFixture.OTHER_PASSWORD).location())
                    .isEqualTo(url("/login"));
        }

        @Test
        void anUnknownUserIsNamedUnknownByALegacyClientAndKeptInTheForm() {
            Page page = requestCode(null, "nobody");

            assertThat(page.status()).isEqualTo(400);
            assertThat(page.html()).contains("<title>Forgot your password?</title>");
            assertThat(page.alert()).isEqualTo("Username/client id combination not found.");
            assertThat(page.input("username")).contains("value=\"nobody\"");
        }

        @Test
        void anUnknownUserGetsTheNextStepFromAClientPreventingUserExistenceErrors() {
            AppClient hiding = oauthClient(poolId, Map.of("PreventUserExistenceErrors", "ENABLED"));

            Page page = requestCode(hiding, "nobody");
            Page chosen = browser.post(
                    "/forgotPassword",
                    authorize(hiding),
                    "step",
                    "confirm",
                    "username",
                    "nobody",
                    "code",
                    "123456",
                    "password",
                    SignInFixture.OTHER_PASSWORD);

            assertThat(page.html()).contains("We sent a code by email to n***@n***.");
            assertThat(chosen.alert()).isEqualTo(MISMATCH);
        }

        @Test
        void aDisabledUserCannotReset() {
            fixture.call("AdminDisableUser", Map.of("UserPoolId", poolId, "Username", bob))
                    .requireSuccess();

            assertThat(requestCode(null, bob).alert()).isEqualTo("User is disabled.");
        }

        @Test
        void aUserWithoutAVerifiedAddressCannotReset() {
            fixture.createConfirmedUser(poolId, "kim", SignInFixture.PASSWORD, "email", "kim@example.com");

            assertThat(requestCode(null, "kim").alert())
                    .isEqualTo("Cannot reset password for the user as there is no registered/verified email or"
                            + " phone_number");
        }

        @Test
        void aSecretClientResetsWithTheSecretHashManagedLoginComputes() {
            AppClient secretClient = oauthClient(poolId, Map.of("GenerateSecret", true));
            requestCode(secretClient, bob);

            Page page = browser.post(
                    "/forgotPassword",
                    authorize(secretClient),
                    "step",
                    "confirm",
                    "username",
                    bob,
                    "code",
                    codeOf(bob),
                    "password",
                    SignInFixture.OTHER_PASSWORD);

            assertThat(page.location()).isEqualTo(browser.siteUrl() + "/login?" + carried(secretClient));
            assertThat(signsIn(bob, SignInFixture.OTHER_PASSWORD)).isTrue();
        }

        @Test
        void isNotOfferedWhereOnlyAdministratorsRecoverAccounts() {
            String adminOnly = fixture.createPool(Map.of(
                    "AccountRecoverySetting",
                    Map.of("RecoveryMechanisms", List.of(Map.of("Name", "admin_only", "Priority", 1)))));
            AppClient adminOnlyClient = oauthClient(adminOnly, Map.of());
            SelfServiceBrowser adminOnlyBrowser = new SelfServiceBrowser(fixture.emulator(), adminOnly);

            Page shown = adminOnlyBrowser.get("/forgotPassword", authorize(adminOnlyClient));
            Page posted = adminOnlyBrowser.post("/forgotPassword", authorize(adminOnlyClient), "username", "bob");

            assertThat(shown.status()).isEqualTo(404);
            assertThat(shown.alert()).isEqualTo(SelfServicePages.RESET_NOT_PERMITTED);
            assertThat(shown.input("username")).isNull();
            assertThat(posted.status()).isEqualTo(404);
        }

        @Test
        void isOfferedWhereUsersRecoverByEmailOrPhone() {
            String recovering = fixture.createPool(Map.of(
                    "AccountRecoverySetting",
                    Map.of(
                            "RecoveryMechanisms",
                            List.of(
                                    Map.of("Name", "verified_email", "Priority", 1),
                                    Map.of("Name", "verified_phone_number", "Priority", 2)))));

            Page page = new SelfServiceBrowser(fixture.emulator(), recovering)
                    .get("/forgotPassword", authorize(oauthClient(recovering, Map.of())));

            assertThat(page.status()).isEqualTo(200);
        }

        @Test
        void aFormWithoutTheXsrfTokenIsRefused() {
            browser.get("/forgotPassword", query());

            Page page = browser.postExactly("/forgotPassword", query(), "username", bob);

            assertThat(page.status()).isEqualTo(403);
            assertThat(fixture.emulator().inbox().latest(poolId, bob)).isNull();
        }
    }
}
