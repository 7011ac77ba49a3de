package io.github.cognitoemulator.core.oauth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.cognitoemulator.core.auth.ChallengeName;
import io.github.cognitoemulator.core.auth.HostedSignInStep;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.provider.IdentityProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code /login}: the sign-in page with a username and password, then the steps the pool's sign-in calls for (a new
 * password in place of a temporary one, an MFA code), driven through the same sign-in as the API. The authorization
 * request rides in the page's query all along; every form carries the XSRF token.
 *
 * <p>The page offers what the app client supports: a button per external identity provider of its
 * {@code SupportedIdentityProviders}, which goes back to {@code /oauth2/authorize} naming it, and the username and
 * password form only when {@code COGNITO} is among them.
 */
final class LoginPage {

    /** The form field naming the step a post answers. */
    static final String STEP = "step";

    /** The form field of the code an authenticator app shows, on the MFA_SETUP step. */
    static final String SETUP_CODE = "USER_CODE";

    /** The hidden field carrying the secret key shown on the MFA_SETUP step, to show it again after a wrong code. */
    static final String SETUP_SECRET = "secret";

    /** Shown for a step the pages cannot take the user through. */
    static final String UNAVAILABLE_STEP = "This sign-in step is not available on the login page.";

    private static final Pattern QUOTED = Pattern.compile("\"([A-Z_]+)\"");

    private final OAuthContext context;

    private final AuthorizationChecks checks;

    private final SignedInBrowser browsers;

    private final Completion completion;

    private final Csrf csrf;

    private final SelfServicePages selfService;

    LoginPage(
            OAuthContext context,
            AuthorizationChecks checks,
            SignedInBrowser browsers,
            Completion completion,
            Csrf csrf,
            SelfServicePages selfService) {
        this.context = Objects.requireNonNull(context, "'context' must not be null");
        this.checks = Objects.requireNonNull(checks, "'checks' must not be null");
        this.browsers = Objects.requireNonNull(browsers, "'browsers' must not be null");
        this.completion = Objects.requireNonNull(completion, "'completion' must not be null");
        this.csrf = Objects.requireNonNull(csrf, "'csrf' must not be null");
        this.selfService = Objects.requireNonNull(selfService, "'selfService' must not be null");
    }

    HostedResponse handle(HostedRequest http, UserPool pool) {
        Parameters query = Parameters.query(http);
        AuthorizationChecks.Outcome outcome = this.checks.check(http, pool, query);
        if (outcome instanceof AuthorizationChecks.Refused refused) {
            return refused.response();
        }
        AuthorizationChecks.Accepted accepted = (AuthorizationChecks.Accepted) outcome;
        UserPoolClient client = accepted.client();
        if (!"POST".equals(http.method())) {
            List<String> prompt = SignedInBrowser.prompt(query);
            if (!prompt.contains("login")) {
                Optional<SignedInBrowser.Session> session = this.browsers.of(http, pool);
                if (session.isPresent()) {
                    return this.completion.complete(
                            http,
                            pool,
                            accepted.client(),
                            accepted.request(),
                            session.get().user(),
                            session.get().authTime(),
                            false);
                }
            }
            return signInPage(http, pool, client, null, null);
        }
        if (!OAuthClients.supportsCognito(client)) {
            // The client signs users in through its external providers only: there is no password to check.
            return ErrorPage.page(400);
        }
        Parameters form = Parameters.form(http);
        if (!Csrf.accepts(http, form)) {
            return ErrorPage.page(403);
        }
        String step = form.nonEmpty(STEP);
        try {
            HostedSignInStep next =
                    (step == null) ? signIn(http, pool, client, form) : answer(http, pool, client, step, form);
            if (next instanceof HostedSignInStep.SignedIn signedIn) {
                return this.completion.complete(
                        http, pool, client, accepted.request(), signedIn.user(), signedIn.authTime(), true);
            }
            HostedSignInStep.Challenge challenge = (HostedSignInStep.Challenge) next;
            return challengePage(http, pool, client, challenge, form.first("username"), null, null);
        } catch (CognitoException failed) {
            if (step == null && failed.type() == ErrorType.USER_NOT_CONFIRMED) {
                return unconfirmed(http, pool, client, Objects.toString(form.nonEmpty("username"), ""), failed);
            }
            if (step == null || !isAnswerable(step)) {
                return signInPage(http, pool, client, form.first("username"), failed.getMessage());
            }
            // A wrong answer keeps the user on the step, with the session she had.
            HostedSignInStep.Challenge same = new HostedSignInStep.Challenge(
                    ChallengeName.valueOf(step), Objects.toString(form.first("session"), ""), Map.of());
            return challengePage(
                    http, pool, client, same, form.first("username"), failed.getMessage(), form.nonEmpty(SETUP_SECRET));
        }
    }

