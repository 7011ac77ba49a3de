package io.github.cognitoemulator.core.auth;

import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.support.Ids;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;

/**
 * The open challenge sessions, keyed by the opaque {@code Session} string handed to the client and kept in an
 * {@link AuthSessionStore}. A session answers one challenge from one client, once, before it expires.
 */
public final class AuthSessions {

    /** The random bytes behind a session string. */
    private static final int TOKEN_BYTES = 300;

    /** The length of every session string: {@link #TOKEN_BYTES} in padded base64. */
    static final int TOKEN_LENGTH = 400;

    private final AuthSessionStore sessions;

    private final Clock clock;

    private final Ids ids;

    public AuthSessions(AuthSessionStore sessions, Clock clock, Ids ids) {
        this.sessions = Objects.requireNonNull(sessions, "'sessions' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    /** Opens a session and returns the string the client must send back. */
    public String open(AuthSession session) {
        // Standard base64, as Cognito's sessions and SRP secret blocks are: clients decode the secret block.
        String token = Base64.getEncoder().encodeToString(this.ids.randomBytes(TOKEN_BYTES));
        this.sessions.open(token, session);
        return token;
    }

    /**
     * Whether {@code token} has the length of the strings {@link #open(AuthSession)} hands out, which a caller can
     * check before looking up a string of any length a client sent.
     */
    static boolean isWellFormed(String token) {
        return token.length() == TOKEN_LENGTH;
    }

    /**
     * Takes the session for an answer to {@code challenge} from {@code clientId}; of concurrent callers, one gets it.
     *
     * @throws CognitoException {@code NotAuthorizedException} when the session is unknown, used, for another client
     *     or challenge, or expired
     */
    public AuthSession take(String token, String clientId, ChallengeName challenge) {
        AuthSession session = find(token, clientId, challenge);
        close(token);
        return session;
    }

    /**
     * The open session for an answer to {@code challenge} from {@code clientId}, left open so that a rejected answer
     * (a weak new password, say) can be corrected; {@link #close(String)} it once the answer is accepted.
     *
     * @throws CognitoException {@code NotAuthorizedException} when the session is unknown, closed, for another client
     *     or challenge, or expired
     */
    public AuthSession find(String token, String clientId, ChallengeName challenge) {
        AuthSession session = this.sessions.find(token).orElseThrow(AuthSessions::invalid);
        if (!session.clientId().equals(clientId) || session.challenge() != challenge) {
            throw invalid();
        }
        if (!this.clock.instant().isBefore(session.expiresAt())) {
            this.sessions.take(token);
            throw ErrorType.NOT_AUTHORIZED.exception("Invalid session for the user, session is expired.");
        }
        return session;
    }

    /**
     * The open session for {@code challenge}, from whichever client: for the actions that carry a session but name no
     * client (AssociateSoftwareToken and VerifySoftwareToken during MFA_SETUP).
     *
     * @throws CognitoException {@code NotAuthorizedException} when the session is unknown, closed, for another
     *     challenge, or expired
     */
    public AuthSession find(String token, ChallengeName challenge) {
        AuthSession session = this.sessions.find(token).orElseThrow(AuthSessions::invalid);
        return find(token, session.clientId(), challenge);
    }

    /**
     * Closes a session and opens the one that continues it, so that each step of a challenge hands out a new string
     * and an old one cannot be replayed.
     *
     * @return the string of the new session
     * @throws CognitoException {@code NotAuthorizedException} when a concurrent request closed it first
     */
    public String advance(String token, AuthSession next) {
        close(token);
        return open(next);
    }

    /**
     * Closes a session whose answer was accepted, so it cannot be used again.
     *
     * @throws CognitoException {@code NotAuthorizedException} when a concurrent answer closed it first
     */
    public void close(String token) {
        if (this.sessions.take(token).isEmpty()) {
            throw invalid();
        }
    }

    /**
     * Puts a session taken with {@link #take(String, String, ChallengeName)} back under the same string, with what
     * changed (a wrong answer counted), so that the client can answer again.
     */
    void reopen(String token, AuthSession session) {
        this.sessions.open(token, session);
    }

    private static CognitoException invalid() {
        return ErrorType.NOT_AUTHORIZED.exception("Invalid session for the user.");
    }
}
