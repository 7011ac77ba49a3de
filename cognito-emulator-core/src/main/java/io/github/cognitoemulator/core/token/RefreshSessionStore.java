package io.github.cognitoemulator.core.token;

import java.util.Optional;

/**
 * Where sign-ins are kept: one record per refresh token, looked up by the token's digest (the token itself is never
 * stored), and revocable by the sign-in's {@code origin_jti}, which its access tokens carry.
 */
public interface RefreshSessionStore {

    void save(RefreshSession session);

    /** The sign-in behind a refresh token, by the token's digest. */
    Optional<RefreshSession> findByTokenDigest(String tokenDigest);

    /** Whether the sign-in with this {@code origin_jti} has been revoked. */
    boolean isRevoked(String originJti);

    /** Revokes one sign-in; revoking twice is harmless. */
    void revoke(String originJti);

    /** Revokes every sign-in of a user. */
    void revokeUser(String userPoolId, String sub);
}
