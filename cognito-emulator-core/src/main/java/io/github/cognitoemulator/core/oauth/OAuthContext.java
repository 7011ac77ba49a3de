package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.auth.AuthenticationActions;
import io.github.cognitoemulator.core.client.ClientSecrets;
import io.github.cognitoemulator.core.client.ClientStore;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.token.TokenService;
import io.github.cognitoemulator.core.user.UserDirectory;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What the endpoints of managed login share: the emulator's stores and services, and managed login's own records.
 *
 * @param region the region served
 */
record OAuthContext(
        PoolStore pools,
        ClientStore clients,
        ResourceStore resources,
        UserDirectory users,
        TokenService tokens,
        AuthenticationActions signIn,
        ClientSecrets clientSecrets,
        Clock clock,
        Ids ids,
        String region,
        AuthorizationCodes codes,
        HostedSessions sessions,
        GrantedScopes grantedScopes) {

    OAuthContext {
        Objects.requireNonNull(pools, "'pools' must not be null");
        Objects.requireNonNull(clients, "'clients' must not be null");
        Objects.requireNonNull(resources, "'resources' must not be null");
        Objects.requireNonNull(users, "'users' must not be null");
        Objects.requireNonNull(tokens, "'tokens' must not be null");
        Objects.requireNonNull(signIn, "'signIn' must not be null");
        Objects.requireNonNull(clientSecrets, "'clientSecrets' must not be null");
        Objects.requireNonNull(clock, "'clock' must not be null");
        Objects.requireNonNull(ids, "'ids' must not be null");
        Objects.requireNonNull(region, "'region' must not be null");
    }

    /** The app client {@code clientId} of {@code pool}, empty when unknown or another pool's. */
    Optional<UserPoolClient> client(UserPool pool, String clientId) {
        return this.clients
                .find(clientId)
                .filter((client) -> client.userPoolId().equals(pool.id()));
    }

    /** The {@code iss} of the pool's tokens. */
    static String issuer(HostedRequest http, UserPool pool) {
        return http.issuerBaseUrl() + "/" + pool.id();
    }

    /** The context the sign-in state machine is given for a browser request. */
    RequestContext requestContext(HostedRequest http) {
        return new RequestContext(this.region, this.ids.uuid(), http.issuerBaseUrl());
    }
}
