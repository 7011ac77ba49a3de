package io.github.cognitoemulator.core.pool;

import java.util.List;
import java.util.Optional;

/** Where user pools are kept. Implementations must be safe for concurrent use. */
public interface UserPoolRepository {

    /** Stores a new pool or replaces the pool with the same id. */
    void save(UserPool pool);

    Optional<UserPool> findById(String userPoolId);

    /**
     * The pool with this id in {@code region}: pools are regional, and a call signed for another region does not
     * see them.
     */
    default Optional<UserPool> findInRegion(String userPoolId, String region) {
        return findById(userPoolId).filter((pool) -> pool.region().equals(region));
    }

    /** Every pool, ordered by id. */
    List<UserPool> findAll();

    /** Removes the pool; {@code false} when there was none. */
    boolean delete(String userPoolId);
}
