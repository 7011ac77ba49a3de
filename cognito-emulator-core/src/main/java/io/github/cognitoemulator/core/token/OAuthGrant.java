package io.github.cognitoemulator.core.token;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an OAuth 2.0 grant of managed login adds to a sign-in's tokens: the scopes granted, which the access token
 * carries in place of the API's single scope, and the {@code nonce} the ID token repeats.
 *
 * @param scopes the granted scopes, in the order the access token lists them
 * @param nonce the authorization request's {@code nonce}, or {@code null}
 * @param refreshToken whether a refresh token is issued (not for the implicit grant)
 */
public record OAuthGrant(List<String> scopes, @Nullable String nonce, boolean refreshToken) {

    public OAuthGrant {
        scopes = List.copyOf(scopes);
    }

    /** The {@code scope} claim: the scopes, space separated. */
    public String scopeClaim() {
        return String.join(" ", this.scopes);
    }
}
