package io.github.cognitoemulator.core.token;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Where each pool's signing keys are kept, private parts included; only public keys are ever published. */
public interface SigningKeyStore {

    /**
     * The pool's keys, created from {@code generator} when the pool has none yet. When two callers race, both get
     * the keys that were stored first.
     */
    PoolKeys keysFor(String userPoolId, Supplier<PoolKeys> generator);

    /** The pool's keys, if it has any yet. */
    Optional<PoolKeys> find(String userPoolId);

    /** The keys of every pool, ordered by pool id. */
    List<PoolKeys> list();
}
