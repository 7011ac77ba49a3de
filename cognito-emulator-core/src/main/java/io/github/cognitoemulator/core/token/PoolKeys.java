package io.github.cognitoemulator.core.token;

import com.nimbusds.jose.jwk.RSAKey;
import java.util.Objects;

/**
 * The two signing keys of a pool, private parts included: as in Cognito, one signs ID tokens, the other access
 * tokens.
 *
 * @param userPoolId the pool
 * @param idToken signs ID tokens
 * @param accessToken signs access tokens
 */
public record PoolKeys(String userPoolId, RSAKey idToken, RSAKey accessToken) {

    public PoolKeys {
        Objects.requireNonNull(userPoolId, "'userPoolId' must not be null");
        if (!idToken.isPrivate() || !accessToken.isPrivate()) {
            throw new IllegalArgumentException("Signing keys need their private parts");
        }
    }

    /** A description without key material, so that a key never reaches a log by accident. */
    @Override
    public String toString() {
        return "PoolKeys[" + this.userPoolId + ", " + this.idToken.getKeyID() + ", " + this.accessToken.getKeyID()
                + "]";
    }
}
