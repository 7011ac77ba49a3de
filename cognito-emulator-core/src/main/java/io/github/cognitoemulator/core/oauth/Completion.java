package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.token.IssuedTokens;
import io.github.cognitoemulator.core.token.OAuthGrant;
import io.github.cognitoemulator.core.token.TokenRequest;
import io.github.cognitoemulator.core.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How every sign-in of managed login ends, whether on the login pages, through a session the browser already has, or
 * through an external identity provider: the session cookie for a new sign-in, then the redirect to the client with a
 * code, or with the tokens themselves for the implicit grant.
 */
public final class Completion {

    private final OAuthContext context;

    Completion(OAuthContext context) {
        this.context = Objects.requireNonNull(context, "'context' must not be null");
    }

    /**
     * Answers {@code request} for {@code user}.
     *
     * @param http the browser's request, for the site's URL
     * @param authTime when the user signed in
     * @param newSignIn whether the user just signed in, so that the browser gets a session; {@code false} when the
     *     browser came with one
     * @return the redirect to the client's callback URL
     */
    public HostedResponse complete(
            HostedRequest http,
            UserPool pool,
            UserPoolClient client,
            AuthorizationRequest request,
            User user,
            Instant authTime,
            boolean newSignIn) {
        List<HostedResponse.Header> cookies = new ArrayList<>();
        if (newSignIn) {
            String session = this.context.sessions().open(pool.id(), user.sub(), authTime);
            cookies.add(Cookies.set(http, HostedSessions.COOKIE, session, HostedSessions.LIFETIME.toSeconds()));
        }
        if (request.responseType() == AuthorizationRequest.ResponseType.CODE) {
            String code = this.context.codes().issue(pool.id(), request, user.sub(), authTime);
            Parameters answer = Parameters.NONE.with("code", code);
            if (request.state() != null) {
                answer = answer.with("state", request.state());
            }
            return Redirects.found(Redirects.withQuery(request.redirectUri(), answer), cookies);
        }
        IssuedTokens tokens = this.context
                .tokens()
                .issue(
                        new TokenRequest(
                                pool, client, user, OAuthContext.issuer(http, pool), authTime, null, null, Map.of()),
                        new OAuthGrant(request.scopes(), request.nonce(), false));
        Parameters fragment = Parameters.NONE;
        if (request.scopes().contains("openid")) {
            fragment = fragment.with("id_token", tokens.idToken());
        }
        fragment = fragment.with("access_token", tokens.accessToken())
                .with("token_type", "Bearer")
                .with("expires_in", Long.toString(tokens.expiresIn()));
        if (request.state() != null) {
            fragment = fragment.with("state", request.state());
        }
        return Redirects.found(request.redirectUri() + "#" + fragment.encode(), cookies);
    }
}
