package io.github.cognitoemulator.core.oauth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cognitoemulator.core.auth.SecretHash;
import io.github.cognitoemulator.core.client.ClientSecrets;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.support.Ids;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The self-service pages of managed login: {@code /signup}, {@code /confirmUser} and {@code /forgotPassword}, reached
 * from the login page with the same authorization request.
 *
 * <p>The pages run the API's own actions (SignUp, ConfirmSignUp, ResendConfirmationCode, ForgotPassword,
 * ConfirmForgotPassword) for the app client of the authorization request, so that the password policy, the required
 * attributes, the codes, the triggers and {@code PreventUserExistenceErrors} apply as they do to API callers; a refusal
 * is shown in the page with Cognito's message. The authorization request travels in each page's query, and in the
 * action of its forms, so that the user ends up back at {@code /login} with it once done.
 */
public final class SelfServicePages {

    /** The paths these pages answer. */
    public static final List<String> PATHS = List.of("/signup", "/confirmUser", "/forgotPassword");

    /** The query parameter and form field naming the user on the confirmation and reset steps. */
    static final String USERNAME = SignUpFields.USERNAME;

    /** The form field of a password. */
    static final String PASSWORD = SignUpFields.PASSWORD;

    /** The form field of a code the user received. */
    static final String CODE = "code";

    /** The form field telling a form's step apart from the others posted to the same page. */
    static final String STEP = "step";

    /** {@link #STEP} of the form sending a confirmation code again. */
    static final String RESEND = "resend";

    /** {@link #STEP} of the form choosing a new password with the code received. */
    static final String CONFIRM = "confirm";

    /** Shown when a form comes back without the XSRF token of the page it was served in. */
    static final String REFUSED_FORM =
            "The form was sent without a valid session token. Open the page again and send it from there.";

    /** Shown on {@code /signup} where the pool lets only administrators create users; Cognito's SignUp message. */
    static final String SIGN_UP_NOT_PERMITTED = "SignUp is not permitted for this user pool";

    /** Shown on {@code /forgotPassword} where the pool's account recovery is {@code admin_only}. */
    static final String RESET_NOT_PERMITTED =
            "Users of this user pool cannot reset their own password; an administrator must reset it.";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Actions actions;

    private final ClientSecrets clientSecrets;

    private final Csrf csrf;

    private final Ids ids;

