package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.resourceserver.PoolResourceServers;
import io.github.cognitoemulator.core.support.Digests;
import io.github.cognitoemulator.core.token.IssuedTokens;
import io.github.cognitoemulator.core.token.OAuthGrant;
import io.github.cognitoemulator.core.token.RefreshSession;
import io.github.cognitoemulator.core.token.TokenRequest;
import io.github.cognitoemulator.core.user.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /oauth2/token}: the authorization code, refresh token and client credentials grants, answered with
 * Cognito's members, and its errors as {@code {"error":"..."}}.
 */
final class TokenEndpoint {

    private final OAuthContext context;

    private final ClientAuthentication authentication;

    TokenEndpoint(OAuthContext context, ClientAuthentication authentication) {
        this.context = Objects.requireNonNull(context, "'context' must not be null");
        this.authentication = Objects.requireNonNull(authentication, "'authentication' must not be null");
    }

    HostedResponse handle(HostedRequest http, UserPool pool) {
        if (!"POST".equals(http.method())) {
            return OAuthErrors.error("invalid_request");
        }
        Parameters form = Parameters.form(http);
        String grantType = form.nonEmpty("grant_type");
        if (grantType == null) {
            return OAuthErrors.error("invalid_request");
        }
        Optional<UserPoolClient> client = this.authentication.authenticate(http, pool, form);
        if (client.isEmpty()) {
            return OAuthErrors.error("invalid_client");
        }
        switch (grantType) {
            case "authorization_code":
                return authorizationCode(http, pool, client.get(), form);
            case "refresh_token":
                return refreshToken(http, pool, client.get(), form);
            case "client_credentials":
                return clientCredentials(http, pool, client.get(), form);
            default:
                return OAuthErrors.error("unsupported_grant_type");
        }
    }

    private HostedResponse authorizationCode(
            HostedRequest http, UserPool pool, UserPoolClient client, Parameters form) {
        if (!OAuthClients.allowsFlow(client, "code")) {
            return OAuthErrors.error("unauthorized_client");
        }
        String code = form.nonEmpty("code");
        String redirectUri = form.nonEmpty("redirect_uri");
        if (code == null || redirectUri == null) {
            return OAuthErrors.error("invalid_request");
        }
        Optional<AuthorizationCodes.AuthorizationCode> taken =
                this.context.codes().take(pool.id(), code);
        if (taken.isEmpty() || !taken.get().clientId().equals(client.clientId())) {
            return OAuthErrors.error("invalid_grant");
        }
        AuthorizationCodes.AuthorizationCode grant = taken.get();
        if (!grant.redirectUri().equals(redirectUri)) {
            // Cognito answers a callback URL that is not the authorization request's as a client it cannot serve.
            return OAuthErrors.error("unauthorized_client");
        }
        if (grant.codeChallenge() != null
                && !verifies(grant.codeChallenge(), grant.codeChallengeMethod(), form.first("code_verifier"))) {
            return OAuthErrors.error("invalid_grant");
        }
        Optional<User> user = this.context.users().findBySub(pool, grant.sub()).filter(User::enabled);
        if (user.isEmpty()) {
            return OAuthErrors.error("invalid_grant");
        }
        IssuedTokens tokens = this.context
                .tokens()
                .issue(
                        new TokenRequest(
                                pool,
                                client,
                                user.get(),
                                OAuthContext.issuer(http, pool),
                                grant.authTime(),
                                null,
                                null,
                                Map.of()),
                        new OAuthGrant(grant.scopes(), grant.nonce(), true));
        String refreshToken = Objects.requireNonNull(tokens.refreshToken());
        this.context
                .grantedScopes()
                .remember(this.context.tokens().refreshSession(refreshToken, client.clientId()), grant.scopes());
        return answer(tokens, grant.scopes().contains("openid"), refreshToken);
    }

    private HostedResponse refreshToken(HostedRequest http, UserPool pool, UserPoolClient client, Parameters form) {
        // Every client allows refresh: Cognito requires ALLOW_REFRESH_TOKEN_AUTH among the explicit flows.
        String refreshToken = form.nonEmpty("refresh_token");
        if (refreshToken == null) {
            return OAuthErrors.error("invalid_request");
        }
        RefreshSession session;
        try {
            session = this.context.tokens().refreshSession(refreshToken, client.clientId());
        } catch (CognitoException invalid) {
            return OAuthErrors.error("invalid_grant");
        }
        Optional<User> user =
                this.context.users().findBySub(pool, session.sub()).filter(User::enabled);
        if (user.isEmpty()) {
            return OAuthErrors.error("invalid_grant");
        }
        TokenRequest request = new TokenRequest(
                pool, client, user.get(), OAuthContext.issuer(http, pool), session.authTime(), session, null, Map.of());
        Optional<List<String>> scopes = this.context.grantedScopes().of(session);
        // A refresh token of the API keeps the API's tokens; one of an OAuth grant keeps the grant's scopes.
        IssuedTokens tokens = scopes.isPresent()
                ? this.context.tokens().issue(request, new OAuthGrant(scopes.get(), null, false))
                : this.context.tokens().issue(request);
        return answer(
                tokens, scopes.map((granted) -> granted.contains("openid")).orElse(true), null);
    }

    private HostedResponse clientCredentials(
            HostedRequest http, UserPool pool, UserPoolClient client, Parameters form) {
        if (!client.hasSecret() || !OAuthClients.allowsFlow(client, "client_credentials")) {
            return OAuthErrors.error("unauthorized_client");
        }
        List<String> custom = OAuthClients.scopes(client).stream()
                .filter((scope) -> PoolResourceServers.definesScope(this.context.resources(), pool.id(), scope))
                .toList();
        String requested = form.first("scope");
        List<String> scopes = (requested == null || requested.isBlank())
                ? custom
                : AuthorizationChecks.grantedScopes(client, requested).stream()
                        .filter(custom::contains)
                        .toList();
        if (scopes.isEmpty()) {
            return OAuthErrors.error("invalid_scope");
        }
        String accessToken =
                this.context.tokens().issueClientCredentials(pool, client, OAuthContext.issuer(http, pool), scopes);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("expires_in", client.tokenValidity().accessTokenDuration().toSeconds());
        body.put("token_type", "Bearer");
        return json(body);
    }

    /** Whether {@code verifier} answers the PKCE challenge (RFC 7636). */
    static boolean verifies(
            String challenge,
            @org.jspecify.annotations.Nullable String method,
            @org.jspecify.annotations.Nullable String verifier) {
        if (verifier == null || verifier.isEmpty()) {
            return false;
        }
        String expected = "S256".equals(method) ? Digests.sha256(verifier) : verifier;
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
    }

    private static HostedResponse answer(
            IssuedTokens tokens, boolean withIdToken, @org.jspecify.annotations.Nullable String refreshToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (withIdToken) {
            body.put("id_token", tokens.idToken());
        }
        body.put("access_token", tokens.accessToken());
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        body.put("expires_in", tokens.expiresIn());
        body.put("token_type", "Bearer");
        return json(body);
    }

    private static HostedResponse json(Map<String, Object> body) {
        return HostedResponse.of(
                200,
                OAuthErrors.JSON,
                FlatJson.object(body),
                List.of(new HostedResponse.Header("Cache-Control", "no-store")));
    }
}
