package io.github.cognitoemulator.core.client;

import java.util.List;
import java.util.Optional;

/** Where app clients are kept. Client ids are unique across pools. Implementations must be thread-safe. */
public interface UserPoolClientRepository {

    /** Stores a new client or replaces the one with the same id. */
    void save(UserPoolClient client);

    /** The client with this id, in any pool. */
    Optional<UserPoolClient> findByClientId(String clientId);

    /** Every client of a pool, ordered by client id. */
    List<UserPoolClient> findByUserPoolId(String userPoolId);

    /** Removes the client; {@code false} when there was none. */
    boolean delete(String clientId);

    /** Removes every client of a pool. */
    void deleteAll(String userPoolId);
}
