package io.github.cognitoemulator.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.federation.OidcProviderHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Federation end to end, in one emulator: pool B's managed login is the OpenID Connect provider of pool A, reached
 * through an {@link OidcProviderHttp} that answers from the same emulator. A browser goes from A's login page to B's,
 * signs in there with a password, and comes back to A's client with a code for A's tokens of the federated user.
 */
class PoolAsIdentityProviderTest {

    private static final String BASE = OAuthFixture.BASE;

    private static final Pattern BUTTON = Pattern.compile("<a class=\"button\" href=\"([^\"]+)\">PoolB</a>");

    /** The requests the emulator sent to the provider, as {@code <method> <path below the site>}. */
    private final List<String> providerRequests = Collections.synchronizedList(new ArrayList<>());

    private final AtomicReference<CognitoEmulator> emulator = new AtomicReference<>();

    private final SignInFixture fixture =
            SignInFixture.create((builder) -> builder.oidcProviderHttp(new EmulatorAsProvider()));

    /** Answers the provider's URLs ({@code <BASE>/<site>/<path>}) from the emulator's own endpoints. */
    private final class EmulatorAsProvider implements OidcProviderHttp {

        @Override
        public Response get(URI uri, Map<String, String> headers) {
            String site = site(uri);
            String path = path(uri);
            PoolAsIdentityProviderTest.this.providerRequests.add("GET " + path);
            CognitoEmulator same = PoolAsIdentityProviderTest.this.emulator.get();
            if (path.equals("/.well-known/openid-configuration")) {
                return new Response(200, same.openidConfiguration(site, BASE).orElseThrow());
            }
            if (path.equals("/.well-known/jwks.json")) {
                return new Response(200, same.jwks(site).orElseThrow());
            }
            return send("GET", site, path, uri.getRawQuery(), headers, new byte[0]);
        }

        @Override
        public Response postForm(URI uri, Map<String, String> form, Map<String, String> headers) {
            String path = path(uri);
            PoolAsIdentityProviderTest.this.providerRequests.add("POST " + path);
            Parameters body = Parameters.NONE;
            for (Map.Entry<String, String> field : form.entrySet()) {
                body = body.with(field.getKey(), field.getValue());
            }
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put("Content-Type", "application/x-www-form-urlencoded");
            return send(
                    "POST",
                    site(uri),
                    path,
                    uri.getRawQuery(),
                    all,
                    body.encode().getBytes(StandardCharsets.UTF_8));
        }

        private Response send(
                String method, String site, String path, String query, Map<String, String> headers, byte[] body) {
            Map<String, List<String>> all = new LinkedHashMap<>();
            headers.forEach((name, value) -> all.put(name, List.of(value)));
            HostedResponse response = PoolAsIdentityProviderTest.this
                    .emulator
                    .get()
                    .managedLogin()
                    .handle(new HostedRequest(method, site, BASE + "/" + site, BASE, path, query, all, body));
            return new Response(response.status(), response.bodyText());
        }

        private String site(URI uri) {
            String below = uri.toString().substring(BASE.length() + 1);
            return below.substring(0, below.indexOf('/'));
        }

        private String path(URI uri) {
            String below = uri.getPath().substring(1);
            return below.substring(below.indexOf('/'));
        }
    }

