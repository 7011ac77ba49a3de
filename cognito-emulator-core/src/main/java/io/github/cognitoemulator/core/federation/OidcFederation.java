package io.github.cognitoemulator.core.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.cognitoemulator.core.client.ClientStore;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.oauth.AuthorizationRequest;
import io.github.cognitoemulator.core.oauth.FederatedSignIn;
import io.github.cognitoemulator.core.oauth.HostedRequest;
import io.github.cognitoemulator.core.oauth.HostedResponse;
import io.github.cognitoemulator.core.pool.SchemaAttribute;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.provider.Identities;
import io.github.cognitoemulator.core.provider.IdentityProvider;
import io.github.cognitoemulator.core.provider.IdentityProviderActions;
import io.github.cognitoemulator.core.provider.ProviderLink;
import io.github.cognitoemulator.core.provider.ProviderLinkActions;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.support.Digests;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.trigger.PreSignUpTrigger;
import io.github.cognitoemulator.core.trigger.Triggers;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import io.github.cognitoemulator.core.user.UserStatus;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Sign-in through a pool's OIDC identity providers, as Cognito does it: {@link #start} sends the browser to the
 * provider's authorization endpoint with a fresh {@code state} and {@code nonce}; {@link #finish} takes the provider's
 * answer at {@code /oauth2/idpresponse}, exchanges the code at the token endpoint ({@code client_secret_post}, the
 * only client authentication Cognito uses with OIDC providers), checks the ID token, reads the userInfo endpoint, and
 * signs in the native user linked to that identity or the federated user {@code <ProviderName>_<sub>}, created on the
 * first sign-in with status {@code EXTERNAL_PROVIDER} and given the mapped attributes again at each sign-in.
 *
 * <p>Only OIDC providers are federated: SAML and the social providers talk to fixed public endpoints the emulator
 * cannot stand in for, so their sign-ins end at the app client's callback with {@code invalid_request}.
 */
public final class OidcFederation implements FederatedSignIn {

    /** How long the provider has to send the browser back. */
    static final Duration PENDING_TIME = Duration.ofMinutes(5);

    /** The most sign-ins of one pool waiting for their provider; past it the oldest is forgotten. */
    static final int MAX_PENDING_PER_POOL = 1000;

    /** The path below the site where providers send the browser back. */
    static final String IDP_RESPONSE_PATH = "/oauth2/idpresponse";

    private static final int MAX_WRITE_ATTEMPTS = 10;

    private static final String OIDC = "OIDC";

    private static final String USER_EXISTS = "User account already exists";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final ClientStore clients;

    private final UserDirectory users;

    private final ResourceStore resources;

    private final Triggers triggers;

    private final Clock clock;

    private final Ids ids;

    private final OidcProviderHttp http;

    private final ProviderDiscovery discovery;

    private final IdTokenVerifier verifier;