    /**
     * @param actions runs the pool's actions as the API does
     * @param clientSecrets the app clients' secrets, to compute the {@code SecretHash} the actions ask of secret
     *     clients
     * @param csrf the XSRF tokens of the forms
     * @param ids the request ids of the actions run
     */
    public SelfServicePages(Actions actions, ClientSecrets clientSecrets, Csrf csrf, Ids ids) {
        this.actions = Objects.requireNonNull(actions, "'actions' must not be null");
        this.clientSecrets = Objects.requireNonNull(clientSecrets, "'clientSecrets' must not be null");
        this.csrf = Objects.requireNonNull(csrf, "'csrf' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    /**
     * Whether {@code pool} lets users sign themselves up, so that the login page links to {@code /signup}: not where
     * {@code AdminCreateUserConfig.AllowAdminCreateUserOnly} is true.
     */
    public static boolean offersSignUp(UserPool pool) {
        return !(pool.settings().get("AdminCreateUserConfig") instanceof Map<?, ?> config
                && Boolean.TRUE.equals(config.get("AllowAdminCreateUserOnly")));
    }

    /**
     * Whether {@code pool} lets users reset a forgotten password, so that the login page links to
     * {@code /forgotPassword}: not where its {@code AccountRecoverySetting} is {@code admin_only}.
     */
    public static boolean offersPasswordReset(UserPool pool) {
        if (pool.settings().get("AccountRecoverySetting") instanceof Map<?, ?> setting
                && setting.get("RecoveryMechanisms") instanceof List<?> mechanisms) {
            return mechanisms.stream()
                    .noneMatch((mechanism) ->
                            mechanism instanceof Map<?, ?> named && "admin_only".equals(named.get("Name")));
        }
        return true;
    }

    /**
     * The page confirming {@code username}'s sign-up, with the authorization request of {@code request}: where the
     * login page sends a user who signed up but has not confirmed yet.
     */
    public static String confirmUserUrl(HostedRequest request, String username) {
        return request.siteUrl() + "/confirmUser?"
                + Parameters.query(request).with(USERNAME, username).encode();
    }

    /**
     * Sends {@code username} a new code confirming the sign-up, as the confirmation page's "send a new code" does:
     * what the login page does before sending a user who has not confirmed yet to {@link #confirmUserUrl}.
     *
     * @throws CognitoException ResendConfirmationCode's refusal, such as a pool that verifies nothing
     */
    void sendConfirmationCode(HostedRequest request, UserPool pool, UserPoolClient client, String username) {
        Visit visit = new Visit(request, pool, client, Parameters.NONE, Parameters.NONE, true);
        call(visit, "ResendConfirmationCode", clientRequest(visit, username));
    }

    /**
     * Runs {@code action} with {@code body} for another page of managed login, as the API runs it.
     *
     * @return the response shape, empty for Cognito's {@code {}}
     * @throws CognitoException the error Cognito answers with
     */
    Map<?, ?> run(HostedRequest request, UserPool pool, UserPoolClient client, String action, ObjectNode body) {
        return call(new Visit(request, pool, client, Parameters.NONE, Parameters.NONE, true), action, body);
    }

    /**
     * Answers one of {@link #PATHS}.
     *
     * @param request the browser's request (GET shows a page, POST takes its form)
     * @param pool the pool the site serves
     * @param client the app client named by {@code client_id}
     * @param authorization the authorization request carried through the pages, checked against {@code client}; the
     *     pages carry it on as the query it came in
     */
    public HostedResponse handle(
            HostedRequest request, UserPool pool, UserPoolClient client, AuthorizationRequest authorization) {
        boolean post = "POST".equals(request.method());
        if (!post && !"GET".equals(request.method())) {
            return HostedResponse.of(
                    405,
                    "text/plain;charset=UTF-8",
                    "Method Not Allowed",
                    List.of(new HostedResponse.Header("Allow", "GET, POST")));
        }
        Visit visit = new Visit(
                request,
                pool,
                client,
                Parameters.query(request).without(USERNAME),
                post ? Parameters.form(request) : Parameters.NONE,
                post);
        // A page the pool does not offer is answered as such whatever is sent to it, a form included.
        if ("/signup".equals(request.path()) && !offersSignUp(pool)) {
            return unavailable(visit, "Sign up", SIGN_UP_NOT_PERMITTED);
        }
        if ("/forgotPassword".equals(request.path()) && !offersPasswordReset(pool)) {
            return unavailable(visit, "Forgot your password?", RESET_NOT_PERMITTED);
        }
        if (post && !Csrf.accepts(request, visit.form())) {
            return refused(visit);
        }
        switch (request.path()) {
            case "/signup":
                return signUp(visit);
            case "/confirmUser":
                return confirmUser(visit);
            case "/forgotPassword":
                return forgotPassword(visit);
            default:
                return HostedResponse.of(404, "text/plain;charset=UTF-8", "Not Found", List.of());
        }
    }

    // Sign-up.

    private HostedResponse signUp(Visit visit) {
        if (!visit.post()) {
            return signUpPage(visit, null, Map.of());
        }
        Map<String, String> typed = new LinkedHashMap<>();
        String username = visit.trimmed(USERNAME);
        typed.put(USERNAME, username);
        ObjectNode body = clientRequest(visit, username).put("Password", visit.raw(PASSWORD));
        ArrayNode attributes = body.putArray("UserAttributes");
        for (SignUpFields.Field field : SignUpFields.attributes(visit.pool())) {
            String value = visit.trimmed(field.name());
            typed.put(field.name(), value);
            if (!value.isEmpty()) {
                attributes.addObject().put("Name", field.name()).put("Value", value);
            }
        }
        Map<?, ?> result;
        try {
            result = call(visit, "SignUp", body);
        } catch (CognitoException refused) {
            return signUpPage(visit, refused.getMessage(), typed);
        }
        if (!Boolean.TRUE.equals(result.get("UserConfirmed")) && result.get("CodeDeliveryDetails") != null) {
            return redirect(visit.url("/confirmUser", username));
        }
        // Confirmed at once by the pre sign-up trigger, or with no code to confirm with (the pool verifies nothing
        // the user gave): either way, what is left is signing in.
        return redirect(visit.url("/login", null));
    }

    private HostedResponse signUpPage(Visit visit, @Nullable String error, Map<String, String> typed) {
        HostedPage page = HostedPage.titled("Sign up")
                .alert(error)
                .paragraph(SignUpFields.passwordRules(visit.pool().passwordPolicy()));
        Csrf.Issued token = this.csrf.issue(visit.request());
        HostedPage.Form form = token.addTo(HostedPage.Form.posting(visit.url("/signup", null)));
        SignUpFields.Field username = SignUpFields.username(visit.pool());
        input(form, username, typed);
        for (SignUpFields.Field field : SignUpFields.attributes(visit.pool())) {
            input(form, field, typed);
        }
        form.input("password", PASSWORD, "Password", "new-password", null).submit("Sign up");
        return page.form(form)
                .link(visit.url("/login", null), "Already have an account? Sign in")
                .response(status(error), token.cookies());
    }

    private static void input(HostedPage.Form form, SignUpFields.Field field, Map<String, String> typed) {
        form.input(field.type(), field.name(), field.label(), field.autocomplete(), typed.get(field.name()));
    }

    // Confirming the sign-up with the code sent.

    private HostedResponse confirmUser(Visit visit) {
        if (!visit.post()) {
            return confirmPage(visit, Parameters.query(visit.request()).nonEmpty(USERNAME), null, null);
        }
        String username = visit.trimmed(USERNAME);
        if (RESEND.equals(visit.form().first(STEP))) {
            try {
                Delivery delivery = Delivery.of(call(visit, "ResendConfirmationCode", clientRequest(visit, username)));
                return confirmPage(visit, username, delivery, null);
            } catch (CognitoException refused) {
                return confirmPage(visit, username, null, refused.getMessage());
            }
        }
        ObjectNode body = clientRequest(visit, username).put("ConfirmationCode", visit.trimmed(CODE));
        try {
            call(visit, "ConfirmSignUp", body);
        } catch (CognitoException refused) {
            return confirmPage(visit, username, null, refused.getMessage());
        }
        return redirect(visit.url("/login", null));
    }

    private HostedResponse confirmPage(
            Visit visit, @Nullable String username, @Nullable Delivery resent, @Nullable String error) {
        HostedPage page = HostedPage.titled("Confirm your account").alert(error);
        page.paragraph(
                (resent != null)
                        ? "We sent a new code by " + resent.describe() + ". Enter it below to confirm your account."
                        : "Enter the code we sent you when you signed up to confirm your account.");
        Csrf.Issued token = this.csrf.issue(visit.request());
        String action = visit.url("/confirmUser", null);
        HostedPage.Form confirm = token.addTo(HostedPage.Form.posting(action))
                .hidden(STEP, CONFIRM)
                .input("text", USERNAME, SignUpFields.username(visit.pool()).label(), "username", username)
                .input("text", CODE, "Verification code", "one-time-code", null)
                .submit("Confirm account");
        page.form(confirm);
        if (username != null && !username.isEmpty()) {
            // Resending needs the name: offered once it is known, from the query or the form sent.
            page.form(token.addTo(HostedPage.Form.posting(action))
                    .hidden(STEP, RESEND)
                    .hidden(USERNAME, username)
                    .submit("Resend code"));
        }
        return page.link(visit.url("/login", null), "Back to sign in").response(status(error), token.cookies());
    }

    // Resetting a forgotten password.

    private HostedResponse forgotPassword(Visit visit) {
        if (!visit.post()) {
            return requestCodePage(visit, null, null);
        }
        String username = visit.trimmed(USERNAME);
        if (CONFIRM.equals(visit.form().first(STEP))) {
            ObjectNode body = clientRequest(visit, username)
                    .put("ConfirmationCode", visit.trimmed(CODE))
                    .put("Password", visit.raw(PASSWORD));
            try {
                call(visit, "ConfirmForgotPassword", body);
            } catch (CognitoException refused) {
                return newPasswordPage(visit, username, null, refused.getMessage());
            }
            return redirect(visit.url("/login", null));
        }
        try {
            Delivery delivery = Delivery.of(call(visit, "ForgotPassword", clientRequest(visit, username)));
            return newPasswordPage(visit, username, delivery, null);
        } catch (CognitoException refused) {
            return requestCodePage(visit, username, refused.getMessage());
        }
    }

    private HostedResponse requestCodePage(Visit visit, @Nullable String username, @Nullable String error) {
        HostedPage page = HostedPage.titled("Forgot your password?").alert(error);
        page.paragraph("Enter your username and we will send you a code to reset your password.");
        Csrf.Issued token = this.csrf.issue(visit.request());
        HostedPage.Form form = token.addTo(HostedPage.Form.posting(visit.url("/forgotPassword", null)))
                .input("text", USERNAME, SignUpFields.username(visit.pool()).label(), "username", username)
                .submit("Reset my password");
        return page.form(form)
                .link(visit.url("/login", null), "Back to sign in")
                .response(status(error), token.cookies());
    }

    private HostedResponse newPasswordPage(
            Visit visit, String username, @Nullable Delivery sent, @Nullable String error) {
        HostedPage page = HostedPage.titled("Reset your password").alert(error);
        page.paragraph(
                (sent != null)
                        ? "We sent a code by " + sent.describe() + ". Enter it below with your new password."
                        : "Enter the code we sent you with your new password.");
        page.paragraph(SignUpFields.passwordRules(visit.pool().passwordPolicy()));
        Csrf.Issued token = this.csrf.issue(visit.request());
        String action = visit.url("/forgotPassword", null);
        page.form(token.addTo(HostedPage.Form.posting(action))
                .hidden(STEP, CONFIRM)
                .hidden(USERNAME, username)
                .input("text", CODE, "Verification code", "one-time-code", null)
                .input("password", PASSWORD, "New password", "new-password", null)
                .submit("Change password"));
        page.form(token.addTo(HostedPage.Form.posting(action))
                .hidden(USERNAME, username)
                .submit("Send a new code"));
        return page.link(visit.url("/login", null), "Back to sign in").response(status(error), token.cookies());
    }

    // Shared answers.

    /** A page showing a refusal answers 400, as the login page does; else 200. */
    private static int status(@Nullable String error) {
        return (error == null) ? 200 : 400;
    }

    private HostedResponse unavailable(Visit visit, String title, String reason) {
        return HostedPage.titled(title)
                .alert(reason)
                .link(visit.url("/login", null), "Back to sign in")
                .response(404, List.of());
    }

    private HostedResponse refused(Visit visit) {
        String path = visit.request().path();
        return HostedPage.titled("Request refused")
                .alert(REFUSED_FORM)
                .link(visit.url(path, null), "Open the page again")
                .response(403, List.of());
    }

    private static HostedResponse redirect(String location) {
        return new HostedResponse(
                302,
                List.of(
                        new HostedResponse.Header("Location", location),
                        new HostedResponse.Header("Cache-Control", "no-store")),
                new byte[0]);
    }

    /** A request body naming the app client and the user, with the secret hash a secret client needs. */
    private ObjectNode clientRequest(Visit visit, String username) {
        ObjectNode body =
                JSON.objectNode().put("ClientId", visit.client().clientId()).put("Username", username);
        List<String> secrets = this.clientSecrets.values(visit.client());
        if (!secrets.isEmpty()) {
            // Managed login acts for the client, whose secret it knows: any active secret makes a valid hash.
            body.put(
                    "SecretHash",
                    SecretHash.compute(secrets.get(0), username, visit.client().clientId()));
        }
        return body;
    }

    private Map<?, ?> call(Visit visit, String action, ObjectNode body) {
        RequestContext context = new RequestContext(
                visit.pool().region(), this.ids.uuid(), visit.request().issuerBaseUrl());
        Object result = this.actions.call(action, body, context);
        return (result instanceof Map<?, ?> map) ? map : Map.of();
    }

    /**
     * Runs one of the pool's actions in the JVM with the validation and checks of an API call, throwing Cognito's
     * refusal: {@link io.github.cognitoemulator.core.protocol.AwsJsonProtocol#call}.
     */
    @FunctionalInterface
    public interface Actions {

        /**
         * Runs {@code action} with {@code body}.
         *
         * @return the response shape, {@code null} for Cognito's empty {@code {}}
         * @throws CognitoException the error Cognito answers with
         */
        @Nullable
        Object call(String action, ObjectNode body, RequestContext context);
    }

    /**
     * Where a code went, from an action's {@code CodeDeliveryDetails}.
     *
     * @param medium {@code EMAIL} or {@code SMS}
     * @param destination the masked address or number
     */
    record Delivery(String medium, String destination) {

        static Delivery of(Map<?, ?> response) {
            Map<?, ?> details = (Map<?, ?>) response.get("CodeDeliveryDetails");
            return new Delivery(
                    String.valueOf(details.get("DeliveryMedium")), String.valueOf(details.get("Destination")));
        }

        /** {@code email to a***@e***}, {@code text message to +*******0100}. */
        String describe() {
            return ("SMS".equals(this.medium) ? "text message" : "email") + " to " + this.destination;
        }
    }

    /**
     * One request to a page.
     *
     * @param request the browser's request
     * @param pool the pool of the site
     * @param client the app client of the authorization request
     * @param carried the query to carry on to the next page: the authorization request, without the page's own
     *     parameters
     * @param form the form posted, none for a GET
     * @param post whether the browser posted a form
     */
    private record Visit(
            HostedRequest request,
            UserPool pool,
            UserPoolClient client,
            Parameters carried,
            Parameters form,
            boolean post) {

        /** The URL of the site's {@code path} with the authorization request, and the user's name when given. */
        String url(String path, @Nullable String username) {
            Parameters query = (username != null) ? this.carried.with(USERNAME, username) : this.carried;
            // The query always holds the authorization request: managed login checked it before the page was asked.
            return this.request.siteUrl() + path + "?" + query.encode();
        }

        /** A description without the form, which holds the password typed. */
        @Override
        public String toString() {
            return "Visit[path=" + this.request.path() + ", pool=" + this.pool.id() + ", client="
                    + this.client.clientId() + ", post=" + this.post + "]";
        }

        /** The form field {@code name} as sent, empty when absent: passwords are taken as they are. */
        String raw(String name) {
            String value = this.form.first(name);
            return (value != null) ? value : "";
        }

        /** The form field {@code name} without surrounding white space, which names and codes never hold. */
        String trimmed(String name) {
            return raw(name).strip();
        }
    }
}
