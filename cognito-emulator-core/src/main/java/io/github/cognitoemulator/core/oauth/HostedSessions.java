package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.support.Digests;
import io.github.cognitoemulator.core.support.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The managed login sessions: the cookie a browser gets once signed in, which signs it in again without a password
 * for an hour. The cookie's value is {@code <sub>.<random>}; only its digest is kept, keyed
 * {@code <pool id>/<sub>/<digest>}, so that a user's sessions are found, and bounded, together.
 */
final class HostedSessions {

    /** The kind of record. */
    static final ResourceKind<HostedSession> KIND = ResourceKind.of("managed-login-session", HostedSession.class);

    /** The session cookie. */
    static final String COOKIE = "cognito";

    /** How long a session lasts: Cognito's fixed hour. */
    static final Duration LIFETIME = Duration.ofHours(1);

    /** The most sessions a user has in a pool at once (browsers); past it, her oldest goes. */
    static final int MAX_PER_USER = 10;

    private final ResourceStore resources;

    private final Clock clock;

    private final Ids ids;

    HostedSessions(ResourceStore resources, Clock clock, Ids ids) {
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    /** Opens a session for {@code sub}, signed in at {@code authTime}; returns the cookie's value. */
    String open(String userPoolId, String sub, Instant authTime) {
        Instant now = this.clock.instant();
        sweep(userPoolId, sub, now);
        String value = sub + "." + Digests.base64Url(this.ids.randomBytes(32));
        this.resources.create(
                KIND,
                userPoolId,
                key(userPoolId, value),
                new HostedSession(userPoolId, sub, authTime, now.plus(LIFETIME)));
        return value;
    }

    /** The live session the cookie value names; an expired one is deleted on the way. */
    Optional<HostedSession> find(String userPoolId, @Nullable String cookie) {
        if (cookie == null || cookie.indexOf('.') <= 0) {
            return Optional.empty();
        }
        Optional<Resource<HostedSession>> found = this.resources.find(KIND, key(userPoolId, cookie));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (!this.clock.instant().isBefore(found.get().value().expiresAt())) {
            this.resources.write(List.of(new ResourceChange.Delete(found.get())));
            return Optional.empty();
        }
        return Optional.of(found.get().value());
    }

    /** Ends the session the cookie value names, if any. */
    void close(String userPoolId, @Nullable String cookie) {
        if (cookie != null && cookie.indexOf('.') > 0) {
            this.resources.write(List.of(new ResourceChange.DeleteIfPresent(KIND, key(userPoolId, cookie))));
        }
    }

    /** Removes the user's expired sessions, and her oldest live ones so that a new one stays within the bound. */
    private void sweep(String userPoolId, String sub, Instant now) {
        List<Resource<HostedSession>> live = new ArrayList<>();
        List<ResourceChange> removals = new ArrayList<>();
        for (Resource<HostedSession> session : this.resources.list(KIND, userPoolId, userPoolId + "/" + sub + "/")) {
            if (now.isBefore(session.value().expiresAt())) {
                live.add(session);
            } else {
                removals.add(new ResourceChange.Delete(session));
            }
        }
        live.sort(Comparator.comparing(
                (Resource<HostedSession> session) -> session.value().expiresAt()));
        for (int i = 0; i <= live.size() - MAX_PER_USER; i++) {
            removals.add(new ResourceChange.Delete(live.get(i)));
        }
        for (ResourceChange removal : removals) {
            this.resources.write(List.of(removal));
        }
    }

    private static String key(String userPoolId, String cookie) {
        String sub = cookie.substring(0, cookie.indexOf('.'));
        return userPoolId + "/" + sub + "/" + Digests.sha256(cookie);
    }

    /**
     * A signed-in browser.
     *
     * @param userPoolId the pool
     * @param sub the user
     * @param authTime when she signed in
     * @param expiresAt when the session ends
     */
    record HostedSession(String userPoolId, String sub, Instant authTime, Instant expiresAt) {}
}
