package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.pool.UserPool;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /oauth2/revoke}: revokes a refresh token and the access tokens issued from it. An unknown or already
 * revoked token is answered as revoked, as RFC 7009 asks.
 */
final class RevokeEndpoint {

    private final OAuthContext context;

    private final ClientAuthentication authentication;

    RevokeEndpoint(OAuthContext context, ClientAuthentication authentication) {
        this.context = Objects.requireNonNull(context, "'context' must not be null");
        this.authentication = Objects.requireNonNull(authentication, "'authentication' must not be null");
    }

    HostedResponse handle(HostedRequest http, UserPool pool) {
        if (!"POST".equals(http.method())) {
            return OAuthErrors.error("invalid_request");
        }
        Parameters form = Parameters.form(http);
        String token = form.nonEmpty("token");
        if (token == null) {
            return OAuthErrors.error("invalid_request");
        }
        Optional<UserPoolClient> client = this.authentication.authenticate(http, pool, form);
        if (client.isEmpty()) {
            return OAuthErrors.error(401, "invalid_client");
        }
        if (!client.get().enableTokenRevocation()) {
            return OAuthErrors.error("invalid_request");
        }
        if (token.chars().filter((c) -> c == '.').count() == 2) {
            // Three parts: a signed JWT, an ID or access token, not a refresh token.
            return OAuthErrors.error("unsupported_token_type");
        }
        try {
            this.context.tokens().revokeRefreshToken(token, client.get().clientId());
        } catch (CognitoException issuedToAnotherClient) {
            // Another client's token stays valid, and the caller learns nothing about it.
        }
        return new HostedResponse(200, List.of(new HostedResponse.Header("Cache-Control", "no-store")), new byte[0]);
    }
}
