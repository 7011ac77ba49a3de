package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A pool with an OAuth client and a user, and a browser-like way to drive managed login through the core. */
final class OAuthFixture {

    static final String BASE = "http://localhost:4566";

    static final String CALLBACK = "https://app.example.com/callback";

    static final String LOGOUT = "https://app.example.com/bye";

    static final String USER = "jane";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static final Pattern HIDDEN = Pattern.compile("name=\"(session|username|step|secret)\" value=\"([^\"]*)\"");

    final SignInFixture fixture;

    final String poolId;

    final AppClient client;

    /** The browser's cookies. */
    final Map<String, String> cookies = new LinkedHashMap<>();

    OAuthFixture(SignInFixture fixture, String poolId, AppClient client) {
        this.fixture = fixture;
        this.poolId = poolId;
        this.client = client;
    }

    /** A pool with a public OAuth client allowing code and implicit, and the confirmed user {@link #USER}. */
    static OAuthFixture create() {
        return create(SignInFixture.create(), Map.of(), Map.of());
    }

    static OAuthFixture create(SignInFixture fixture, Map<String, ?> poolSettings, Map<String, ?> clientSettings) {
        String poolId = fixture.createPool(poolSettings);
        Map<String, Object> settings = new LinkedHashMap<>(oauthClient());
        settings.putAll(clientSettings);
        if (Boolean.FALSE.equals(settings.get("AllowedOAuthFlowsUserPoolClient"))) {
            // Cognito refuses OAuth flows and scopes on a client that may not use OAuth.
            settings.remove("AllowedOAuthFlows");
            settings.remove("AllowedOAuthScopes");
        }
        AppClient client = fixture.createClient(poolId, settings);
        fixture.createConfirmedUser(
                poolId, USER, SignInFixture.PASSWORD, "email", "jane@example.com", "email_verified", "true");
        return new OAuthFixture(fixture, poolId, client);
    }

    /** The OAuth client and the user {@link #USER} with {@code attributes} in an existing pool. */
    static OAuthFixture onPool(SignInFixture fixture, String poolId, String... attributes) {
        AppClient client = fixture.createClient(poolId, oauthClient());
        fixture.createConfirmedUser(poolId, USER, SignInFixture.PASSWORD, attributes);
        return new OAuthFixture(fixture, poolId, client);
    }

    static Map<String, Object> oauthClient() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("AllowedOAuthFlowsUserPoolClient", true);
        settings.put("AllowedOAuthFlows", List.of("code", "implicit"));
        settings.put(
                "AllowedOAuthScopes", List.of("openid", "email", "phone", "profile", "aws.cognito.signin.user.admin"));
        settings.put("CallbackURLs", List.of(CALLBACK));
        settings.put("LogoutURLs", List.of(LOGOUT));
        settings.put("SupportedIdentityProviders", List.of("COGNITO"));
        settings.put("ExplicitAuthFlows", List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"));
        settings.put("EnableTokenRevocation", true);
        return settings;
    }

    ManagedLogin managedLogin() {
        return this.fixture.emulator().managedLogin();
    }

    String siteUrl() {
        return BASE + "/" + this.poolId;
    }

    /** The authorize query of {@link #client} for a code, with {@code extra} name-value pairs. */
    String authorizeQuery(String... extra) {
        Parameters query = Parameters.NONE
                .with("response_type", "code")
                .with("client_id", this.client.id())
                .with("redirect_uri", CALLBACK)
                .with("state", "xyz");
        for (int i = 0; i < extra.length; i += 2) {
            query = (extra[i + 1] == null) ? query.without(extra[i]) : query.with(extra[i], extra[i + 1]);
        }
        return query.encode();
    }

    HostedResponse get(String path, @Nullable String query) {
        return send("GET", path, query, null, Map.of());
    }

    HostedResponse post(String path, @Nullable String query, String form) {
        return send("POST", path, query, form, Map.of());
    }