    /**
     * A user who signed up and gave the right password but has not confirmed her account is sent a new code and
     * taken to the confirmation page, which brings her back here once confirmed; where no code can be sent (the
     * pool verifies nothing), she is told why she cannot sign in.
     */
    private HostedResponse unconfirmed(
            HostedRequest http, UserPool pool, UserPoolClient client, String username, CognitoException failed) {
        try {
            this.selfService.sendConfirmationCode(http, pool, client, username);
        } catch (CognitoException notSent) {
            return signInPage(http, pool, client, username, failed.getMessage());
        }
        return Redirects.found(SelfServicePages.confirmUserUrl(http, username));
    }

    private HostedSignInStep signIn(HostedRequest http, UserPool pool, UserPoolClient client, Parameters form) {
        String username = form.nonEmpty("username");
        String password = form.nonEmpty("password");
        if (username == null || password == null) {
            throw new CognitoException(ErrorType.INVALID_PARAMETER, "Please enter your username and password.");
        }
        return this.context.signIn().hostedSignIn(pool, client, username, password, this.context.requestContext(http));
    }

    private HostedSignInStep answer(
            HostedRequest http, UserPool pool, UserPoolClient client, String step, Parameters form) {
        ChallengeName challenge = Arrays.stream(ChallengeName.values())
                .filter((name) -> name.name().equals(step))
                .findFirst()
                .orElseThrow(() -> new CognitoException(ErrorType.NOT_AUTHORIZED, "Invalid session for the user."));
        String session = Objects.toString(form.first("session"), "");
        Map<String, String> answers;
        if (challenge == ChallengeName.MFA_SETUP) {
            // The app's code verifies the token with the challenge's session, as VerifySoftwareToken does for an
            // API caller; the session it hands back then answers the challenge.
            Map<?, ?> verified = this.selfService.run(
                    http,
                    pool,
                    client,
                    "VerifySoftwareToken",
                    JsonNodeFactory.instance
                            .objectNode()
                            .put("Session", session)
                            .put("UserCode", Objects.toString(form.first(SETUP_CODE), "")));
            session = String.valueOf(verified.get("Session"));
            answers = Map.of();
        } else {
            String answerName = answerName(challenge);
            answers = Map.of(answerName, Objects.toString(form.first(answerName), ""));
        }
        return this.context
                .signIn()
                .hostedRespond(
                        pool,
                        client,
                        challenge,
                        session,
                        Objects.toString(form.first("username"), ""),
                        answers,
                        this.context.requestContext(http));
    }

    /** The challenges the pages can show. */
    static boolean isAnswerable(String step) {
        switch (step) {
            case "NEW_PASSWORD_REQUIRED":
            case "SMS_MFA":
            case "EMAIL_OTP":
            case "SOFTWARE_TOKEN_MFA":
            case "SELECT_MFA_TYPE":
            case "MFA_SETUP":
                return true;
            default:
                return false;
        }
    }

    /** The form field, and challenge response, carrying the answer to {@code challenge}. */
    static String answerName(ChallengeName challenge) {
        switch (challenge) {
            case NEW_PASSWORD_REQUIRED:
                return "NEW_PASSWORD";
            case SMS_MFA:
                return "SMS_MFA_CODE";
            case EMAIL_OTP:
                return "EMAIL_OTP_CODE";
            case SOFTWARE_TOKEN_MFA:
                return "SOFTWARE_TOKEN_MFA_CODE";
            default:
                return "ANSWER";
        }
    }

