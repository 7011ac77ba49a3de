package io.github.cognitoemulator.core.pool;

/** What lives inside a user pool (app clients, users, keys), as far as pool-level actions need to know it. */
public interface PoolContents {

    /** Prepares for a pool that was just created. */
    void created(String userPoolId);

    /** How many users the pool holds. */
    long countUsers(String userPoolId);

    /** Removes the pool and everything it holds, in one step. */
    void deleteAll(String userPoolId);
}
