package io.github.cognitoemulator.core.pool;

import java.util.Map;

/** What lives inside a user pool (app clients, users, keys), as far as pool-level actions need to know it. */
public interface PoolContents {

    /** Prepares for a pool that was just created. */
    void created(String userPoolId);

    /** How many users the pool holds. */
    long countUsers(String userPoolId);

    /**
     * The members DescribeUserPool shows for what the pool holds besides its own settings ({@code Domain},
     * {@code CustomDomain}), by wire name.
     */
    Map<String, Object> describedMembers(String userPoolId);

    /** Whether the pool has a domain, which Cognito requires to be deleted before the pool. */
    boolean hasDomain(String userPoolId);

    /** Removes the pool and everything it holds, in one step. */
    void deleteAll(String userPoolId);
}