    /**
     * @param clients the app clients, to answer the client a sign-in started from
     * @param users the pools' users
     * @param resources where identity providers, links and pending sign-ins are kept
     * @param triggers runs the pre sign-up and post confirmation triggers when a federated user is created
     * @param clock the emulator's clock, for expiry of pending sign-ins and ID tokens
     * @param ids the source of {@code state}, {@code nonce} and {@code sub} values
     * @param http how the providers are reached, {@link OidcProviderHttp#jdk()} outside tests
     */
    public OidcFederation(
            ClientStore clients,
            UserDirectory users,
            ResourceStore resources,
            Triggers triggers,
            Clock clock,
            Ids ids,
            OidcProviderHttp http) {
        this.clients = Objects.requireNonNull(clients, "'clients' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.triggers = Objects.requireNonNull(triggers, "'triggers' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
        this.http = Objects.requireNonNull(http, "'http' must not be null");
        this.discovery = new ProviderDiscovery(http, clock);
        this.verifier = new IdTokenVerifier(http, clock);
    }

    @Override
    public HostedResponse start(
            HostedRequest http,
            UserPool pool,
            UserPoolClient client,
            IdentityProvider provider,
            AuthorizationRequest request) {
        if (!provider.providerType().equals(OIDC)) {
            return errorRedirect(
                    request,
                    FederationFailure.invalidRequest("Sign-in through " + provider.providerType()
                            + " identity providers is not emulated; use an OIDC provider."));
        }
        ProviderEndpoints endpoints;
        try {
            endpoints = this.discovery.endpoints(provider);
        } catch (FederationFailure failure) {
            return errorPage(http, failure);
        }
        String state = randomToken();
        String nonce = randomToken();
        Instant now = this.clock.instant();
        PendingSignIn pending = new PendingSignIn(provider.providerName(), request, nonce, now, now.plus(PENDING_TIME));
        if (!remember(pool, pendingKey(pool, state), pending)) {
            return errorPage(http, FederationFailure.invalidRequest("The user pool " + pool.id() + " is gone."));
        }
        Map<String, String> details = provider.providerDetails();
        String location = endpoints.authorizeUrl()
                + (endpoints.authorizeUrl().contains("?") ? "&" : "?")
                + "response_type=code"
                + "&client_id=" + encode(details.getOrDefault("client_id", ""))
                + "&redirect_uri=" + encode(http.siteUrl() + IDP_RESPONSE_PATH)
                + "&scope=" + encode(details.getOrDefault("authorize_scopes", "openid"))
                + "&state=" + encode(state)
                + "&nonce=" + encode(nonce);
        return redirect(location);
    }

    @Override
    public Outcome finish(HostedRequest http, UserPool pool) {
        Map<String, String> query = parseQuery(http.rawQuery());
        String state = query.get("state");
        if (state == null || state.isEmpty()) {
            return new Failed(errorPage(http, FederationFailure.invalidRequest("The state parameter is missing.")));
        }
        Optional<PendingSignIn> taken = take(pool, state);
        if (taken.isEmpty()) {
            return new Failed(errorPage(http, FederationFailure.invalidRequest("Invalid or expired state.")));
        }
        PendingSignIn pending = taken.get();
        AuthorizationRequest request = pending.request();
        Optional<UserPoolClient> client = this.clients
                .find(request.clientId())
                .filter((found) -> found.userPoolId().equals(pool.id()));
        if (client.isEmpty()) {
            return new Failed(errorPage(http, FederationFailure.invalidRequest("The app client no longer exists.")));
        }
        try {
            User user = signIn(http, pool, client.get(), pending, query);
            return new SignedIn(client.get(), request, user, this.clock.instant());
        } catch (FederationFailure failure) {
            return new Failed(errorRedirect(request, failure));
        } catch (CognitoException ex) {
            return new Failed(
                    errorRedirect(request, FederationFailure.invalidRequest(String.valueOf(ex.getMessage()))));
        }
    }

    /** The user the provider's answer signs in, after every check. */
    private User signIn(
            HostedRequest http,
            UserPool pool,
            UserPoolClient client,
            PendingSignIn pending,
            Map<String, String> query) {
        String providerError = query.get("error");
        if (providerError != null) {
            throw new FederationFailure(providerError, query.getOrDefault("error_description", providerError));
        }
        IdentityProvider provider = IdentityProviderActions.find(this.resources, pool.id(), pending.providerName())
                .filter((found) -> found.providerType().equals(OIDC))
                .orElseThrow(() -> FederationFailure.invalidRequest(
                        "The identity provider " + pending.providerName() + " no longer exists."));
        String code = query.get("code");
        if (code == null || code.isEmpty()) {
            throw FederationFailure.invalidRequest("The identity provider sent no authorization code.");
        }
        ProviderEndpoints endpoints = this.discovery.endpoints(provider);
        Map<String, String> details = provider.providerDetails();
        String providerClientId = details.getOrDefault("client_id", "");
        JsonNode tokens = exchange(http, endpoints, details, code);
        String idToken = tokens.path("id_token").asText("");
        if (idToken.isEmpty()) {
            throw FederationFailure.invalidRequest("The identity provider's token response has no id_token.");
        }
        JWTClaimsSet idClaims = this.verifier.verify(
                idToken,
                endpoints.jwksUri(),
                details.getOrDefault("oidc_issuer", ""),
                providerClientId,
                pending.nonce());
        Map<String, String> claims = new LinkedHashMap<>();
        idClaims.getClaims().forEach((name, value) -> claims.put(name, claimText(value)));
        String accessToken = tokens.path("access_token").asText("");
        if (endpoints.attributesUrl() != null && !accessToken.isEmpty()) {
            claims.putAll(userInfo(endpoints.attributesUrl(), details, accessToken, claims.get("sub")));
        }
        return user(pool, client, provider, claims);
    }

    /** Exchanges the code at the token endpoint, authenticating with {@code client_secret_post}. */
    private JsonNode exchange(
            HostedRequest http, ProviderEndpoints endpoints, Map<String, String> details, String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", http.siteUrl() + IDP_RESPONSE_PATH);
        form.put("client_id", details.getOrDefault("client_id", ""));
        String secret = details.get("client_secret");
        if (secret != null) {
            form.put("client_secret", secret);
        }
        OidcProviderHttp.Response response;
        try {
            response = this.http.postForm(URI.create(endpoints.tokenUrl()), form, Map.of("Accept", "application/json"));
        } catch (IOException | IllegalArgumentException ex) {
            throw FederationFailure.invalidRequest("Unable to reach the token endpoint of the identity provider.");
        }
        if (!response.isSuccess()) {
            throw FederationFailure.invalidRequest(
                    "The identity provider's token endpoint answered with status " + response.status() + ".");
        }
        try {
            JsonNode tokens = MAPPER.readTree(response.body());
            if (!tokens.isObject()) {
                throw new IOException("not an object");
            }
            return tokens;
        } catch (IOException ex) {
            throw FederationFailure.invalidRequest("The identity provider's token response is not JSON.");
        }
    }

    /** The claims of the userInfo endpoint, asked with the method of {@code attributes_request_method}. */
    private Map<String, String> userInfo(
            String url, Map<String, String> details, String accessToken, @Nullable String sub) {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + accessToken, "Accept", "application/json");
        OidcProviderHttp.Response response;
        try {
            response = "POST".equals(details.get("attributes_request_method"))
                    ? this.http.postForm(URI.create(url), Map.of(), headers)
                    : this.http.get(URI.create(url), headers);
        } catch (IOException | IllegalArgumentException ex) {
            throw FederationFailure.invalidRequest("Unable to reach the userInfo endpoint of the identity provider.");
        }
        if (!response.isSuccess()) {
            throw FederationFailure.invalidRequest(
                    "The identity provider's userInfo endpoint answered with status " + response.status() + ".");
        }
        Map<String, String> claims = new LinkedHashMap<>();
        try {
            JsonNode document = MAPPER.readTree(response.body());
            if (!document.isObject()) {
                throw new IOException("not an object");
            }
            document.fields()
                    .forEachRemaining((field) -> claims.put(
                            field.getKey(),
                            field.getValue().isValueNode()
                                    ? field.getValue().asText()
                                    : field.getValue().toString()));
        } catch (IOException ex) {
            throw FederationFailure.invalidRequest("The identity provider's userInfo response is not JSON.");
        }
        // OpenID Connect Core 5.3.2: an answer about another subject than the ID token's must not be used.
        if (!Objects.equals(claims.getOrDefault("sub", sub), sub)) {
            throw FederationFailure.invalidRequest("The userInfo sub does not match the id_token sub.");
        }
        return claims;
    }

