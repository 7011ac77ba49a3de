package io.github.cognitoemulator.core.store;

import io.github.cognitoemulator.core.auth.AuthSessionStore;
import io.github.cognitoemulator.core.client.ClientStore;
import io.github.cognitoemulator.core.code.CodeStore;
import io.github.cognitoemulator.core.message.MessageStore;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.token.RefreshSessionStore;
import io.github.cognitoemulator.core.token.SigningKeyStore;
import io.github.cognitoemulator.core.user.UserStore;
import java.time.Instant;

/**
 * All the emulator's mutable state, behind one seam. The services keep none of their own: each part of the state
 * has a store built around atomic operations (create if absent, replace with a version check, take once, bounded
 * increment, expire), so that callers never read, modify and write back.
 *
 * <p>Implementations: {@link io.github.cognitoemulator.core.store.memory.InMemoryStore} (the default) and
 * {@link io.github.cognitoemulator.core.store.jdbc.JdbcStore} (H2 or PostgreSQL). Each must be safe for concurrent
 * use.
 */
public interface EmulatorStore extends AutoCloseable {

    PoolStore pools();

    ClientStore clients();

    UserStore users();

    AuthSessionStore authSessions();

    CodeStore codes();

    RefreshSessionStore refreshSessions();

    SigningKeyStore signingKeys();

    MessageStore messages();

    SecretStore secrets();

    /** The small records that live in pools: groups, resource servers, identity providers, domains, ... */
    ResourceStore resources();

    /**
     * Removes a pool and everything it owns (clients, users, sessions, codes, sign-ins, keys, messages) in one step.
     *
     * @return {@code false} when there was no such pool
     */
    boolean deletePool(String userPoolId);

    /**
     * Removes all state but the emulator's own {@link #secrets()}: every pool with everything it owns (as
     * {@link #deletePool(String)} does), the signing keys and messages of every pool, and the account's own
     * resources (those of no pool). Atomic on a database; in memory, a change made meanwhile may survive, so the
     * caller makes sure that nothing else writes while it runs.
     */
    void clear();

    /**
     * Removes the records whose time is up at {@code now}: challenge sessions, codes and sign-ins.
     *
     * @return how many records were removed
     */
    int sweepExpired(Instant now);

    /** Releases what the store holds (connections, for a database); the store is unusable afterwards. */
    @Override
    void close();
}