    @Test
    void aUserOfPoolBSignsInToPoolAsClientThroughBsManagedLogin() {
        this.emulator.set(this.fixture.emulator());
        String poolA = this.fixture.createPool(Map.of());
        String idpResponse = BASE + "/" + poolA + "/oauth2/idpresponse";
        // Pool B: its user jane, and the client pool A signs in with (a confidential one, calling back to A).
        OAuthFixture b = OAuthFixture.create(
                this.fixture,
                Map.of(),
                Map.of(
                        "GenerateSecret",
                        true,
                        "CallbackURLs",
                        List.of(idpResponse),
                        "AllowedOAuthFlows",
                        List.of("code")));
        String janeSub = this.fixture
                .adminGetUser(b.poolId, OAuthFixture.USER)
                .attributes("UserAttributes")
                .get("sub");
        this.fixture
                .call(
                        "CreateIdentityProvider",
                        Map.of(
                                "UserPoolId",
                                poolA,
                                "ProviderName",
                                "PoolB",
                                "ProviderType",
                                "OIDC",
                                "ProviderDetails",
                                Map.of(
                                        "client_id",
                                        b.client.id(),
                                        "client_secret",
                                        b.client.secret(),
                                        "authorize_scopes",
                                        "openid email",
                                        "oidc_issuer",
                                        BASE + "/" + b.poolId,
                                        "attributes_request_method",
                                        "GET"),
                                "AttributeMapping",
                                Map.of("email", "email", "email_verified", "email_verified")))
                .requireSuccess();
        Map<String, Object> settings = new LinkedHashMap<>(OAuthFixture.oauthClient());
        settings.put("SupportedIdentityProviders", List.of("PoolB"));
        AppClient appClient = this.fixture.createClient(poolA, settings);
        OAuthFixture a = new OAuthFixture(this.fixture, poolA, appClient);
        String query = a.authorizeQuery("scope", "openid email", "nonce", "app-nonce");

        // A's authorize endpoint shows A's login page, which offers B alone.
        HostedResponse toLogin = a.get("/oauth2/authorize", query);
        assertThat(toLogin.header("Location")).isEqualTo(a.siteUrl() + "/login?" + query);
        HostedResponse loginPage = a.get("/login", query);
        assertThat(loginPage.bodyText()).doesNotContain("<form");
        Matcher button = BUTTON.matcher(loginPage.bodyText());
        assertThat(button.find()).isTrue();
        String providerUrl = button.group(1).replace("&amp;", "&");
        assertThat(providerUrl).isEqualTo(a.siteUrl() + "/oauth2/authorize?" + query + "&identity_provider=PoolB");

        // The button: A hands the browser to B's authorize endpoint.
        HostedResponse toB = a.get("/oauth2/authorize", providerUrl.substring(providerUrl.indexOf('?') + 1));
        assertThat(toB.status()).isEqualTo(302);
        String bAuthorize = toB.header("Location");
        assertThat(bAuthorize)
                .matches(Pattern.quote(b.siteUrl() + "/oauth2/authorize?response_type=code&client_id=" + b.client.id()
                                + "&redirect_uri=" + Parameters.encode(idpResponse) + "&scope=openid%20email&state=")
                        + "[A-Za-z0-9_-]{43}&nonce=[A-Za-z0-9_-]{43}");
        String providerQuery = bAuthorize.substring(bAuthorize.indexOf('?') + 1);
        String state = OAuthFixture.parameter(bAuthorize, "state");

        // B's managed login: its authorize endpoint, its login page, the user's password.
        HostedResponse toBLogin = b.get("/oauth2/authorize", providerQuery);
        assertThat(toBLogin.header("Location")).isEqualTo(b.siteUrl() + "/login?" + providerQuery);
        HostedResponse back = b.signIn(providerQuery, OAuthFixture.USER, SignInFixture.PASSWORD);
        assertThat(back.status()).isEqualTo(302);
        String backToA = back.header("Location");
        assertThat(backToA).matches(Pattern.quote(idpResponse + "?code=") + "[0-9a-f-]{36}&state=" + state);
        assertThat(b.cookies).containsKey("cognito");

        // A takes B's code, asks B for the tokens and the user's claims, and calls its client back with a code.
        HostedResponse toApp = a.get("/oauth2/idpresponse", backToA.substring(backToA.indexOf('?') + 1));
        assertThat(toApp.status()).isEqualTo(302);
        assertThat(toApp.header("Location"))
                .matches(Pattern.quote(OAuthFixture.CALLBACK + "?code=") + "[0-9a-f-]{36}"
                        + Pattern.quote("&state=xyz"));
        assertThat(this.providerRequests)
                .containsExactly(
                        "GET /.well-known/openid-configuration",
                        "POST /oauth2/token",
                        "GET /.well-known/jwks.json",
                        "GET /oauth2/userInfo");

        // A's tokens are those of A's federated user, B's user seen through the provider.
        HostedResponse tokens = a.exchange(OAuthFixture.parameter(toApp.header("Location"), "code"));
        assertThat(tokens.status()).isEqualTo(200);
        Map<String, Object> idToken =
                SignInFixture.payload((String) a.json(tokens).get("id_token"));
        String username = "PoolB_" + janeSub;
        assertThat(idToken.get("cognito:username")).isEqualTo(username);
        assertThat(idToken.get("iss")).isEqualTo(BASE + "/" + poolA);
        assertThat(idToken.get("aud")).isEqualTo(appClient.id());
        assertThat(idToken.get("nonce")).isEqualTo("app-nonce");
        assertThat(idToken.get("email")).isEqualTo("jane@example.com");
        assertThat(idToken.get("email_verified")).isEqualTo(true);
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("dateCreated", String.valueOf(SignInFixture.START.toEpochMilli()));
        identity.put("userId", janeSub);
        identity.put("providerName", "PoolB");
        identity.put("providerType", "OIDC");
        identity.put("issuer", null);
        identity.put("primary", "true");
        assertThat(idToken.get("identities")).isEqualTo(List.of(identity));
        assertThat(this.fixture.statusOf(poolA, username)).isEqualTo("EXTERNAL_PROVIDER");
        assertThat(this.fixture.attributesOf(poolA, username))
                .containsEntry("email", "jane@example.com")
                .containsEntry("email_verified", "true");
    }
}