    /** The linked native user, or the federated user, created or updated with the mapped attributes. */
    private User user(UserPool pool, UserPoolClient client, IdentityProvider provider, Map<String, String> claims) {
        Map<String, String> mapping = provider.attributeMapping();
        String userId = claims.get(mapping.getOrDefault("username", "sub"));
        if (userId == null || userId.isEmpty()) {
            throw FederationFailure.invalidRequest(
                    "The identity provider sent no " + mapping.getOrDefault("username", "sub") + ".");
        }
        Map<String, String> mapped = new LinkedHashMap<>();
        mapping.forEach((attribute, claim) -> {
            String value = claims.get(claim);
            if (!attribute.equals("username") && value != null) {
                mapped.put(attribute, value);
            }
        });
        Optional<User> linked = linkedUser(pool, provider, claims.get("sub"), mapped);
        if (linked.isPresent()) {
            return updated(pool, requireEnabled(linked.get()), mapped);
        }
        String username = provider.providerName() + "_" + userId;
        Optional<User> existing = this.users.findByUsername(pool, username);
        if (existing.isPresent()) {
            return updated(pool, requireEnabled(existing.get()), mapped);
        }
        return created(pool, client, provider, username, userId, mapped);
    }

    /**
     * The user an administrator linked this identity to with AdminLinkProviderForUser: by the provider's subject
     * ({@code Cognito_Subject}), or by a mapped attribute named in the link.
     */
    private Optional<User> linkedUser(
            UserPool pool, IdentityProvider provider, @Nullable String sub, Map<String, String> mapped) {
        Map<String, String> candidates = new LinkedHashMap<>();
        if (sub != null) {
            candidates.put(ProviderLinkActions.COGNITO_SUBJECT, sub);
        }
        candidates.putAll(mapped);
        for (Map.Entry<String, String> candidate : candidates.entrySet()) {
            Optional<ProviderLink> link = this.resources
                    .find(ProviderLink.KIND, ProviderLink.key(pool.id(), provider.providerName(), candidate.getValue()))
                    .map(Resource::value)
                    .filter((found) -> found.providerAttributeName().equals(candidate.getKey()));
            if (link.isPresent()) {
                Optional<User> user = this.users
                        .findBySub(pool, link.get().sub())
                        .filter((found) -> Identities.read(found.attribute(Identities.ATTRIBUTE)).stream()
                                .anyMatch((identity) -> identity.providerName().equals(provider.providerName())
                                        && identity.userId().equals(candidate.getValue())));
                if (user.isPresent()) {
                    return user;
                }
            }
        }
        return Optional.empty();
    }

