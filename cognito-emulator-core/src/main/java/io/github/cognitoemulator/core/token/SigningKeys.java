package io.github.cognitoemulator.core.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signing keys of every pool. As in Cognito, each pool has two RSA keys: one signs its ID tokens, the other its
 * access tokens. A pool gets its keys the first time they are needed. Only public keys ever leave this class.
 */
public final class SigningKeys {

    private final RsaKeySource source;

    private final Map<String, PoolKeys> keys = new ConcurrentHashMap<>();

    public SigningKeys(RsaKeySource source) {
        this.source = Objects.requireNonNull(source, "'source' must not be null");
    }

    /** The keys of a pool, created on first use. */
    PoolKeys forPool(String userPoolId) {
        return this.keys.computeIfAbsent(userPoolId, (id) -> new PoolKeys(this.source.next(), this.source.next()));
    }

    /** The public keys of one pool, as its {@code jwks.json} lists them. */
    public JWKSet publicKeys(String userPoolId) {
        PoolKeys pool = forPool(userPoolId);
        return new JWKSet(
                List.of(pool.idToken().toPublicJWK(), pool.accessToken().toPublicJWK()));
    }

    /** The public keys of every pool that has keys, for a verifier that trusts all of them. */
    public JWKSet allPublicKeys() {
        List<com.nimbusds.jose.jwk.JWK> all = new ArrayList<>();
        this.keys.values().forEach((pool) -> {
            all.add(pool.idToken().toPublicJWK());
            all.add(pool.accessToken().toPublicJWK());
        });
        return new JWKSet(all);
    }

    /** The key with id {@code kid} among a pool's keys. */
    Optional<RSAKey> find(String userPoolId, String kid) {
        PoolKeys pool = this.keys.get(userPoolId);
        if (pool == null) {
            return Optional.empty();
        }
        return List.of(pool.idToken(), pool.accessToken()).stream()
                .filter((key) -> kid.equals(key.getKeyID()))
                .findFirst();
    }

    /** Lets the key source prepare keys for a pool that was just created, before its first sign-in needs them. */
    public void expectPool(String userPoolId) {
        if (!this.keys.containsKey(userPoolId)) {
            this.source.expectDemand();
        }
    }

    /** Forgets a deleted pool's keys. */
    public void remove(String userPoolId) {
        this.keys.remove(userPoolId);
    }

    /**
     * The two keys of a pool.
     *
     * @param idToken signs ID tokens
     * @param accessToken signs access tokens
     */
    record PoolKeys(RSAKey idToken, RSAKey accessToken) {}
}
