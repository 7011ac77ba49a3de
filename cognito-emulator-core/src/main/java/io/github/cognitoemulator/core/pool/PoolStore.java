package io.github.cognitoemulator.core.pool;

import io.github.cognitoemulator.core.error.Errors;
import java.util.List;
import java.util.Optional;

/**
 * Where user pools are kept. A pool is removed, with everything it owns, by
 * {@link io.github.cognitoemulator.core.store.EmulatorStore#deletePool(String)}.
 */
public interface PoolStore {

    /** Stores a new pool; {@code false}, and nothing stored, when a pool with its id exists already. */
    boolean create(UserPool pool);

    Optional<UserPool> find(String userPoolId);

    /**
     * The pool with this id in {@code region}: pools are regional, and a call signed for another region does not
     * see them.
     */
    default Optional<UserPool> findInRegion(String userPoolId, String region) {
        return find(userPoolId).filter((pool) -> pool.region().equals(region));
    }

    /** The pool with this id in {@code region}, or Cognito's error for a pool that does not exist. */
    default UserPool require(String userPoolId, String region) {
        return findInRegion(userPoolId, region).orElseThrow(() -> Errors.userPoolNotFound(userPoolId));
    }

    /** Every pool, ordered by id. */
    List<UserPool> list();

    /**
     * Replaces {@code current} with {@code updated} (same id); {@code false}, and nothing changed, when the stored pool
     * is no longer equal to {@code current} or is gone.
     */
    boolean replace(UserPool current, UserPool updated);
}
