package io.github.cognitoemulator.core.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.cognitoemulator.core.provider.IdentityProvider;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Finds an OpenID Connect provider's endpoints: those given in its {@code ProviderDetails}, the rest from the
 * discovery document at {@code <oidc_issuer>/.well-known/openid-configuration}. Documents are kept a few minutes per
 * issuer, for a bounded number of issuers, so that a burst of sign-ins fetches one once.
 */
final class ProviderDiscovery {

    /** How long a fetched discovery document is used. */
    static final Duration CACHE_TIME = Duration.ofMinutes(5);

    /** How many issuers' documents are kept at most; the least recently used goes first. */
    static final int CACHE_SIZE = 32;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final OidcProviderHttp http;

    private final Clock clock;

    private final Map<String, Discovered> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Discovered> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    ProviderDiscovery(OidcProviderHttp http, Clock clock) {
        this.http = Objects.requireNonNull(http, "'http' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    /**
     * The endpoints of {@code provider}.
     *
     * @throws FederationFailure when a needed endpoint is neither given nor discoverable
     */
    ProviderEndpoints endpoints(IdentityProvider provider) {
        Map<String, String> details = provider.providerDetails();
        String authorize = details.get("authorize_url");
        String token = details.get("token_url");
        String jwks = details.get("jwks_uri");
        String attributes = details.get("attributes_url");
        if (authorize != null && token != null && jwks != null) {
            return new ProviderEndpoints(authorize, token, attributes, jwks);
        }
        Discovered discovered = discover(details.getOrDefault("oidc_issuer", ""));
        authorize = (authorize != null) ? authorize : discovered.authorizeUrl();
        token = (token != null) ? token : discovered.tokenUrl();
        jwks = (jwks != null) ? jwks : discovered.jwksUri();
        attributes = (attributes != null) ? attributes : discovered.userInfoUrl();
        if (authorize == null || token == null || jwks == null) {
            throw FederationFailure.invalidRequest("The OIDC discovery document of " + details.get("oidc_issuer")
                    + " lacks authorization_endpoint, token_endpoint or jwks_uri");
        }
        return new ProviderEndpoints(authorize, token, attributes, jwks);
    }

    private Discovered discover(String issuer) {
        Instant now = this.clock.instant();
        synchronized (this) {
            Discovered cached = this.cache.get(issuer);
            if (cached != null && now.isBefore(cached.fetchedAt().plus(CACHE_TIME))) {
                return cached;
            }
        }
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        String url = base + "/.well-known/openid-configuration";
        JsonNode document;
        try {
            OidcProviderHttp.Response response = this.http.get(URI.create(url), Map.of("Accept", "application/json"));
            if (!response.isSuccess()) {
                throw FederationFailure.invalidRequest(
                        "The OIDC discovery endpoint " + url + " answered with status " + response.status());
            }
            document = MAPPER.readTree(response.body());
        } catch (IOException | IllegalArgumentException ex) {
            throw FederationFailure.invalidRequest("Unable to read the OIDC discovery document at " + url);
        }
        Discovered discovered = new Discovered(
                text(document, "authorization_endpoint"),
                text(document, "token_endpoint"),
                text(document, "userinfo_endpoint"),
                text(document, "jwks_uri"),
                now);
        synchronized (this) {
            this.cache.put(issuer, discovered);
        }
        return discovered;
    }

    private static @Nullable String text(JsonNode document, String member) {
        JsonNode value = document.path(member);
        return value.isTextual() ? value.asText() : null;
    }

    /** The endpoints a discovery document lists, each {@code null} when it lists none. */
    private record Discovered(
            @Nullable String authorizeUrl,
            @Nullable String tokenUrl,
            @Nullable String userInfoUrl,
            @Nullable String jwksUri,
            Instant fetchedAt) {}
}
