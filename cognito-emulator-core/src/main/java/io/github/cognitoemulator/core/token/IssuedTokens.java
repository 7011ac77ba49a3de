package io.github.cognitoemulator.core.token;

import io.github.cognitoemulator.core.support.Redacted;
import org.jspecify.annotations.Nullable;

/**
 * The tokens of one successful authentication, as {@code AuthenticationResultType} carries them.
 *
 * @param idToken the signed ID token
 * @param accessToken the signed access token
 * @param refreshToken the opaque refresh token, {@code null} when a refresh issues none
 * @param expiresIn the access token's lifetime in seconds
 */
public record IssuedTokens(
        String idToken, String accessToken, @Nullable String refreshToken, long expiresIn) {

    /** A description without the tokens. */
    @Override
    public String toString() {
        return "IssuedTokens[idToken=" + Redacted.secret(this.idToken) + ", accessToken="
                + Redacted.secret(this.accessToken) + ", refreshToken=" + Redacted.secret(this.refreshToken)
                + ", expiresIn=" + this.expiresIn + "]";
    }
}