    HostedResponse post(String path, String form, Map<String, String> headers) {
        return send("POST", path, null, form, headers);
    }

    /** Sends a request as the browser: with its cookies, keeping the ones the answer sets. */
    HostedResponse send(
            String method, String path, @Nullable String query, @Nullable String form, Map<String, String> headers) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        headers.forEach((name, value) -> all.put(name, List.of(value)));
        if (form != null) {
            all.put("Content-Type", List.of("application/x-www-form-urlencoded"));
        }
        if (!this.cookies.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            this.cookies.forEach((name, value) -> pairs.add(name + "=" + value));
            all.put("Cookie", List.of(String.join("; ", pairs)));
        }
        HostedRequest request = new HostedRequest(
                method,
                this.poolId,
                siteUrl(),
                BASE,
                path,
                query,
                all,
                (form == null) ? new byte[0] : form.getBytes(StandardCharsets.UTF_8));
        HostedResponse response = managedLogin().handle(request);
        for (HostedResponse.Header header : response.headers()) {
            if (header.name().equals("Set-Cookie")) {
                String pair = header.value().substring(0, header.value().indexOf(';'));
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (header.value().contains("Max-Age=0")) {
                    this.cookies.remove(name);
                } else {
                    this.cookies.put(name, value);
                }
            }
        }
        return response;
    }

    /** The XSRF token of a page's forms. */
    static String csrf(HostedResponse page) {
        Matcher matcher = CSRF.matcher(page.bodyText());
        if (!matcher.find()) {
            throw new AssertionError("No XSRF token in " + page.bodyText());
        }
        return matcher.group(1);
    }

    /** The hidden step fields of a challenge page, form-encoded, with the XSRF token. */
    static String stepFields(HostedResponse page) {
        Parameters fields = Parameters.NONE.with("_csrf", csrf(page));
        Matcher matcher = HIDDEN.matcher(page.bodyText());
        while (matcher.find()) {
            fields = fields.with(
                    matcher.group(1),
                    matcher.group(2)
                            .replace("&#39;", "'")
                            .replace("&quot;", "\"")
                            .replace("&amp;", "&"));
        }
        return fields.encode();
    }

    /** Opens the login page with {@code query} and signs in with a username and password. */
    HostedResponse signIn(String query, String username, String password) {
        HostedResponse page = get("/login", query);
        if (page.status() == 302) {
            // The browser's session answered at once.
            return page;
        }
        return post(
                "/login",
                query,
                Parameters.NONE
                        .with("_csrf", csrf(page))
                        .with("username", username)
                        .with("password", password)
                        .encode());
    }

    /** Signs {@link #USER} in for a code and returns it. */
    String code(String... extra) {
        HostedResponse done = signIn(authorizeQuery(extra), USER, SignInFixture.PASSWORD);
        return parameter(done.header("Location"), "code");
    }

    /** Exchanges {@code code} with {@code redirect_uri} {@link #CALLBACK}, plus {@code extra} form pairs. */
    HostedResponse exchange(String code, String... extra) {
        Parameters form = Parameters.NONE
                .with("grant_type", "authorization_code")
                .with("client_id", this.client.id())
                .with("code", code)
                .with("redirect_uri", CALLBACK);
        for (int i = 0; i < extra.length; i += 2) {
            form = (extra[i + 1] == null) ? form.without(extra[i]) : form.with(extra[i], extra[i + 1]);
        }
        return post("/oauth2/token", form.encode(), Map.of());
    }

    /** A parameter of a URL's query or fragment. */
    static @Nullable String parameter(@Nullable String url, String name) {
        if (url == null) {
            return null;
        }
        int start = Math.max(url.indexOf('?'), url.indexOf('#'));
        return Parameters.parse(url.substring(start + 1)).first(name);
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    Map<String, Object> json(HostedResponse response) {
        return io.github.cognitoemulator.core.protocol.CognitoJson.readMap(response.body());
    }
}