    /** Creates the federated user; of two first sign-ins at once, the one that loses signs in the winner's user. */
    private User created(
            UserPool pool,
            UserPoolClient client,
            IdentityProvider provider,
            String username,
            String userId,
            Map<String, String> mapped) {
        Instant now = this.clock.instant();
        String sub = this.ids.uuid();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("sub", sub);
        attributes.putAll(mapped);
        attributes.put(
                Identities.ATTRIBUTE,
                Identities.write(List.of(new Identities.Identity(
                        userId, provider.providerName(), provider.providerType(), true, now.toEpochMilli()))));
        checkAttributes(pool, attributes, true);
        PreSignUpTrigger.Response decision = this.triggers.preSignUp(
                pool, client.clientId(), "PreSignUp_ExternalProvider", username, attributes, Map.of(), Map.of());
        Triggers.applyAutoVerification(decision, attributes);
        User user = new User(
                pool.id(), username, sub, attributes, UserStatus.EXTERNAL_PROVIDER, true, now, now, null, null, 0);
        try {
            this.users.create(pool, user, USER_EXISTS);
        } catch (CognitoException ex) {
            if (ex.type() == ErrorType.USERNAME_EXISTS) {
                Optional<User> winner = this.users.findByUsername(pool, username);
                if (winner.isPresent()) {
                    return updated(pool, requireEnabled(winner.get()), mapped);
                }
            }
            throw ex;
        }
        this.triggers.postConfirmation(pool, client.clientId(), "PostConfirmation_ConfirmSignUp", user, Map.of());
        return user;
    }

    /** The user with the provider's latest values of the mapped attributes, stored when any changed. */
    private User updated(UserPool pool, User user, Map<String, String> mapped) {
        checkAttributes(pool, mapped, false);
        return this.users.modify(pool, user.sub(), (current) -> {
            Map<String, String> attributes = new LinkedHashMap<>(current.attributes());
            attributes.putAll(mapped);
            return attributes.equals(current.attributes())
                    ? current
                    : current.withAttributes(attributes, this.clock.instant());
        });
    }

    /**
     * Checks the attributes a sign-in would write as Cognito does: each must be in the pool's schema; a new user must
     * have every required one; and since Cognito writes every mapped attribute again at each later sign-in, an
     * immutable one fails every sign-in after the first.
     */
    private static void checkAttributes(UserPool pool, Map<String, String> attributes, boolean creating) {
        StringBuilder problems = new StringBuilder();
        for (String name : attributes.keySet()) {
            Optional<SchemaAttribute> schema = pool.attribute(name);
            if (schema.isEmpty() && !name.equals(Identities.ATTRIBUTE)) {
                problems.append(name).append(": Attribute does not exist in the schema.\n ");
            } else if (!creating && schema.isPresent() && !schema.get().mutable()) {
                problems.append(name).append(": Attribute cannot be updated.\n ");
            }
        }
        if (creating) {
            for (SchemaAttribute attribute : pool.schema()) {
                if (attribute.required() && !attributes.containsKey(attribute.name())) {
                    problems.append(attribute.name()).append(": The attribute is required.\n ");
                }
            }
        }
        if (problems.length() > 0) {
            throw FederationFailure.invalidRequest("Invalid user attributes: " + problems);
        }
    }

    private static User requireEnabled(User user) {
        if (!user.enabled()) {
            throw FederationFailure.invalidRequest("User is disabled.");
        }
        return user;
    }

