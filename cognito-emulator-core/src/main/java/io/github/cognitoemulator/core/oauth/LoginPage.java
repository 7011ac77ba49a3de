package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.auth.ChallengeName;
import io.github.cognitoemulator.core.auth.HostedSignInStep;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.pool.UserPool;
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
 */
final class LoginPage {

    /** The form field naming the step a post answers. */
    static final String STEP = "step";

    private static final Pattern QUOTED = Pattern.compile("\"([A-Z_]+)\"");

    private final OAuthContext context;

    private final AuthorizationChecks checks;

    private final SignedInBrowser browsers;

    private final Completion completion;

    private final Csrf csrf;

    LoginPage(
            OAuthContext context,
            AuthorizationChecks checks,
            SignedInBrowser browsers,
            Completion completion,
            Csrf csrf) {
        this.context = Objects.requireNonNull(context, "'context' must not be null");
        this.checks = Objects.requireNonNull(checks, "'checks' must not be null");
        this.browsers = Objects.requireNonNull(browsers, "'browsers' must not be null");
        this.completion = Objects.requireNonNull(completion, "'completion' must not be null");
        this.csrf = Objects.requireNonNull(csrf, "'csrf' must not be null");
    }

    HostedResponse handle(HostedRequest http, UserPool pool) {
        Parameters query = Parameters.query(http);
        AuthorizationChecks.Outcome outcome = this.checks.check(http, pool, query);
        if (outcome instanceof AuthorizationChecks.Refused refused) {
            return refused.response();
        }
        AuthorizationChecks.Accepted accepted = (AuthorizationChecks.Accepted) outcome;
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
            return signInPage(http, null, null);
        }
        Parameters form = Parameters.form(http);
        if (!Csrf.accepts(http, form)) {
            return ErrorPage.page(403);
        }
        String step = form.nonEmpty(STEP);
        try {
            HostedSignInStep next = (step == null)
                    ? signIn(http, pool, accepted.client(), form)
                    : answer(http, pool, accepted.client(), step, form);
            if (next instanceof HostedSignInStep.SignedIn signedIn) {
                return this.completion.complete(
                        http, pool, accepted.client(), accepted.request(), signedIn.user(), signedIn.authTime(), true);
            }
            HostedSignInStep.Challenge challenge = (HostedSignInStep.Challenge) next;
            return challengePage(http, challenge, form.first("username"), null);
        } catch (CognitoException failed) {
            if (step == null || !isAnswerable(step)) {
                return signInPage(http, form.first("username"), failed.getMessage());
            }
            // A wrong answer keeps the user on the step, with the session she had.
            HostedSignInStep.Challenge same = new HostedSignInStep.Challenge(
                    ChallengeName.valueOf(step), Objects.toString(form.first("session"), ""), Map.of());
            return challengePage(http, same, form.first("username"), failed.getMessage());
        }
    }

    private HostedSignInStep signIn(HostedRequest http, UserPool pool, UserPoolClient client, Parameters form) {
        String username = form.nonEmpty("username");
        String password = form.nonEmpty("password");
        if (username == null || password == null) {
            throw new CognitoException(
                    io.github.cognitoemulator.core.error.ErrorType.INVALID_PARAMETER,
                    "Please enter your username and password.");
        }
        return this.context.signIn().hostedSignIn(pool, client, username, password, this.context.requestContext(http));
    }

    private HostedSignInStep answer(
            HostedRequest http, UserPool pool, UserPoolClient client, String step, Parameters form) {
        ChallengeName challenge = Arrays.stream(ChallengeName.values())
                .filter((name) -> name.name().equals(step))
                .findFirst()
                .orElseThrow(() -> new CognitoException(
                        io.github.cognitoemulator.core.error.ErrorType.NOT_AUTHORIZED,
                        "Invalid session for the user."));
        String answerName = answerName(challenge);
        String answer = Objects.toString(form.first(answerName), "");
        return this.context
                .signIn()
                .hostedRespond(
                        pool,
                        client,
                        challenge,
                        Objects.toString(form.first("session"), ""),
                        Objects.toString(form.first("username"), ""),
                        Map.of(answerName, answer),
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

    /** The sign-in form, posting back to the same URL so that the authorization request stays in the query. */
    private HostedResponse signInPage(HostedRequest http, @Nullable String username, @Nullable String error) {
        Csrf.Issued token = this.csrf.issue(http);
        HostedPage.Form form = token.addTo(HostedPage.Form.posting(action(http)))
                .input("text", "username", "Username", "username", username)
                .input("password", "password", "Password", "current-password", null)
                .submit("Sign in");
        HostedPage page = HostedPage.titled("Sign in").alert(error).form(form);
        String query = (http.rawQuery() != null) ? "?" + http.rawQuery() : "";
        page.link(http.siteUrl() + "/forgotPassword" + query, "Forgot your password?")
                .link(http.siteUrl() + "/signup" + query, "Need an account? Sign up");
        return page.response((error == null) ? 200 : 400, token.cookies());
    }

    private HostedResponse challengePage(
            HostedRequest http,
            HostedSignInStep.Challenge challenge,
            @Nullable String username,
            @Nullable String error) {
        if (!isAnswerable(challenge.name().name())) {
            return signInPage(http, username, "This sign-in step is not available on the login page.");
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
