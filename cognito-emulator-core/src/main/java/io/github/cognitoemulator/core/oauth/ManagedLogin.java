package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.domain.DomainActions;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.store.ResourceStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A pool's managed login: the OAuth 2.0 endpoints and the sign-in pages Cognito serves on a user pool domain. The
 * emulator serves each pool's at {@code <issuer base URL>/<pool id>} and, once the pool has a prefix domain, at
 * {@code <issuer base URL>/<prefix>} too.
 */
public final class ManagedLogin {

    /** The paths below a site's root that managed login answers. */
    public static final Set<String> PATHS = Set.of(
            "/oauth2/authorize",
            "/oauth2/token",
            "/oauth2/userInfo",
            "/oauth2/revoke",
            "/oauth2/idpresponse",
            "/login",
            "/logout",
            "/signup",
            "/confirmUser",
            "/forgotPassword",
            "/error");

    private final PoolStore pools;

    private final ResourceStore resources;

    private final String region;

    public ManagedLogin(PoolStore pools, ResourceStore resources, String region) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.region = Objects.requireNonNull(region, "'region' must not be null");
    }

    /**
     * Whether a request for {@code path} below the site {@code site} is managed login's, decided before its body is
     * read: a known path, on a site naming a pool or one of its prefix domains.
     */
    public boolean serves(String site, String path) {
        return PATHS.contains(path) && poolOf(site).isPresent();
    }

    /** The id of the pool a site serves: the site itself when it names a pool, else the pool of that domain. */
    public Optional<String> poolOf(String site) {
        if (site.indexOf('_') > 0) {
            return this.pools.find(site).map((pool) -> pool.id());
        }
        return DomainActions.poolOfDomain(this.resources, this.region, site);
    }

    /** Answers a request for which {@link #serves(String, String)} holds. */
    public HostedResponse handle(HostedRequest request) {
        return HostedResponse.of(404, "text/plain;charset=UTF-8", "Not Found", List.of());
    }
}