    /**
     * The sign-in page: a button per external identity provider the client supports, in the order of its
     * {@code SupportedIdentityProviders}, then, when it supports {@code COGNITO}, the username and password form
     * posting back to the same URL (so that the authorization request stays in the query) and the links to the
     * self-service pages the pool offers.
     */
    private HostedResponse signInPage(
            HostedRequest http,
            UserPool pool,
            UserPoolClient client,
            @Nullable String username,
            @Nullable String error) {
        HostedPage page = HostedPage.titled("Sign in").alert(error);
        List<IdentityProvider> providers = providers(pool, client);
        boolean corporate = false;
        for (IdentityProvider provider : providers) {
            String social = socialName(provider.providerType());
            if (social == null && !corporate) {
                page.heading("Sign in with your corporate ID");
                corporate = true;
            }
            page.buttonLink(
                    providerUrl(http, provider.providerName()),
                    (social != null) ? "Continue with " + social : provider.providerName());
        }
        if (!OAuthClients.supportsCognito(client)) {
            return page.response((error == null) ? 200 : 400, List.of());
        }
        if (!providers.isEmpty()) {
            page.or().heading("Sign in with your username and password");
        }
        Csrf.Issued token = this.csrf.issue(http);
        HostedPage.Form form = token.addTo(HostedPage.Form.posting(action(http)))
                .input("text", "username", "Username", "username", username)
                .input("password", "password", "Password", "current-password", null)
                .submit("Sign in");
        page.form(form);
        String query = (http.rawQuery() != null) ? "?" + http.rawQuery() : "";
        if (SelfServicePages.offersPasswordReset(pool)) {
            page.link(http.siteUrl() + "/forgotPassword" + query, "Forgot your password?");
        }
        if (SelfServicePages.offersSignUp(pool)) {
            page.link(http.siteUrl() + "/signup" + query, "Need an account? Sign up");
        }
        return page.response((error == null) ? 200 : 400, token.cookies());
    }

    /** The external identity providers of the pool that the client supports, in the client's order. */
    private List<IdentityProvider> providers(UserPool pool, UserPoolClient client) {
        List<IdentityProvider> providers = new ArrayList<>();
        for (String name : OAuthClients.list(client, "SupportedIdentityProviders")) {
            if (!name.equals("COGNITO")) {
                this.context
                        .resources()
                        .find(IdentityProvider.KIND, IdentityProvider.key(pool.id(), name))
                        .ifPresent((found) -> providers.add(found.value()));
            }
        }
        return providers;
    }

    /** The name a social provider's button shows, {@code null} for the corporate ones (OIDC, SAML). */
    static @Nullable String socialName(String providerType) {
        switch (providerType) {
            case "Google":
                return "Google";
            case "Facebook":
                return "Facebook";
            case "LoginWithAmazon":
                return "Amazon";
            case "SignInWithApple":
                return "Apple";
            default:
                return null;
        }
    }

    /** {@code /oauth2/authorize} with the page's authorization request, naming the provider to sign in with. */
    static String providerUrl(HostedRequest http, String providerName) {
        return http.siteUrl() + "/oauth2/authorize?"
                + Parameters.query(http)
                        .without("identity_provider", "idp_identifier")
                        .with("identity_provider", providerName)
                        .encode();
    }

    private HostedResponse challengePage(
            HostedRequest http,
            UserPool pool,
            UserPoolClient client,
            HostedSignInStep.Challenge challenge,
            @Nullable String username,
            @Nullable String error,
            @Nullable String setupSecret) {
        if (!isAnswerable(challenge.name().name())) {
            return signInPage(http, pool, client, username, UNAVAILABLE_STEP);
        }
        if (challenge.name() == ChallengeName.MFA_SETUP) {
            return setupPage(http, pool, client, challenge, username, error, setupSecret);
        }
        Csrf.Issued token = this.csrf.issue(http);
        HostedPage.Form form = token.addTo(HostedPage.Form.posting(action(http)))
                .hidden(STEP, challenge.name().name())
                .hidden("session", challenge.session())
                .hidden("username", username);
        HostedPage page;
        switch (challenge.name()) {
            case NEW_PASSWORD_REQUIRED:
                page = HostedPage.titled("Change password").alert(error).paragraph("Please enter a new password.");
                form.input("password", "NEW_PASSWORD", "New password", "new-password", null)
                        .submit("Send");
                break;
            case SELECT_MFA_TYPE:
                page = HostedPage.titled("Choose a sign-in method").alert(error);
                form.choice("ANSWER", "Method", choices(challenge.parameters().get("MFAS_CAN_CHOOSE")))
                        .submit("Continue");
                break;
            case SOFTWARE_TOKEN_MFA:
                page = HostedPage.titled("Enter the code")
                        .alert(error)
                        .paragraph("Enter the code from your authenticator app.");
                form.input("text", "SOFTWARE_TOKEN_MFA_CODE", "Code", "one-time-code", null)
                        .submit("Sign in");
                break;
            default:
                String destination = challenge.parameters().get("CODE_DELIVERY_DESTINATION");
                page = HostedPage.titled("Enter the code").alert(error);
                page.paragraph(
                        (destination != null)
                                ? "We have sent a code to " + destination + "."
                                : "Enter the code we have sent you.");
                form.input("text", answerName(challenge.name()), "Code", "one-time-code", null)
                        .submit("Sign in");
                break;
        }
        return page.form(form).response((error == null) ? 200 : 400, token.cookies());
    }

