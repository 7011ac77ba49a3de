package io.github.cognitoemulator.core.user;

import java.util.List;
import java.util.Optional;

/**
 * Where users are kept, by pool and {@code sub}. Uniqueness of usernames and aliases is the
 * {@link UserDirectory}'s concern. Implementations must be thread-safe.
 */
public interface UserRepository {

    /** Stores a new user or replaces the one with the same pool and {@code sub}. */
    void save(User user);

    Optional<User> findBySub(String userPoolId, String sub);

    /** Every user of a pool, in no particular order. */
    List<User> findAll(String userPoolId);

    /** Removes the user; {@code false} when there was none. */
    boolean delete(String userPoolId, String sub);

    long count(String userPoolId);

    /** Removes every user of a pool. */
    void deleteAll(String userPoolId);
}
