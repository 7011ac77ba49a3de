package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.pool.UserPool;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /logout}: ends the browser's session, then sends it to one of the client's sign-out URLs
 * ({@code logout_uri}), or back to the login page to sign in again ({@code redirect_uri} and {@code response_type}).
 */
final class LogoutEndpoint {

    private final OAuthContext context;

    LogoutEndpoint(OAuthContext context) {
        this.context = Objects.requireNonNull(context, "'context' must not be null");
    }

    HostedResponse handle(HostedRequest http, UserPool pool) {
        Parameters query = Parameters.query(http);
        String clientId = query.nonEmpty("client_id");
        Optional<UserPoolClient> client = (clientId != null) ? this.context.client(pool, clientId) : Optional.empty();
        if (client.isEmpty()) {
            return Redirects.errorPage(http, "invalid_request", clientId);
        }
        String logoutUri = query.nonEmpty("logout_uri");
        if (logoutUri != null) {
            if (!OAuthClients.list(client.get(), "LogoutURLs").contains(logoutUri)) {
                return Redirects.errorPage(http, "invalid_request", clientId);
            }
            return Redirects.found(logoutUri, signOut(http, pool));
        }
        if (query.nonEmpty("redirect_uri") != null && query.nonEmpty("response_type") != null) {
            return Redirects.found(
                    Redirects.withQuery(http.siteUrl() + "/login", query.without("logout_uri")), signOut(http, pool));
        }
        return Redirects.errorPage(http, "invalid_request", clientId);
    }

    private List<HostedResponse.Header> signOut(HostedRequest http, UserPool pool) {
        this.context.sessions().close(pool.id(), Cookies.value(http, HostedSessions.COOKIE));
        return List.of(Cookies.clear(http, HostedSessions.COOKIE));
    }
}