    /**
     * MFA_SETUP: the user adds an authenticator app, from the secret key shown as text and as an {@code otpauth} URI,
     * and enters the code it shows. The key comes from AssociateSoftwareToken with the challenge's session, as an API
     * caller gets it; after a wrong code the page shows the same key again. A pool that offers no software tokens
     * leaves nothing the page can set up.
     *
     * @param knownSecret the key already associated, or {@code null} to associate one now
     */
    private HostedResponse setupPage(
            HostedRequest http,
            UserPool pool,
            UserPoolClient client,
            HostedSignInStep.Challenge challenge,
            @Nullable String username,
            @Nullable String error,
            @Nullable String knownSecret) {
        String secret = knownSecret;
        String session = challenge.session();
        if (secret == null && error != null) {
            // A refused answer whose form lost the key: the step cannot go on, the user starts again.
            return signInPage(http, pool, client, username, error);
        }
        if (secret == null) {
            if (!choices(challenge.parameters().get("MFAS_CAN_SETUP")).contains("SOFTWARE_TOKEN_MFA")) {
                return signInPage(http, pool, client, username, UNAVAILABLE_STEP);
            }
            try {
                Map<?, ?> associated = this.selfService.run(
                        http,
                        pool,
                        client,
                        "AssociateSoftwareToken",
                        JsonNodeFactory.instance.objectNode().put("Session", session));
                secret = String.valueOf(associated.get("SecretCode"));
                session = String.valueOf(associated.get("Session"));
            } catch (CognitoException failed) {
                return signInPage(http, pool, client, username, failed.getMessage());
            }
        }
        Csrf.Issued token = this.csrf.issue(http);
        HostedPage.Form form = token.addTo(HostedPage.Form.posting(action(http)))
                .hidden(STEP, ChallengeName.MFA_SETUP.name())
                .hidden("session", session)
                .hidden("username", username)
                .hidden(SETUP_SECRET, secret)
                .input("text", SETUP_CODE, "Code", "one-time-code", null)
                .submit("Sign in");
        HostedPage page = HostedPage.titled("Set up an authenticator app")
                .alert(error)
                .paragraph("Add an account to your authenticator app with this secret key, then enter the code the"
                        + " app shows.")
                .paragraph("Secret key: " + secret)
                .link(otpauthUri(pool, Objects.toString(username, ""), secret), "Open in an authenticator app");
        return page.form(form).response((error == null) ? 200 : 400, token.cookies());
    }

    /** The key URI authenticator apps read: the pool's name as the issuer, the user's name as the account. */
    static String otpauthUri(UserPool pool, String username, String secret) {
        return "otpauth://totp/" + Parameters.encode(pool.name() + ":" + username) + "?secret=" + secret + "&issuer="
                + Parameters.encode(pool.name());
    }

    /** The factors of SELECT_MFA_TYPE's {@code MFAS_CAN_CHOOSE}, a JSON array of names. */
    static List<String> choices(@Nullable String json) {
        List<String> choices = new ArrayList<>();
        if (json != null) {
            Matcher matcher = QUOTED.matcher(json);
            while (matcher.find()) {
                choices.add(matcher.group(1));
            }
        }
        return choices;
    }

    private static String action(HostedRequest http) {
        return http.siteUrl() + "/login" + ((http.rawQuery() != null) ? "?" + http.rawQuery() : "");
    }
}
