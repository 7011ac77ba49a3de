package io.github.cognitoemulator.core.auth;

import java.util.Optional;

/**
 * Where open challenge sessions are kept, by the opaque string handed to the client. A session is taken once: of
 * two concurrent {@link #take(String)} calls for one session, exactly one gets it. Expired sessions are removed by
 * {@link io.github.cognitoemulator.core.store.EmulatorStore#sweepExpired(java.time.Instant)}.
 */
public interface AuthSessionStore {

    /** Opens a session under a new, unguessable key. */
    void open(String key, AuthSession session);

    /** The session, left open. */
    Optional<AuthSession> find(String key);

    /** Removes the session and returns it, to the one caller that removed it. */
    Optional<AuthSession> take(String key);
}
