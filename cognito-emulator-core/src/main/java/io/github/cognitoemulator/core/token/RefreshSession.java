package io.github.cognitoemulator.core.token;

import java.time.Instant;

/**
 * What a refresh token stands for: one sign-in of one user through one app client.
 *
 * @param tokenDigest the SHA-256 digest of the refresh token, in base64url; the token itself is never kept
 * @param userPoolId the pool
 * @param clientId the app client the token was issued to, the only one that may use it
 * @param sub the user
 * @param originJti the id shared by every token of this sign-in
 * @param authTime when the user signed in
 * @param expiresAt when the refresh token stops working
 * @param retainUntil when the record may be forgotten: once neither the refresh token nor any access token of the
 *     sign-in can be valid, so that a revocation is kept as long as it matters
 * @param revoked whether the sign-in was revoked (sign-out, RevokeToken)
 */
public record RefreshSession(
        String tokenDigest,
        String userPoolId,
        String clientId,
        String sub,
        String originJti,
        Instant authTime,
        Instant expiresAt,
        Instant retainUntil,
        boolean revoked) {

    /** This sign-in, revoked. */
    public RefreshSession asRevoked() {
        return new RefreshSession(
                this.tokenDigest,
                this.userPoolId,
                this.clientId,
                this.sub,
                this.originJti,
                this.authTime,
                this.expiresAt,
                this.retainUntil,
                true);
    }
}
