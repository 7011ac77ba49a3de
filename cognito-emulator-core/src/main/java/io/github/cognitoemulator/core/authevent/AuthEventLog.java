package io.github.cognitoemulator.core.authevent;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps each user's event history in the {@link ResourceStore}, as threat protection does: only in pools whose
 * {@code AdvancedSecurityMode} is {@code AUDIT} or {@code ENFORCED}, newest first, and at most
 * {@value #MAX_EVENTS_PER_USER} events a user, the oldest dropped in the write that adds a new one.
 */
public final class AuthEventLog {

    /** How many events a user's history keeps. */
    public static final int MAX_EVENTS_PER_USER = 100;

    /** How often feedback is retried against concurrent feedback on the same event. */
    private static final int MAX_ATTEMPTS = 100;

    private final ResourceStore resources;

    private final Clock clock;

    private final Ids ids;

    public AuthEventLog(ResourceStore resources, Clock clock, Ids ids) {
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    /** Whether the pool keeps event histories: threat protection is on, in audit or enforced mode. */
    public static boolean keepsHistory(UserPool pool) {
        return !"OFF".equals(pool.advancedSecurityMode());
    }

    /**
     * Adds an event to the user's history when the pool keeps one.
     *
     * @param challenges the challenges answered, in order
     */
    public void record(
            UserPool pool,
            User user,
            AuthEvent.Type type,
            AuthEvent.Response response,
            List<AuthEvent.ChallengeOutcome> challenges) {
        if (!keepsHistory(pool)) {
            return;
        }
        Instant now = this.clock.instant();
        AuthEvent event = new AuthEvent(
                this.ids.uuid(),
                type,
                now,
                response,
                challenges,
                Base64.getUrlEncoder().withoutPadding().encodeToString(this.ids.randomBytes(32)),
                null);
        List<ResourceChange> changes = new ArrayList<>();
        changes.add(
                new ResourceChange.Create<>(AuthEvent.KIND, pool.id(), key(pool, user, now, event.eventId()), event));
        List<Resource<AuthEvent>> kept = history(pool, user);
        // Newest first: whatever lies beyond the room left for the new event goes.
        for (int i = MAX_EVENTS_PER_USER - 1; i < kept.size(); i++) {
            changes.add(new ResourceChange.DeleteIfPresent(
                    AuthEvent.KIND, kept.get(i).key()));
        }
        // False only when the pool went meanwhile, and its events with it.
        this.resources.write(changes);
    }

    /** The user's events, newest first. */
    public List<AuthEvent> events(UserPool pool, User user) {
        return history(pool, user).stream().map(Resource::value).toList();
    }

    /** The user's event with this id. */
    public Optional<Resource<AuthEvent>> find(UserPool pool, User user, String eventId) {
        return history(pool, user).stream()
                .filter((event) -> event.value().eventId().equals(eventId))
                .findFirst();
    }

    /**
     * Sets the feedback on one of the user's events, unless the event went meanwhile.
     *
     * @return whether the event still existed
     */
    public boolean giveFeedback(UserPool pool, User user, String eventId, AuthEvent.Feedback feedback) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Resource<AuthEvent>> current = find(pool, user, eventId);
            if (current.isEmpty()) {
                return false;
            }
            if (this.resources.replace(current.get(), current.get().value().withFeedback(feedback))) {
                return true;
            }
        }
        throw ErrorType.TOO_MANY_REQUESTS.exception("Rate exceeded");
    }

    /** The feedback token of the pool's event with this id. */
    public Optional<String> feedbackToken(String userPoolId, String eventId) {
        return this.resources.list(AuthEvent.KIND, userPoolId, userPoolId + "/").stream()
                .map(Resource::value)
                .filter((event) -> event.eventId().equals(eventId))
                .map(AuthEvent::feedbackToken)
                .findFirst();
    }

    /** Removes a deleted user's history. */
    public void userDeleted(User user) {
        List<ResourceChange> changes = new ArrayList<>();
        for (Resource<AuthEvent> event :
                this.resources.list(AuthEvent.KIND, user.userPoolId(), prefix(user.userPoolId(), user.sub()))) {
            changes.add(new ResourceChange.DeleteIfPresent(AuthEvent.KIND, event.key()));
        }
        if (!changes.isEmpty()) {
            this.resources.write(changes);
        }
    }

    private List<Resource<AuthEvent>> history(UserPool pool, User user) {
        return this.resources.list(AuthEvent.KIND, pool.id(), prefix(pool.id(), user.sub()));
    }

    private static String prefix(String userPoolId, String sub) {
        return userPoolId + "/" + sub + "/";
    }

    /** Newest first in key order: the time counts down, and the event id keeps equal times apart. */
    private static String key(UserPool pool, User user, Instant time, String eventId) {
        return prefix(pool.id(), user.sub()) + String.format("%019d", Long.MAX_VALUE - time.toEpochMilli()) + "-"
                + eventId;
    }
}
