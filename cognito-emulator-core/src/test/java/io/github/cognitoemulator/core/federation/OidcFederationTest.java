package io.github.cognitoemulator.core.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.oauth.AuthorizationRequest;
import io.github.cognitoemulator.core.oauth.FederatedSignIn;
import io.github.cognitoemulator.core.oauth.HostedRequest;
import io.github.cognitoemulator.core.oauth.HostedResponse;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.provider.IdentityProvider;
import io.github.cognitoemulator.core.provider.IdentityProviderActions;
import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.PausingStore;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.token.RsaKeySource;
import io.github.cognitoemulator.core.trigger.LambdaTrigger;
import io.github.cognitoemulator.core.trigger.LambdaTriggers;
import io.github.cognitoemulator.core.trigger.PostConfirmationTrigger;
import io.github.cognitoemulator.core.trigger.PreSignUpTrigger;
import io.github.cognitoemulator.core.trigger.TriggerEvent;
import io.github.cognitoemulator.core.trigger.Triggers;
import io.github.cognitoemulator.core.trigger.UserMigration;
import io.github.cognitoemulator.core.user.PasswordChanges;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import io.github.cognitoemulator.core.user.UserStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OidcFederationTest {

    private static final String ISSUER_BASE = "http://localhost:4566";

    private static final String CALLBACK = "https://app.example.com/callback";

    private static final Instant NOW = EmulatorFixture.NOW;

    private static final Pattern STATE_AND_NONCE =
            Pattern.compile("&state=([A-Za-z0-9_-]{43})&nonce=([A-Za-z0-9_-]{43})$");

    /** One emulator with a provider pool serving as the OIDC provider of the app's pool. */
    private static final class Setup {

        final EmulatorFixture fixture;

        final CognitoEmulator emulator;

        final String idpPool;

        final String idpClient;

        final String idpSecret;

        final String aliceSub;

        final String poolId;

        final UserPool pool;

        final UserPoolClient client;

        final FakeOidcProvider idp;

        final UserDirectory users;

        final OidcFederation federation;

        final List<TriggerEvent<?>> triggerEvents = new ArrayList<>();

        Setup() {
            this(new InMemoryStore(), null);
        }

        Setup(EmulatorStore store, LambdaTrigger trigger) {
            this.fixture = EmulatorFixture.create(CognitoEmulator.builder().store(store));
            this.emulator = this.fixture.emulator();
            this.idpPool = this.fixture.createPool();
            Reply idpClientReply = this.fixture
                    .call(
                            "CreateUserPoolClient",
                            Map.of("UserPoolId", this.idpPool, "ClientName", "relying-party", "GenerateSecret", true))
                    .requireSuccess();
            this.idpClient = idpClientReply.string("UserPoolClient", "ClientId");
            this.idpSecret = idpClientReply.string("UserPoolClient", "ClientSecret");
            this.fixture
                    .createUser(this.idpPool, "alice", "email", "alice@example.com", "given_name", "Alice")
                    .requireSuccess();
            this.aliceSub = this.fixture
                    .getUser(this.idpPool, "alice")
                    .attributes("UserAttributes")
                    .get("sub");
            this.poolId = this.fixture.createPool(Map.of(
                    "Schema",
                    List.of(
                            Map.of("Name", "groups", "AttributeDataType", "String"),
                            Map.of("Name", "roles", "AttributeDataType", "String"),
                            Map.of("Name", "age", "AttributeDataType", "String"),
                            Map.of("Name", "badge", "AttributeDataType", "String", "Mutable", false))));
            String clientId = this.fixture
                    .call("CreateUserPoolClient", Map.of("UserPoolId", this.poolId, "ClientName", "app"))
                    .requireSuccess()
                    .string("UserPoolClient", "ClientId");
            this.idp = new FakeOidcProvider(this.emulator, this.idpPool);
            createProvider("Corp", Map.of());
            this.pool = this.emulator.store().pools().find(this.poolId).orElseThrow();
            this.client = this.emulator.store().clients().find(clientId).orElseThrow();
            this.users = new UserDirectory(this.emulator.store().users());
            Ids ids = new Ids(new Random(7));
            LambdaTriggers.Builder handlers = LambdaTriggers.builder();
            if (trigger != null) {
                handlers.forAllPools(trigger);
            }
            LambdaTriggers lambdas = handlers.build();
            Triggers triggers = new Triggers(
                    lambdas,
                    new UserMigration(
                            lambdas,
                            this.users,
                            new PasswordChanges(this.users, this.emulator.clock(), ids),
                            this.emulator.clock(),
                            ids));
            this.federation = new OidcFederation(
                    this.emulator.store().clients(),
                    this.users,
                    this.emulator.store().resources(),
                    triggers,
                    this.emulator.clock(),
                    ids,
                    this.idp);
        }

        void createProvider(String name, Map<String, String> extraDetails) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("client_id", this.idpClient);
            details.put("client_secret", this.idpSecret);
            details.put("authorize_scopes", "openid email profile");
            details.put("oidc_issuer", this.idp.issuer());
            details.put("attributes_request_method", "GET");
            details.putAll(extraDetails);
            this.fixture
                    .call(
                            "CreateIdentityProvider",
                            Map.of(
                                    "UserPoolId",
                                    this.poolId,
                                    "ProviderName",
                                    name,
                                    "ProviderType",
                                    "OIDC",
                                    "ProviderDetails",
                                    details,
                                    "AttributeMapping",
                                    Map.of(
                                            "email", "email",
                                            "given_name", "given_name",
                                            "email_verified", "email_verified")))
                    .requireSuccess();
        }

        IdentityProvider provider(String name) {
            return IdentityProviderActions.find(this.emulator.store().resources(), this.poolId, name)
                    .orElseThrow();
        }

        HostedRequest http(String path, String rawQuery) {
            return new HostedRequest(
                    "GET",
                    this.poolId,
                    ISSUER_BASE + "/" + this.poolId,
                    ISSUER_BASE,
                    path,
                    rawQuery,
                    Map.of(),
                    new byte[0]);
        }

        AuthorizationRequest request(AuthorizationRequest.ResponseType type) {
            return new AuthorizationRequest(
                    this.client.clientId(),
                    CALLBACK,
                    type,
                    List.of("openid", "email"),
                    "app-state",
                    "app-nonce",
                    null,
                    null);
        }

        /** Starts a sign-in through {@code Corp}: the state and nonce sent to the provider. */
        String[] start() {
            HostedResponse response = this.federation.start(
                    http("/oauth2/authorize", null),
                    this.pool,
                    this.client,
                    provider("Corp"),
                    request(AuthorizationRequest.ResponseType.CODE));
            Matcher matcher = STATE_AND_NONCE.matcher(String.valueOf(response.header("Location")));
            assertThat(matcher.find()).as(response.header("Location")).isTrue();
            return new String[] {matcher.group(1), matcher.group(2)};
        }

        JWTClaimsSet.Builder claims(String nonce) {
            return new JWTClaimsSet.Builder()
                    .issuer(this.idp.issuer())
                    .subject(this.aliceSub)
                    .audience(this.idpClient)
                    .issueTime(Date.from(NOW))
                    .expirationTime(Date.from(NOW.plusSeconds(3600)))
                    .claim("nonce", nonce)
                    .claim("email", "alice@example.com")
                    .claim("email_verified", true)
                    .claim("given_name", "Alice")
                    .claim("token_use", "id");
        }

        FederatedSignIn.Outcome finish(String state) {
            return this.federation.finish(http("/oauth2/idpresponse", "code=provider-code&state=" + state), this.pool);
        }

        /** A whole sign-in whose provider answers with {@code claims} (the nonce filled in). */
        FederatedSignIn.Outcome signIn(JWTClaimsSet.Builder claims, RSAKey key) {
            String[] stateAndNonce = start();
            this.idp.answerTokens(claims.claim("nonce", stateAndNonce[1]).build(), key);
            return finish(stateAndNonce[0]);
        }

        FederatedSignIn.Outcome signIn() {
            String[] stateAndNonce = start();
            this.idp.answerTokens(claims(stateAndNonce[1]).build(), this.idp.signingKey());
            return finish(stateAndNonce[0]);
        }

        User user(FederatedSignIn.Outcome outcome) {
            assertThat(outcome).isInstanceOf(FederatedSignIn.SignedIn.class);
            return ((FederatedSignIn.SignedIn) outcome).user();
        }

        String failure(FederatedSignIn.Outcome outcome) {
            assertThat(outcome).isInstanceOf(FederatedSignIn.Failed.class);
            HostedResponse response = ((FederatedSignIn.Failed) outcome).response();
            assertThat(response.status()).isEqualTo(302);
            return URLDecoder.decode(String.valueOf(response.header("Location")), StandardCharsets.UTF_8);
        }

        String errorPage(String description) {
            return ISSUER_BASE + "/" + this.poolId + "/error?error=invalid_request&error_description=" + description;
        }

        String errorRedirect(String description) {
            return CALLBACK + "?error_description=" + description + "&state=app-state&error=invalid_request";
        }
    }

    @Test
    void startSendsTheBrowserToTheProvidersAuthorizationEndpoint() {
        Setup setup = new Setup();

        HostedResponse response = setup.federation.start(
                setup.http("/oauth2/authorize", null),
                setup.pool,
                setup.client,
                setup.provider("Corp"),
                setup.request(AuthorizationRequest.ResponseType.CODE));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.body()).isEmpty();
        String location = String.valueOf(response.header("Location"));
        Matcher matcher = STATE_AND_NONCE.matcher(location);
        assertThat(matcher.find()).isTrue();
        String state = matcher.group(1);
        String nonce = matcher.group(2);
        assertThat(state).isNotEqualTo(nonce);
        assertThat(location)
                .isEqualTo(setup.idp.issuer() + "/oauth2/authorize?response_type=code&client_id=" + setup.idpClient
                        + "&redirect_uri=http%3A%2F%2Flocalhost%3A4566%2F" + setup.poolId
                        + "%2Foauth2%2Fidpresponse&scope=openid%20email%20profile&state=" + state + "&nonce=" + nonce);
        PendingSignIn pending = setup.emulator
                .store()
                .resources()
                .find(PendingSignIn.KIND, OidcFederation.pendingKey(setup.pool, state))
                .orElseThrow()
                .value();
        assertThat(pending)
                .isEqualTo(new PendingSignIn(
                        "Corp",
                        setup.request(AuthorizationRequest.ResponseType.CODE),
                        nonce,
                        NOW,
                        NOW.plus(Duration.ofMinutes(5))));
        assertThat(OidcFederation.pendingKey(setup.pool, state))
                .startsWith(setup.poolId + "/")
                .hasSize(setup.poolId.length() + 1 + 64)
                .doesNotContain(state);
        assertThat(setup.idp.requests)
                .containsExactly("GET " + setup.idp.issuer() + "/.well-known/openid-configuration -");
    }

    @Test
    void discoveryDocumentsAreKeptFiveMinutesPerIssuer() {
        Setup setup = new Setup();
        String discovery = "GET " + setup.idp.issuer() + "/.well-known/openid-configuration -";

        setup.start();
        setup.start();
        setup.emulator.clock().advance(Duration.ofMinutes(5).minusMillis(1));
        setup.start();
        assertThat(setup.idp.requests).containsExactly(discovery);

        setup.emulator.clock().advance(Duration.ofMillis(1));
        setup.start();
        assertThat(setup.idp.requests).containsExactly(discovery, discovery);
    }

    @Test
    void endpointsGivenInTheProviderDetailsAreUsedWithoutDiscovery() {
        Setup setup = new Setup();
        setup.createProvider(
                "Manual",
                Map.of(
                        "authorize_url", "https://login.example.test/auth?tenant=1",
                        "token_url", setup.idp.issuer() + "/token",
                        "attributes_url", setup.idp.issuer() + "/userInfo",
                        "jwks_uri", setup.idp.issuer() + "/.well-known/jwks.json"));

        HostedResponse response = setup.federation.start(
                setup.http("/oauth2/authorize", null),
                setup.pool,
                setup.client,
                setup.provider("Manual"),
                setup.request(AuthorizationRequest.ResponseType.CODE));

        assertThat(response.header("Location"))
                .startsWith("https://login.example.test/auth?tenant=1&response_type=code&client_id=" + setup.idpClient
                        + "&");
        assertThat(setup.idp.requests).isEmpty();
    }

    @Test
    void providersOtherThanOidcEndAtTheCallbackWithAnError() {
        Setup setup = new Setup();
        setup.fixture
                .call(
                        "CreateIdentityProvider",
                        Map.of(
                                "UserPoolId",
                                setup.poolId,
                                "ProviderName",
                                "Google",
                                "ProviderType",
                                "Google",
                                "ProviderDetails",
                                Map.of("client_id", "g", "client_secret", "s", "authorize_scopes", "openid")))
                .requireSuccess();

        HostedResponse response = setup.federation.start(
                setup.http("/oauth2/authorize", null),
                setup.pool,
                setup.client,
                setup.provider("Google"),
                setup.request(AuthorizationRequest.ResponseType.CODE));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location"))
                .isEqualTo(CALLBACK + "?error_description=Sign-in%20through%20Google%20identity%20providers%20is%20not"
                        + "%20emulated%3B%20use%20an%20OIDC%20provider.&state=app-state&error=invalid_request");
        assertThat(setup.emulator.store().resources().list(PendingSignIn.KIND, setup.poolId))
                .isEmpty();
    }

    @Test
    void anUnreachableDiscoveryDocumentShowsTheErrorPage() {
        Setup setup = new Setup();
        setup.idp.discoveryStatus = 500;

        HostedResponse response = setup.federation.start(
                setup.http("/oauth2/authorize", null),
                setup.pool,
                setup.client,
                setup.provider("Corp"),
                setup.request(AuthorizationRequest.ResponseType.CODE));

        assertThat(URLDecoder.decode(String.valueOf(response.header("Location")), StandardCharsets.UTF_8))
                .isEqualTo(setup.errorPage("The OIDC discovery endpoint " + setup.idp.issuer()
                        + "/.well-known/openid-configuration answered with status 500"));
        setup.idp.discoveryStatus = 200;
        setup.idp.unreachable = true;
        response = setup.federation.start(
                setup.http("/oauth2/authorize", null),
                setup.pool,
                setup.client,
                setup.provider("Corp"),
                setup.request(AuthorizationRequest.ResponseType.CODE));
        assertThat(URLDecoder.decode(String.valueOf(response.header("Location")), StandardCharsets.UTF_8))
                .isEqualTo(setup.errorPage("Unable to read the OIDC discovery document at " + setup.idp.issuer()
                        + "/.well-known/openid-configuration"));
    }

    @Test
    void theFirstSignInCreatesAnExternalProviderUserWithItsIdentityAndMappedAttributes() {
        Setup setup = new Setup();
        setup.idp.userInfoBody = "{\"sub\":\"" + setup.aliceSub + "\",\"given_name\":\"Alice\",\"locale\":\"en\"}";

        FederatedSignIn.Outcome outcome = setup.signIn();

        FederatedSignIn.SignedIn signedIn = (FederatedSignIn.SignedIn) outcome;
        assertThat(signedIn.client()).isEqualTo(setup.client);
        assertThat(signedIn.request()).isEqualTo(setup.request(AuthorizationRequest.ResponseType.CODE));
        assertThat(signedIn.authTime()).isEqualTo(NOW);
        User user = signedIn.user();
        assertThat(user.username()).isEqualTo("Corp_" + setup.aliceSub);
        assertThat(user.status()).isEqualTo(UserStatus.EXTERNAL_PROVIDER);
        assertThat(user.enabled()).isTrue();
        assertThat(user.password()).isNull();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("sub", user.sub());
        expected.put("email", "alice@example.com");
        expected.put("email_verified", "true");
        expected.put("given_name", "Alice");
        expected.put(
                "identities",
                "[{\"userId\":\"" + setup.aliceSub + "\",\"providerName\":\"Corp\",\"providerType\":\"OIDC\","
                        + "\"issuer\":null,\"primary\":true,\"dateCreated\":" + NOW.toEpochMilli() + "}]");
        assertThat(user.attributes()).containsExactlyEntriesOf(expected);
        Reply stored = setup.fixture.getUser(setup.poolId, user.username()).requireSuccess();
        assertThat(stored.string("UserStatus")).isEqualTo("EXTERNAL_PROVIDER");
        assertThat(stored.attributes("UserAttributes")).isEqualTo(expected);
        assertThat(setup.idp.requests)
                .containsExactly(
                        "GET " + setup.idp.issuer() + "/.well-known/openid-configuration -",
                        "POST " + setup.idp.issuer()
                                + "/oauth2/token {grant_type=authorization_code, code=provider-code,"
                                + " redirect_uri=http://localhost:4566/" + setup.poolId + "/oauth2/idpresponse,"
                                + " client_id=" + setup.idpClient + ", client_secret=" + setup.idpSecret + "} -",
                        "GET " + setup.idp.issuer() + "/.well-known/jwks.json -",
                        "GET " + setup.idp.issuer() + "/oauth2/userInfo Bearer provider-access");
    }

    @Test
    void laterSignInsReuseTheUserAndUpdateItsMappedAttributes() {
        Setup setup = new Setup();
        User first = setup.user(setup.signIn());
        setup.emulator.clock().advance(Duration.ofMinutes(1));
        setup.idp.userInfoBody = "{\"sub\":\"" + setup.aliceSub + "\",\"given_name\":\"Alicia\"}";

        User second = setup.user(setup.signIn());

        assertThat(second.sub()).isEqualTo(first.sub());
        assertThat(second.username()).isEqualTo(first.username());
        assertThat(second.attribute("given_name")).isEqualTo("Alicia");
        assertThat(second.attribute("identities")).isEqualTo(first.attribute("identities"));
        assertThat(second.lastModifiedDate()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        assertThat(setup.users.count(setup.pool)).isEqualTo(1);

        setup.emulator.clock().advance(Duration.ofMinutes(1));
        User third = setup.user(setup.signIn());
        assertThat(third.version()).isEqualTo(second.version());
        assertThat(third.lastModifiedDate()).isEqualTo(second.lastModifiedDate());
    }

    @Test
    void anIdentityLinkedBySubjectSignsInTheNativeUser() {
        Setup setup = new Setup();
        setup.fixture
                .createUser(setup.poolId, "bob", "email", "bob@example.com")
                .requireSuccess();
        link(setup, "Cognito_Subject", setup.aliceSub);

        User user = setup.user(setup.signIn());

        assertThat(user.username()).isEqualTo("bob");
        assertThat(user.status()).isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);
        assertThat(user.attribute("email")).isEqualTo("alice@example.com");
        assertThat(setup.users.findByUsername(setup.pool, "Corp_" + setup.aliceSub))
                .isEmpty();
        assertThat(setup.users.count(setup.pool)).isEqualTo(1);
    }

    @Test
    void anIdentityLinkedByAMappedAttributeSignsInTheNativeUser() {
        Setup setup = new Setup();
        setup.fixture.createUser(setup.poolId, "bob").requireSuccess();
        link(setup, "email", "alice@example.com");

        User user = setup.user(setup.signIn());

        assertThat(user.username()).isEqualTo("bob");
        assertThat(setup.users.count(setup.pool)).isEqualTo(1);
    }

    @Test
    void aLinkWhoseUserWasDeletedNoLongerCounts() {
        Setup setup = new Setup();
        setup.fixture.createUser(setup.poolId, "bob").requireSuccess();
        link(setup, "Cognito_Subject", setup.aliceSub);
        setup.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", setup.poolId, "Username", "bob"))
                .requireSuccess();

        User user = setup.user(setup.signIn());

        assertThat(user.username()).isEqualTo("Corp_" + setup.aliceSub);
    }

    private static void link(Setup setup, String attributeName, String attributeValue) {
        setup.fixture
                .call(
                        "AdminLinkProviderForUser",
                        Map.of(
                                "UserPoolId", setup.poolId,
                                "DestinationUser", Map.of("ProviderName", "Cognito", "ProviderAttributeValue", "bob"),
                                "SourceUser",
                                        Map.of(
                                                "ProviderName", "Corp",
                                                "ProviderAttributeName", attributeName,
                                                "ProviderAttributeValue", attributeValue)))
                .requireSuccess();
    }

    @Test
    void aDisabledUserCannotSignIn() {
        Setup setup = new Setup();
        User user = setup.user(setup.signIn());
        setup.fixture
                .call("AdminDisableUser", Map.of("UserPoolId", setup.poolId, "Username", user.username()))
                .requireSuccess();

        assertThat(setup.failure(setup.signIn())).isEqualTo(setup.errorRedirect("User is disabled."));
    }

    @Test
    void anUnknownOrMissingStateShowsTheErrorPage() {
        Setup setup = new Setup();
        setup.start();

        assertThat(setup.failure(setup.finish("not-a-state"))).isEqualTo(setup.errorPage("Invalid or expired state."));
        assertThat(setup.failure(setup.federation.finish(setup.http("/oauth2/idpresponse", "code=x"), setup.pool)))
                .isEqualTo(setup.errorPage("The state parameter is missing."));
        assertThat(setup.failure(setup.federation.finish(setup.http("/oauth2/idpresponse", "state="), setup.pool)))
                .isEqualTo(setup.errorPage("The state parameter is missing."));
        assertThat(setup.failure(setup.federation.finish(setup.http("/oauth2/idpresponse", null), setup.pool)))
                .isEqualTo(setup.errorPage("The state parameter is missing."));
    }

    @Test
    void aStateIsTakenOnce() {
        Setup setup = new Setup();
        String[] stateAndNonce = setup.start();
        setup.idp.answerTokens(setup.claims(stateAndNonce[1]).build(), setup.idp.signingKey());

        setup.user(setup.finish(stateAndNonce[0]));

        assertThat(setup.failure(setup.finish(stateAndNonce[0])))
                .isEqualTo(setup.errorPage("Invalid or expired state."));
        assertThat(setup.emulator.store().resources().list(PendingSignIn.KIND, setup.poolId))
                .isEmpty();
    }

    @Test
    void aStateExpiresAfterFiveMinutes() {
        Setup setup = new Setup();
        String[] early = setup.start();
        String[] late = setup.start();
        setup.idp.answerTokens(setup.claims(early[1]).build(), setup.idp.signingKey());
        setup.emulator.clock().advance(Duration.ofMinutes(5).minusMillis(1));
        setup.idp.answerTokens(
                setup.claims(early[1])
                        .expirationTime(Date.from(NOW.plusSeconds(3600)))
                        .build(),
                setup.idp.signingKey());
        setup.user(setup.finish(early[0]));

        setup.emulator.clock().advance(Duration.ofMillis(1));

        assertThat(setup.failure(setup.finish(late[0]))).isEqualTo(setup.errorPage("Invalid or expired state."));
        assertThat(setup.emulator.store().resources().list(PendingSignIn.KIND, setup.poolId))
                .isEmpty();
    }

    @Test
    void startingASignInForgetsTheExpiredOnesAndKeepsAtMostTheLimit() {
        Setup setup = new Setup();
        String[] expired = setup.start();
        setup.emulator.clock().advance(Duration.ofMinutes(5));
        String[] live = setup.start();

        assertThat(setup.emulator.store().resources().list(PendingSignIn.KIND, setup.poolId))
                .extracting((resource) -> resource.key())
                .containsExactly(OidcFederation.pendingKey(setup.pool, live[0]));
        assertThat(expired[0]).isNotEqualTo(live[0]);

        for (int i = 1; i < OidcFederation.MAX_PENDING_PER_POOL; i++) {
            setup.emulator.clock().advance(Duration.ofMillis(1));
            setup.start();
        }
        assertThat(setup.emulator.store().resources().list(PendingSignIn.KIND, setup.poolId))
                .hasSize(OidcFederation.MAX_PENDING_PER_POOL);
        setup.emulator.clock().advance(Duration.ofMillis(1));
        String[] newest = setup.start();
        var pending = setup.emulator.store().resources().list(PendingSignIn.KIND, setup.poolId);
        assertThat(pending).hasSize(OidcFederation.MAX_PENDING_PER_POOL);
        assertThat(pending)
                .extracting((resource) -> resource.key())
                .doesNotContain(OidcFederation.pendingKey(setup.pool, live[0]))
                .contains(OidcFederation.pendingKey(setup.pool, newest[0]));
    }

    @Test
    void theProvidersErrorIsPassedToTheCallback() {
        Setup setup = new Setup();
        String[] stateAndNonce = setup.start();

        FederatedSignIn.Outcome outcome = setup.federation.finish(
                setup.http(
                        "/oauth2/idpresponse",
                        "error=access_denied&error_description=User%20said%20no&state=" + stateAndNonce[0]),
                setup.pool);

        HostedResponse response = ((FederatedSignIn.Failed) outcome).response();
        assertThat(response.header("Location"))
                .isEqualTo(CALLBACK + "?error_description=User%20said%20no&state=app-state&error=access_denied");
        String[] again = setup.start();
        assertThat(setup.failure(setup.federation.finish(
                        setup.http("/oauth2/idpresponse", "error=server_error&state=" + again[0]), setup.pool)))
                .isEqualTo(CALLBACK + "?error_description=server_error&state=app-state&error=server_error");
        assertThat(setup.idp.requests).hasSize(1);
    }

    @Test
    void aMissingCodeFails() {
        Setup setup = new Setup();
        String[] stateAndNonce = setup.start();

        assertThat(setup.failure(setup.federation.finish(
                        setup.http("/oauth2/idpresponse", "state=" + stateAndNonce[0]), setup.pool)))
                .isEqualTo(setup.errorRedirect("The identity provider sent no authorization code."));
    }

    @Test
    void anIdTokenSignedByAnotherKeyFails() {
        Setup setup = new Setup();
        RSAKey stranger = new RSAKey.Builder(RsaKeySource.generate())
                .keyID(setup.idp.signingKey().getKeyID())
                .build();

        assertThat(setup.failure(setup.signIn(setup.claims(""), stranger)))
                .isEqualTo(setup.errorRedirect("Bad id_token signature"));
        assertThat(setup.failure(setup.signIn(setup.claims(""), RsaKeySource.generate())))
                .isEqualTo(setup.errorRedirect("Bad id_token signature"));
        assertThat(setup.users.count(setup.pool)).isZero();
    }

    @Test
    void anIdTokenForAnotherAudienceFails() {
        Setup setup = new Setup();

        assertThat(setup.failure(setup.signIn(setup.claims("").audience("other-client"), setup.idp.signingKey())))
                .isEqualTo(setup.errorRedirect("Bad id_token audience other-client"));
        assertThat(setup.user(setup.signIn(
                        setup.claims("").audience(List.of("other-client", setup.idpClient)), setup.idp.signingKey())))
                .isNotNull();
    }

    @Test
    void anIdTokenOfAnotherIssuerFails() {
        Setup setup = new Setup();

        assertThat(setup.failure(setup.signIn(setup.claims("").issuer("https://evil.test"), setup.idp.signingKey())))
                .isEqualTo(setup.errorRedirect("Bad id_token issuer https://evil.test"));
    }

    @Test
    void anIdTokenWithAnotherNonceFails() {
        Setup setup = new Setup();
        String[] stateAndNonce = setup.start();
        setup.idp.answerTokens(setup.claims("another-nonce").build(), setup.idp.signingKey());

        assertThat(setup.failure(setup.finish(stateAndNonce[0]))).isEqualTo(setup.errorRedirect("Bad id_token nonce"));
        String[] again = setup.start();
        setup.idp.answerTokens(setup.claims(again[1]).claim("nonce", null).build(), setup.idp.signingKey());
        assertThat(setup.failure(setup.finish(again[0]))).isEqualTo(setup.errorRedirect("Bad id_token nonce"));
    }

    @Test
    void anExpiredIdTokenFails() {
        Setup setup = new Setup();

        assertThat(setup.failure(setup.signIn(setup.claims("").expirationTime(Date.from(NOW)), setup.idp.signingKey())))
                .isEqualTo(setup.errorRedirect("Bad id_token: expired"));
        assertThat(setup.failure(setup.signIn(setup.claims("").expirationTime(null), setup.idp.signingKey())))
                .isEqualTo(setup.errorRedirect("Bad id_token: expired"));
        assertThat(setup.user(setup.signIn(
                        setup.claims("").expirationTime(Date.from(NOW.plusSeconds(1))), setup.idp.signingKey())))
                .isNotNull();
    }

    @Test
    void aTokenEndpointFailureFails() {
        Setup setup = new Setup();
        String[] stateAndNonce = setup.start();
        setup.idp.tokenStatus = 400;
        setup.idp.tokenBody = "{\"error\":\"invalid_grant\"}";

        assertThat(setup.failure(setup.finish(stateAndNonce[0])))
                .isEqualTo(setup.errorRedirect("The identity provider's token endpoint answered with status 400."));

        setup.idp.tokenStatus = 200;
        setup.idp.tokenBody = "not json";
        assertThat(setup.failure(setup.finish(setup.start()[0])))
                .isEqualTo(setup.errorRedirect("The identity provider's token response is not JSON."));
        setup.idp.tokenBody = "[]";
        assertThat(setup.failure(setup.finish(setup.start()[0])))
                .isEqualTo(setup.errorRedirect("The identity provider's token response is not JSON."));
        setup.idp.tokenBody = "{\"access_token\":\"a\"}";
        assertThat(setup.failure(setup.finish(setup.start()[0])))
                .isEqualTo(setup.errorRedirect("The identity provider's token response has no id_token."));
        setup.idp.tokenBody = "{\"id_token\":\"not.a.jwt\"}";
        assertThat(setup.failure(setup.finish(setup.start()[0])))
                .isEqualTo(setup.errorRedirect("Bad id_token: not a signed JWT"));
        String[] last = setup.start();
        setup.idp.unreachable = true;
        assertThat(setup.failure(setup.finish(last[0])))
                .isEqualTo(setup.errorRedirect("Unable to reach the token endpoint of the identity provider."));
        assertThat(setup.users.count(setup.pool)).isZero();
    }

    @Test
    void aUserInfoFailureFails() {
        Setup setup = new Setup();
        setup.idp.userInfoStatus = 401;
        assertThat(setup.failure(setup.signIn()))
                .isEqualTo(setup.errorRedirect("The identity provider's userInfo endpoint answered with status 401."));
        setup.idp.userInfoStatus = 200;
        setup.idp.userInfoBody = "nope";
        assertThat(setup.failure(setup.signIn()))
                .isEqualTo(setup.errorRedirect("The identity provider's userInfo response is not JSON."));
        setup.idp.userInfoBody = "\"text\"";
        assertThat(setup.failure(setup.signIn()))
                .isEqualTo(setup.errorRedirect("The identity provider's userInfo response is not JSON."));
        setup.idp.userInfoBody = "{\"sub\":\"someone-else\"}";
        assertThat(setup.failure(setup.signIn()))
                .isEqualTo(setup.errorRedirect("The userInfo sub does not match the id_token sub."));
    }

    @Test
    void userInfoAddsClaimsAndIsAskedWithTheConfiguredMethod() {
        Setup setup = new Setup();
        setup.fixture
                .call(
                        "UpdateIdentityProvider",
                        Map.of(
                                "UserPoolId",
                                setup.poolId,
                                "ProviderName",
                                "Corp",
                                "ProviderDetails",
                                Map.of(
                                        "client_id",
                                        setup.idpClient,
                                        "authorize_scopes",
                                        "openid",
                                        "oidc_issuer",
                                        setup.idp.issuer(),
                                        "attributes_request_method",
                                        "POST"),
                                "AttributeMapping",
                                Map.of("email", "email", "address", "address", "custom:groups", "groups")))
                .requireSuccess();
        setup.idp.userInfoBody =
                "{\"address\":{\"formatted\":\"1 Main St\"},\"groups\":[\"a\",\"b\"],\"email\":\"info@example.com\"}";

        User user = setup.user(setup.signIn());

        assertThat(user.attribute("email")).isEqualTo("info@example.com");
        assertThat(user.attribute("address")).isEqualTo("{\"formatted\":\"1 Main St\"}");
        assertThat(user.attribute("custom:groups")).isEqualTo("[\"a\",\"b\"]");
        assertThat(user.attribute("email_verified")).isNull();
        assertThat(setup.idp.requests)
                .contains("POST " + setup.idp.issuer() + "/oauth2/userInfo {} Bearer provider-access")
                .anyMatch((request) -> request.contains("/token {grant_type=authorization_code")
                        && !request.contains("client_secret"));
    }

    @Test
    void claimsThatAreNotTextAreStoredAsText() {
        Setup setup = new Setup();
        setup.fixture
                .call(
                        "UpdateIdentityProvider",
                        Map.of(
                                "UserPoolId",
                                setup.poolId,
                                "ProviderName",
                                "Corp",
                                "AttributeMapping",
                                Map.of("updated_at", "iat", "custom:roles", "roles", "custom:age", "age")))
                .requireSuccess();

        User user = setup.user(
                setup.signIn(setup.claims("").claim("roles", List.of("x")).claim("age", 42), setup.idp.signingKey()));

        assertThat(user.attribute("updated_at")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(user.attribute("custom:roles")).isEqualTo("[\"x\"]");
        assertThat(user.attribute("custom:age")).isEqualTo("42");
    }

    @Test
    void theUsernameMappingNamesTheClaimOfTheUsername() {
        Setup setup = new Setup();
        setup.fixture
                .call(
                        "UpdateIdentityProvider",
                        Map.of(
                                "UserPoolId",
                                setup.poolId,
                                "ProviderName",
                                "Corp",
                                "AttributeMapping",
                                Map.of("username", "employee_id")))
                .requireSuccess();

        assertThat(setup.failure(setup.signIn()))
                .isEqualTo(setup.errorRedirect("The identity provider sent no employee_id."));
        User user = setup.user(setup.signIn(setup.claims("").claim("employee_id", "E42"), setup.idp.signingKey()));
        assertThat(user.username()).isEqualTo("Corp_E42");
        assertThat(user.attribute("identities")).contains("\"userId\":\"E42\"");
    }

    @Test
    void aProviderDeletedMeanwhileFails() {
        Setup setup = new Setup();
        String[] stateAndNonce = setup.start();
        setup.fixture
                .call("DeleteIdentityProvider", Map.of("UserPoolId", setup.poolId, "ProviderName", "Corp"))
                .requireSuccess();

        assertThat(setup.failure(setup.finish(stateAndNonce[0])))
                .isEqualTo(setup.errorRedirect("The identity provider Corp no longer exists."));
    }

    @Test
    void aClientDeletedMeanwhileShowsTheErrorPage() {
        Setup setup = new Setup();
        String[] stateAndNonce = setup.start();
        setup.fixture
                .call("DeleteUserPoolClient", Map.of("UserPoolId", setup.poolId, "ClientId", setup.client.clientId()))
                .requireSuccess();

        assertThat(setup.failure(setup.finish(stateAndNonce[0])))
                .isEqualTo(setup.errorPage("The app client no longer exists."));
    }

    @Test
    void implicitGrantErrorsGoInTheFragment() {
        Setup setup = new Setup();
        HostedResponse started = setup.federation.start(
                setup.http("/oauth2/authorize", null),
                setup.pool,
                setup.client,
                setup.provider("Corp"),
                new AuthorizationRequest(
                        setup.client.clientId(),
                        CALLBACK + "?app=1",
                        AuthorizationRequest.ResponseType.TOKEN,
                        List.of("openid"),
                        null,
                        null,
                        null,
                        null));
        Matcher matcher = STATE_AND_NONCE.matcher(String.valueOf(started.header("Location")));
        assertThat(matcher.find()).isTrue();

        FederatedSignIn.Outcome outcome = setup.federation.finish(
                setup.http("/oauth2/idpresponse", "error=access_denied&state=" + matcher.group(1)), setup.pool);

        assertThat(((FederatedSignIn.Failed) outcome).response().header("Location"))
                .isEqualTo(CALLBACK + "?app=1#error_description=access_denied&error=access_denied");
    }

    @Test
    void theErrorRedirectKeepsTheCallbacksQuery() {
        Setup setup = new Setup();
        HostedResponse started = setup.federation.start(
                setup.http("/oauth2/authorize", null),
                setup.pool,
                setup.client,
                setup.provider("Corp"),
                new AuthorizationRequest(
                        setup.client.clientId(),
                        CALLBACK + "?app=1",
                        AuthorizationRequest.ResponseType.CODE,
                        List.of("openid"),
                        null,
                        null,
                        null,
                        null));
        Matcher matcher = STATE_AND_NONCE.matcher(String.valueOf(started.header("Location")));
        assertThat(matcher.find()).isTrue();

        FederatedSignIn.Outcome outcome = setup.federation.finish(
                setup.http("/oauth2/idpresponse", "error=access_denied&state=" + matcher.group(1)), setup.pool);

        assertThat(((FederatedSignIn.Failed) outcome).response().header("Location"))
                .isEqualTo(CALLBACK + "?app=1&error_description=access_denied&error=access_denied");
    }

    @Test
    void thePreSignUpAndPostConfirmationTriggersRunForANewFederatedUser() {
        List<String> events = new ArrayList<>();
        Setup setup = new Setup(new InMemoryStore(), new SignUpTriggers(events, false));

        User user = setup.user(setup.signIn(setup.claims("").claim("email_verified", false), setup.idp.signingKey()));

        assertThat(user.attribute("email_verified")).isEqualTo("true");
        assertThat(events)
                .containsExactly(
                        "PreSignUp_ExternalProvider " + user.username() + " " + setup.client.clientId()
                                + " alice@example.com",
                        "PostConfirmation_ConfirmSignUp " + user.username() + " EXTERNAL_PROVIDER");
        setup.user(setup.signIn());
        assertThat(events).hasSize(2);
    }

    @Test
    void aPreSignUpTriggerThatThrowsRefusesTheSignIn() {
        Setup setup = new Setup(new InMemoryStore(), new SignUpTriggers(new ArrayList<>(), true));

        assertThat(setup.failure(setup.signIn()))
                .isEqualTo(setup.errorRedirect("PreSignUp failed with error not welcome."));
        assertThat(setup.users.count(setup.pool)).isZero();
    }

    /** Records the sign-up triggers, verifying the email address or refusing. */
    private record SignUpTriggers(List<String> events, boolean refuse)
            implements PreSignUpTrigger, PostConfirmationTrigger {

        @Override
        public PreSignUpTrigger.Response preSignUp(TriggerEvent<PreSignUpTrigger.Request> event) {
            if (this.refuse) {
                throw new IllegalStateException("not welcome");
            }
            this.events.add(event.triggerSource() + " " + event.userName() + " "
                    + event.callerContext().clientId() + " "
                    + event.request().userAttributes().get("email"));
            return new PreSignUpTrigger.Response(false, true, false);
        }

        @Override
        public void postConfirmation(TriggerEvent<PostConfirmationTrigger.Request> event) {
            this.events.add(event.triggerSource() + " " + event.userName() + " "
                    + event.request().userAttributes().get("cognito:user_status"));
        }
    }

    @Test
    void twoFirstSignInsAtOnceEndWithOneUser() throws Exception {
        PausingStore store = new PausingStore(new InMemoryStore());
        Setup setup = new Setup(store, null);
        String[] first = setup.start();
        String[] second = setup.start();
        // Both ID tokens are valid: the fake answers every exchange with one carrying the first nonce, so the
        // second sign-in gets its own token through a claim set with its nonce.
        setup.idp.tokenBody = "";
        RSAKey key = setup.idp.signingKey();
        String firstToken = FakeOidcProvider.sign(setup.claims(first[1]).build(), key);
        String secondToken = FakeOidcProvider.sign(setup.claims(second[1]).build(), key);
        OidcFederation federation = new OidcFederation(
                setup.emulator.store().clients(),
                setup.users,
                setup.emulator.store().resources(),
                triggersOf(setup),
                setup.emulator.clock(),
                new Ids(new Random(11)),
                new ByCode(setup.idp, Map.of("code-1", firstToken, "code-2", secondToken)));
        store.holdUntil(PausingStore.Operation.USER_WRITE, 2);

        CompletableFuture<FederatedSignIn.Outcome> one = CompletableFuture.supplyAsync(() ->
                federation.finish(setup.http("/oauth2/idpresponse", "code=code-1&state=" + first[0]), setup.pool));
        CompletableFuture<FederatedSignIn.Outcome> two = CompletableFuture.supplyAsync(() ->
                federation.finish(setup.http("/oauth2/idpresponse", "code=code-2&state=" + second[0]), setup.pool));

        User userOne = setup.user(one.get());
        User userTwo = setup.user(two.get());
        assertThat(userOne.sub()).isEqualTo(userTwo.sub());
        assertThat(setup.users.count(setup.pool)).isEqualTo(1);
    }

    private static Triggers triggersOf(Setup setup) {
        Ids ids = new Ids(new Random(3));
        return new Triggers(
                LambdaTriggers.none(),
                new UserMigration(
                        LambdaTriggers.none(),
                        setup.users,
                        new PasswordChanges(setup.users, setup.emulator.clock(), ids),
                        setup.emulator.clock(),
                        ids));
    }

    /** The fake provider, with the token endpoint answering each code with its own ID token. */
    private record ByCode(FakeOidcProvider idp, Map<String, String> idTokens) implements OidcProviderHttp {

        @Override
        public Response get(java.net.URI uri, Map<String, String> headers) throws java.io.IOException {
            return this.idp.get(uri, headers);
        }

        @Override
        public Response postForm(java.net.URI uri, Map<String, String> form, Map<String, String> headers)
                throws java.io.IOException {
            if (uri.getPath().endsWith("/token")) {
                return new Response(
                        200,
                        "{\"access_token\":\"provider-access\",\"id_token\":\"" + this.idTokens.get(form.get("code"))
                                + "\"}");
            }
            return this.idp.postForm(uri, form, headers);
        }
    }

    @Test
    void aDiscoveryDocumentWithoutTheNeededEndpointsShowsTheErrorPage() {
        Setup setup = new Setup();
        setup.idp.discoveryBody = "{\"issuer\":\"x\",\"authorization_endpoint\":7}";

        HostedResponse response = setup.federation.start(
                setup.http("/oauth2/authorize", null),
                setup.pool,
                setup.client,
                setup.provider("Corp"),
                setup.request(AuthorizationRequest.ResponseType.CODE));

        assertThat(URLDecoder.decode(String.valueOf(response.header("Location")), StandardCharsets.UTF_8))
                .isEqualTo(setup.errorPage("The OIDC discovery document of " + setup.idp.issuer()
                        + " lacks authorization_endpoint, token_endpoint or jwks_uri"));
        setup.idp.discoveryBody = "not json";
        setup.emulator.clock().advance(ProviderDiscovery.CACHE_TIME);
        response = setup.federation.start(
                setup.http("/oauth2/authorize", null),
                setup.pool,
                setup.client,
                setup.provider("Corp"),
                setup.request(AuthorizationRequest.ResponseType.CODE));
        assertThat(URLDecoder.decode(String.valueOf(response.header("Location")), StandardCharsets.UTF_8))
                .isEqualTo(setup.errorPage("Unable to read the OIDC discovery document at " + setup.idp.issuer()
                        + "/.well-known/openid-configuration"));
    }

    @Test
    void givenEndpointsTakePrecedenceOverDiscoveredOnes() {
        Setup setup = new Setup();
        setup.createProvider("Partly", Map.of("authorize_url", "https://login.example.test/authorize"));
        setup.createProvider("Slash", Map.of("oidc_issuer", setup.idp.issuer() + "/"));

        HostedResponse partly = setup.federation.start(
                setup.http("/oauth2/authorize", null),
                setup.pool,
                setup.client,
                setup.provider("Partly"),
                setup.request(AuthorizationRequest.ResponseType.CODE));
        setup.federation.start(
                setup.http("/oauth2/authorize", null),
                setup.pool,
                setup.client,
                setup.provider("Slash"),
                setup.request(AuthorizationRequest.ResponseType.CODE));

        assertThat(partly.header("Location")).startsWith("https://login.example.test/authorize?response_type=code&");
        assertThat(setup.idp.requests)
                .containsExactly(
                        "GET " + setup.idp.issuer() + "/.well-known/openid-configuration -",
                        "GET " + setup.idp.issuer() + "/.well-known/openid-configuration -");
    }

    @Test
    void aPoolDeletedMeanwhileShowsTheErrorPage() {
        Setup setup = new Setup();
        IdentityProvider provider = setup.provider("Corp");
        setup.fixture.call("DeleteUserPool", Map.of("UserPoolId", setup.poolId)).requireSuccess();

        HostedResponse response = setup.federation.start(
                setup.http("/oauth2/authorize", null),
                setup.pool,
                setup.client,
                provider,
                setup.request(AuthorizationRequest.ResponseType.CODE));

        assertThat(URLDecoder.decode(String.valueOf(response.header("Location")), StandardCharsets.UTF_8))
                .isEqualTo(setup.errorPage("The user pool " + setup.poolId + " is gone."));
    }

    @Test
    void anIdTokenNotSignedWithRsaOrWithoutKeyIdFails() throws Exception {
        Setup setup = new Setup();
        String[] stateAndNonce = setup.start();
        com.nimbusds.jwt.SignedJWT hmac = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256),
                setup.claims(stateAndNonce[1]).build());
        hmac.sign(new com.nimbusds.jose.crypto.MACSigner(new byte[32]));
        setup.idp.tokenBody = "{\"id_token\":\"" + hmac.serialize() + "\"}";

        assertThat(setup.failure(setup.finish(stateAndNonce[0])))
                .isEqualTo(setup.errorRedirect("Bad id_token algorithm HS256"));

        String[] again = setup.start();
        com.nimbusds.jwt.SignedJWT noKid = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.RS256),
                setup.claims(again[1]).build());
        noKid.sign(new com.nimbusds.jose.crypto.RSASSASigner(setup.idp.signingKey()));
        setup.idp.tokenBody = "{\"id_token\":\"" + noKid.serialize() + "\"}";
        assertThat(setup.failure(setup.finish(again[0]))).isEqualTo(setup.errorRedirect("Bad id_token signature"));
        assertThat(setup.idp.requests).noneMatch((request) -> request.contains("jwks.json"));
    }

    @Test
    void anUnreadableKeySetFails() {
        Setup setup = new Setup();
        setup.idp.jwksStatus = 503;

        assertThat(setup.failure(setup.signIn()))
                .isEqualTo(setup.errorRedirect(
                        "The jwks_uri " + setup.idp.issuer() + "/.well-known/jwks.json answered with status 503"));
    }

    @Test
    void attributesOutsideTheSchemaFailTheSignIn() {
        Setup setup = new Setup();
        mapping(setup, Map.of("email", "email", "custom:unknown", "email", "nickname", "given_name"));

        assertThat(setup.failure(setup.signIn()))
                .isEqualTo(setup.errorRedirect(
                        "Invalid user attributes: custom:unknown: Attribute does not exist in the schema.\n "));
        assertThat(setup.users.count(setup.pool)).isZero();
    }

    @Test
    void aRequiredAttributeTheProviderDoesNotSendFailsTheFirstSignIn() {
        Setup setup = new Setup();
        String poolId = setup.fixture.createPool(Map.of(
                "Schema",
                List.of(
                        Map.of("Name", "email", "AttributeDataType", "String", "Required", true),
                        Map.of("Name", "name", "AttributeDataType", "String", "Required", true))));
        UserPool strict = setup.emulator.store().pools().find(poolId).orElseThrow();
        IdentityProvider provider = setup.provider("Corp");
        setup.emulator
                .store()
                .resources()
                .create(IdentityProvider.KIND, poolId, IdentityProvider.key(poolId, "Corp"), provider);
        UserPoolClient client = setup.emulator
                .store()
                .clients()
                .find(setup.fixture
                        .call("CreateUserPoolClient", Map.of("UserPoolId", poolId, "ClientName", "app"))
                        .requireSuccess()
                        .string("UserPoolClient", "ClientId"))
                .orElseThrow();
        HostedResponse started = setup.federation.start(
                setup.http("/oauth2/authorize", null),
                strict,
                client,
                provider,
                new AuthorizationRequest(
                        client.clientId(),
                        CALLBACK,
                        AuthorizationRequest.ResponseType.CODE,
                        List.of("openid"),
                        null,
                        null,
                        null,
                        null));
        Matcher matcher = STATE_AND_NONCE.matcher(String.valueOf(started.header("Location")));
        assertThat(matcher.find()).isTrue();
        setup.idp.answerTokens(setup.claims(matcher.group(2)).build(), setup.idp.signingKey());

        FederatedSignIn.Outcome outcome =
                setup.federation.finish(setup.http("/oauth2/idpresponse", "code=c&state=" + matcher.group(1)), strict);

        assertThat(setup.failure(outcome))
                .isEqualTo(CALLBACK + "?error_description=Invalid user attributes: name: The attribute is required.\n "
                        + "&error=invalid_request");
    }

    @Test
    void aMappedImmutableAttributeFailsEverySignInAfterTheFirst() {
        Setup setup = new Setup();
        mapping(setup, Map.of("email", "email", "custom:badge", "badge"));
        JWTClaimsSet.Builder claims = setup.claims("").claim("badge", "B1");
        User first = setup.user(setup.signIn(claims, setup.idp.signingKey()));
        assertThat(first.attribute("custom:badge")).isEqualTo("B1");

        assertThat(setup.failure(setup.signIn(setup.claims("").claim("badge", "B1"), setup.idp.signingKey())))
                .isEqualTo(
                        setup.errorRedirect("Invalid user attributes: custom:badge: Attribute cannot be updated.\n "));
        assertThat(setup.user(setup.signIn(setup.claims(""), setup.idp.signingKey()))
                        .sub())
                .isEqualTo(first.sub());
    }

    private static void mapping(Setup setup, Map<String, String> mapping) {
        setup.fixture
                .call(
                        "UpdateIdentityProvider",
                        Map.of("UserPoolId", setup.poolId, "ProviderName", "Corp", "AttributeMapping", mapping))
                .requireSuccess();
    }

    @Test
    void withoutAnAccessTokenOrAUserInfoEndpointTheIdTokenAloneGivesTheAttributes() {
        Setup setup = new Setup();
        mapping(setup, Map.of("email", "email", "address", "address", "given_name", "given_name"));
        String[] stateAndNonce = setup.start();
        String idToken = FakeOidcProvider.sign(
                setup.claims(stateAndNonce[1])
                        .claim("address", Map.of("formatted", "2 Side St"))
                        .build(),
                setup.idp.signingKey());
        setup.idp.tokenBody = "{\"id_token\":\"" + idToken + "\"}";
        setup.idp.userInfoBody = "{\"given_name\":\"Not used\"}";

        User user = setup.user(setup.finish(stateAndNonce[0]));

        assertThat(user.attribute("address")).isEqualTo("{\"formatted\":\"2 Side St\"}");
        assertThat(user.attribute("given_name")).isEqualTo("Alice");
        assertThat(setup.idp.requests).noneMatch((request) -> request.contains("/userInfo"));

        setup.idp.discoveryBody = "{\"authorization_endpoint\":\"" + setup.idp.issuer() + "/authorize\","
                + "\"token_endpoint\":\"" + setup.idp.issuer() + "/token\","
                + "\"jwks_uri\":\"" + setup.idp.issuer() + "/.well-known/jwks.json\"}";
        setup.emulator.clock().advance(ProviderDiscovery.CACHE_TIME);
        User again = setup.user(setup.signIn());
        assertThat(again.attribute("given_name")).isEqualTo("Alice");
        assertThat(setup.idp.requests).noneMatch((request) -> request.contains("/userInfo"));
    }

    @Test
    void theQueryIsDecodedFirstValueFirst() {
        assertThat(OidcFederation.parseQuery("a=1&a=2&b=x%20y+z&c&d=%zz&=e"))
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "x y z"), Map.entry("c", ""), Map.entry("", "e"));
        assertThat(OidcFederation.parseQuery("")).isEmpty();
        assertThat(OidcFederation.parseQuery(null)).isEmpty();
        assertThat(OidcFederation.encode("a b+c/é")).isEqualTo("a%20b%2Bc%2F%C3%A9");
    }

    @Test
    void aPendingSignInRoundTripsThroughTheDatabase() {
        try (JdbcStore store = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            store.pools().create(EmulatorStoreContract.pool("us-east-1_fed"));
            PendingSignIn pending = new PendingSignIn(
                    "Corp",
                    new AuthorizationRequest(
                            "client",
                            CALLBACK,
                            AuthorizationRequest.ResponseType.TOKEN,
                            List.of("openid", "email"),
                            "s",
                            null,
                            "challenge",
                            "S256"),
                    "nonce",
                    Instant.parse("2024-01-01T00:00:00.123Z"),
                    Instant.parse("2024-01-01T00:05:00.123Z"));

            assertThat(store.resources().create(PendingSignIn.KIND, "us-east-1_fed", "us-east-1_fed/abc", pending))
                    .isTrue();

            assertThat(store.resources()
                            .find(PendingSignIn.KIND, "us-east-1_fed/abc")
                            .orElseThrow()
                            .value())
                    .isEqualTo(pending);
        }
    }
}
