package io.github.cognitoemulator.core.client;

import java.util.List;
import java.util.Optional;

/** Where app clients are kept. Client ids are unique across pools. */
public interface ClientStore {

    /** Stores a new client; {@code false}, and nothing stored, when a client with its id exists already. */
    boolean create(UserPoolClient client);

    /** The client with this id, in any pool. */
    Optional<UserPoolClient> find(String clientId);

    /** Every client of a pool, ordered by client id. */
    List<UserPoolClient> list(String userPoolId);

    /**
     * Replaces {@code current} with {@code updated} (same id and pool); {@code false}, and nothing changed, when the
     * stored client is no longer equal to {@code current} or is gone.
     */
    boolean replace(UserPoolClient current, UserPoolClient updated);

    /** Removes the client; {@code false} when there was none. */
    boolean delete(String clientId);
}
