package io.github.cognitoemulator.core.oauth;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An authorization request once {@code /oauth2/authorize} has checked it against the app client: what a sign-in, on
 * the login pages or through an external identity provider, ends by answering.
 *
 * @param clientId the app client
 * @param redirectUri the callback URL, one of the client's {@code CallbackURLs}
 * @param responseType a code to exchange, or the tokens themselves (implicit grant)
 * @param scopes the scopes granted, the requested ones the client allows, in Cognito's order
 * @param state the caller's {@code state}, carried back unchanged, or {@code null}
 * @param nonce the caller's {@code nonce}, put in the ID token, or {@code null}
 * @param codeChallenge the PKCE challenge, or {@code null}
 * @param codeChallengeMethod {@code S256} or {@code plain} with a challenge, else {@code null}
 */
public record AuthorizationRequest(
        String clientId,
        String redirectUri,
        ResponseType responseType,
        List<String> scopes,
        @Nullable String state,
        @Nullable String nonce,
        @Nullable String codeChallenge,
        @Nullable String codeChallengeMethod) {

    public AuthorizationRequest {
        Objects.requireNonNull(clientId, "'clientId' must not be null");
        Objects.requireNonNull(redirectUri, "'redirectUri' must not be null");
        Objects.requireNonNull(responseType, "'responseType' must not be null");
        scopes = List.copyOf(scopes);
    }

    /** What {@code response_type} asks for. */
    public enum ResponseType {
        /** {@code code}: an authorization code, exchanged at the token endpoint. */
        CODE,
        /** {@code token}: the tokens in the redirect's fragment (implicit grant). */
        TOKEN
    }
}
