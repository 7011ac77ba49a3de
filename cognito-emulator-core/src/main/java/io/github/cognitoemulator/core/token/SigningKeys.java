package io.github.cognitoemulator.core.token;

import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The signing keys of every pool, kept in a {@link SigningKeyStore} so that tokens outlive a restart and are
 * accepted by every instance sharing the store. A pool gets its keys the first time they are needed. Only public
 * keys ever leave this class.
 */
public final class SigningKeys {

    private final SigningKeyStore store;

    private final RsaKeySource source;

    /**
     * Keys read from the store. A pool's keys never change once stored and pool ids are never reused, so a copy
     * stays true; it only saves parsing them again for every token.
     */
    private final Map<String, PoolKeys> cache = new ConcurrentHashMap<>();

    /** A signer for each cached pool's keys, by key id: see {@link SigningProvider#signer}. */
    private final Map<String, JWSSigner> signers = new ConcurrentHashMap<>();

    /** The provider of the signers, or {@code null} for {@link SigningProvider#get()}, asked for on first use. */
    private final @Nullable SigningProvider provider;

    public SigningKeys(SigningKeyStore store, RsaKeySource source) {
        this(store, source, null);
    }

    SigningKeys(SigningKeyStore store, RsaKeySource source, @Nullable SigningProvider provider) {
        this.store = Objects.requireNonNull(store, "'store' must not be null");
        this.source = Objects.requireNonNull(source, "'source' must not be null");
        this.provider = provider;
    }

    /** The keys of a pool, created on first use. */
    PoolKeys forPool(String userPoolId) {
        PoolKeys cached = this.cache.get(userPoolId);
        if (cached != null) {
            return cached;
        }
        PoolKeys keys =
                this.store.keysFor(userPoolId, () -> new PoolKeys(userPoolId, this.source.next(), this.source.next()));
        this.cache.put(userPoolId, keys);
        return keys;
    }

    /** The signer of {@code key}, one of the keys {@link #forPool} gave. */
    JWSSigner signer(RSAKey key) {
        return this.signers.computeIfAbsent(
                key.getKeyID(), (kid) -> ((this.provider != null) ? this.provider : SigningProvider.get()).signer(key));
    }

    /** The public keys of one pool, as its {@code jwks.json} lists them. */
    public JWKSet publicKeys(String userPoolId) {
        PoolKeys pool = forPool(userPoolId);
        return new JWKSet(
                List.of(pool.idToken().toPublicJWK(), pool.accessToken().toPublicJWK()));
    }

    /** The public keys of every pool that has keys, for a verifier that trusts all of them. */
    public JWKSet allPublicKeys() {
        List<JWK> all = new ArrayList<>();
        this.store.list().forEach((pool) -> {
            all.add(pool.idToken().toPublicJWK());
            all.add(pool.accessToken().toPublicJWK());
        });
        return new JWKSet(all);
    }

    /** The key with id {@code kid} among a pool's keys. */
    Optional<RSAKey> find(String userPoolId, String kid) {
        PoolKeys pool = this.cache.get(userPoolId);
        if (pool == null) {
            pool = this.store.find(userPoolId).orElse(null);
            if (pool == null) {
                return Optional.empty();
            }
            this.cache.put(userPoolId, pool);
        }
        return List.of(pool.idToken(), pool.accessToken()).stream()
                .filter((key) -> kid.equals(key.getKeyID()))
                .findFirst();
    }

    /** Lets the key source prepare keys for a pool that was just created, before its first sign-in needs them. */
    public void expectPool(String userPoolId) {
        if (this.store.find(userPoolId).isEmpty()) {
            this.source.expectDemand();
        }
    }

    /** Forgets the copies of every pool's keys, after the store was cleared. */
    public void forgetAll() {
        this.cache.clear();
        this.signers.clear();
    }

    /** Forgets the copy of a deleted pool's keys; the store removes the keys themselves with the pool. */
    public void forget(String userPoolId) {
        PoolKeys keys = this.cache.remove(userPoolId);
        if (keys != null) {
            this.signers.remove(keys.idToken().getKeyID());
            this.signers.remove(keys.accessToken().getKeyID());
        }
    }
}
