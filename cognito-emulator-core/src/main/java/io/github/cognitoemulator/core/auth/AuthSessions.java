package io.github.cognitoemulator.core.auth;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.support.Ids;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The open challenge sessions, keyed by the opaque {@code Session} string handed to the client. */
public final class AuthSessions {

    private final Map<String, AuthSession> sessions = new ConcurrentHashMap<>();

    private final Clock clock;

    private final Ids ids;

    public AuthSessions(Clock clock, Ids ids) {
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    /** Opens a session and returns the string the client must send back. */
    public String open(AuthSession session) {
        // Standard base64, as Cognito's sessions and SRP secret blocks are: clients decode the secret block.
        String token = Base64.getEncoder().encodeToString(this.ids.randomBytes(300));
        this.sessions.put(token, session);
        return token;
    }

    /**
     * Takes the session for an answer to {@code challenge} from {@code clientId}; a session can be taken once.
     *
     * @throws io.github.cognitoemulator.core.error.CognitoException {@code NotAuthorizedException} when the session is
     *     unknown, used, for another client or challenge, or expired
     */
    public AuthSession take(String token, String clientId, ChallengeName challenge) {
        AuthSession session = find(token, clientId, challenge);
        this.sessions.remove(token, session);
        return session;
    }

    /**
     * The open session for an answer to {@code challenge} from {@code clientId}, left open so that a rejected answer
     * (a weak new password, say) can be corrected; {@link #close(String)} it once the answer is accepted.
     *
     * @throws io.github.cognitoemulator.core.error.CognitoException {@code NotAuthorizedException} when the session is
     *     unknown, closed, for another client or challenge, or expired
     */
    public AuthSession find(String token, String clientId, ChallengeName challenge) {
        AuthSession session = this.sessions.get(token);
        if (session == null || !session.clientId().equals(clientId) || session.challenge() != challenge) {
            throw ErrorType.NOT_AUTHORIZED.exception("Invalid session for the user.");
        }
        if (!this.clock.instant().isBefore(session.expiresAt())) {
            this.sessions.remove(token, session);
            throw ErrorType.NOT_AUTHORIZED.exception("Invalid session for the user, session is expired.");
        }
        return session;
    }

    /** Closes a session whose answer was accepted, so it cannot be used again. */
    public void close(String token) {
        this.sessions.remove(token);
    }
}
