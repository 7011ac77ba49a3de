package io.github.cognitoemulator.core.pool;

import java.util.List;
import java.util.Optional;

/** Where user pools are kept. Implementations must be safe for concurrent use. */
public interface UserPoolRepository {

    /** Stores a new pool or replaces the pool with the same id. */
    void save(UserPool pool);

    Optional<UserPool> findById(String userPoolId);

    /** Every pool, ordered by id. */
    List<UserPool> findAll();

    /** Removes the pool; {@code false} when there was none. */
    boolean delete(String userPoolId);
}
