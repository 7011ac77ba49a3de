package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.user.User;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a browser comes signed in to a pool already, and whether the request's {@code prompt} lets that session
 * answer it: {@code login} asks for the password again, {@code none} refuses to show a page at all.
 */
final class SignedInBrowser {

    private final OAuthContext context;

    SignedInBrowser(OAuthContext context) {
        this.context = Objects.requireNonNull(context, "'context' must not be null");
    }

    /**
     * The user of the browser's live session in the pool, with the time she signed in; empty without a session, or
     * when the user is gone or disabled since.
     */
    Optional<Session> of(HostedRequest http, UserPool pool) {
        return this.context
                .sessions()
                .find(pool.id(), Cookies.value(http, HostedSessions.COOKIE))
                .flatMap((session) -> this.context
                        .users()
                        .findBySub(pool, session.sub())
                        .filter(User::enabled)
                        .map((user) -> new Session(user, session.authTime())));
    }

    /** The values of the request's {@code prompt}. */
    static List<String> prompt(Parameters query) {
        String prompt = query.nonEmpty("prompt");
        return (prompt == null) ? List.of() : Arrays.asList(prompt.trim().split("[ +]+"));
    }

    /**
     * A browser's session.
     *
     * @param user the signed-in user
     * @param authTime when she signed in
     */
    record Session(User user, Instant authTime) {}
}