    /**
     * Stores a pending sign-in, forgetting in the same write the pool's expired ones and, at the limit, the oldest,
     * so that browsers that never come back cannot pile sign-ins up.
     *
     * @return {@code false} when the pool is gone
     */
    private boolean remember(UserPool pool, String key, PendingSignIn pending) {
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            List<ResourceChange> changes = new ArrayList<>();
            List<Resource<PendingSignIn>> live = new ArrayList<>();
            for (Resource<PendingSignIn> existing :
                    this.resources.list(PendingSignIn.KIND, pool.id(), pool.id() + "/")) {
                if (existing.value().expiresAt().isAfter(pending.createdAt())) {
                    live.add(existing);
                } else {
                    changes.add(new ResourceChange.Delete(existing));
                }
            }
            live.sort(Comparator.comparing(
                    (Resource<PendingSignIn> r) -> r.value().createdAt()));
            for (int i = 0; i <= live.size() - MAX_PENDING_PER_POOL; i++) {
                changes.add(new ResourceChange.Delete(live.get(i)));
            }
            changes.add(new ResourceChange.Create<>(PendingSignIn.KIND, pool.id(), key, pending));
            if (this.resources.write(changes)) {
                return true;
            }
        }
        return false;
    }

    /** Takes the pending sign-in of {@code state} once: the delete that takes it fails for any later taker. */
    private Optional<PendingSignIn> take(UserPool pool, String state) {
        Optional<Resource<PendingSignIn>> found = this.resources.find(PendingSignIn.KIND, pendingKey(pool, state));
        if (found.isEmpty() || !this.resources.delete(found.get())) {
            return Optional.empty();
        }
        PendingSignIn pending = found.get().value();
        return this.clock.instant().isBefore(pending.expiresAt()) ? Optional.of(pending) : Optional.empty();
    }

    /** The key of a pending sign-in: a digest of the state, so that the store never holds the state itself. */
    static String pendingKey(UserPool pool, String state) {
        return pool.id() + "/" + HexFormat.of().formatHex(Digests.sha256Bytes(state));
    }

    private String randomToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(this.ids.randomBytes(32));
    }

    /** The claim as the attribute value Cognito stores: text as it is, anything else as its JSON. */
    private static String claimText(@Nullable Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof java.util.Date date) {
            return Long.toString(date.toInstant().getEpochSecond());
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            try {
                return MAPPER.writeValueAsString(value);
            } catch (IOException ex) {
                return String.valueOf(value);
            }
        }
        return String.valueOf(value);
    }

    /**
     * The error redirect to the app client's callback, as Cognito writes it: {@code error_description}, the client's
     * {@code state}, then {@code error}; in the fragment for the implicit grant.
     */
    private static HostedResponse errorRedirect(AuthorizationRequest request, FederationFailure failure) {
        boolean fragment = request.responseType() == AuthorizationRequest.ResponseType.TOKEN;
        StringBuilder location = new StringBuilder(request.redirectUri());
        location.append(fragment ? '#' : (request.redirectUri().contains("?") ? '&' : '?'));
        location.append("error_description=").append(encode(failure.description()));
        if (request.state() != null) {
            location.append("&state=").append(encode(request.state()));
        }
        location.append("&error=").append(encode(failure.error()));
        return redirect(location.toString());
    }

    /** The site's error page, for an answer that cannot be tied to an app client's callback. */
    private static HostedResponse errorPage(HostedRequest http, FederationFailure failure) {
        return redirect(http.siteUrl() + "/error?error=" + encode(failure.error()) + "&error_description="
                + encode(failure.description()));
    }

    private static HostedResponse redirect(String location) {
        return new HostedResponse(
                302,
                List.of(
                        new HostedResponse.Header("Location", location),
                        new HostedResponse.Header("Cache-Control", "no-store")),
                new byte[0]);
    }

    /** Percent-encodes a query value, spaces as {@code %20}. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The query's parameters, the first value of each; malformed escapes make a parameter absent. */
    static Map<String, String> parseQuery(@Nullable String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = (equals < 0) ? pair : pair.substring(0, equals);
            String value = (equals < 0) ? "" : pair.substring(equals + 1);
            try {
                parameters.putIfAbsent(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException ex) {
                // A malformed escape: the parameter is as good as absent.
            }
        }
        return parameters;
    }
}
