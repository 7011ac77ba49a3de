package io.github.cognitoemulator.core.code;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How often each user performed each {@link CodeOperation} in the last {@link #WINDOW}: a rolling window of the
 * attempts' instants, one record per user and operation in the {@link ResourceStore}. The counts belong to the user,
 * not to a code, so sending a new code does not reset them. A record holds at most its operation's limit of instants,
 * drops those older than the window whenever it is written, and is removed with the user or its pool; every change is
 * a compare-and-set, so concurrent attempts are each counted.
 */
public final class CodeAttempts {

    /** How long an attempt counts against its operation's limit. */
    public static final Duration WINDOW = Duration.ofHours(1);

    static final ResourceKind<Attempts> KIND = ResourceKind.of("code-attempts", Attempts.class);

    /** How often a write is retried against concurrent attempts of the same user; each retry means one was counted. */
    private static final int MAX_WRITES = 100;

    private final ResourceStore resources;

    private final Clock clock;

    public CodeAttempts(ResourceStore resources, Clock clock) {
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    /**
     * Refuses an attempt when the user has used up the operation's limit.
     *
     * @throws io.github.cognitoemulator.core.error.CognitoException {@code LimitExceededException}
     */
    public void requireBelowLimit(String userPoolId, String sub, CodeOperation operation) {
        Instant now = this.clock.instant();
        int recent = this.resources
                .find(KIND, key(userPoolId, sub, operation))
                .map((record) -> recent(record.value(), now).size())
                .orElse(0);
        if (recent >= operation.limit()) {
            throw limitExceeded();
        }
    }

    /**
     * Counts an attempt, unless the user has used up the operation's limit, in which case nothing is counted.
     *
     * @throws io.github.cognitoemulator.core.error.CognitoException {@code LimitExceededException} at the limit
     */
    public void count(String userPoolId, String sub, CodeOperation operation) {
        String key = key(userPoolId, sub, operation);
        for (int write = 0; write < MAX_WRITES; write++) {
            Instant now = this.clock.instant();
            Optional<Resource<Attempts>> current = this.resources.find(KIND, key);
            List<Instant> recent =
                    current.map((record) -> recent(record.value(), now)).orElseGet(List::of);
            if (recent.size() >= operation.limit()) {
                throw limitExceeded();
            }
            List<Instant> counted = new ArrayList<>(recent);
            counted.add(now);
            Attempts updated = new Attempts(counted);
            boolean written;
            if (current.isPresent()) {
                written = this.resources.replace(current.get(), updated);
            } else {
                // False when a concurrent attempt created the record (read again) or the pool is gone (nothing to
                // count against).
                written = this.resources.create(KIND, userPoolId, key, updated)
                        || this.resources.find(KIND, key).isEmpty();
            }
            if (written) {
                return;
            }
        }
        throw ErrorType.TOO_MANY_REQUESTS.exception("Rate exceeded");
    }

    /** Forgets a deleted user's attempts. */
    public void userDeleted(String userPoolId, String sub) {
        for (Resource<Attempts> record : this.resources.list(KIND, userPoolId, userPoolId + "/" + sub + "/")) {
            this.resources.delete(record);
        }
    }

    /** The attempts still inside the window at {@code now}: an attempt at {@code t} counts until {@code t + WINDOW}. */
    private static List<Instant> recent(Attempts attempts, Instant now) {
        Instant since = now.minus(WINDOW);
        return attempts.at().stream().filter((at) -> at.isAfter(since)).toList();
    }

    private static String key(String userPoolId, String sub, CodeOperation operation) {
        return userPoolId + "/" + sub + "/" + operation.name();
    }

    static RuntimeException limitExceeded() {
        return ErrorType.LIMIT_EXCEEDED.exception("Attempt limit exceeded, please try after some time.");
    }

    /**
     * One user's recent attempts at one operation.
     *
     * @param at when each attempt was made, oldest first
     */
    public record Attempts(List<Instant> at) {

        public Attempts {
            at = List.copyOf(at);
        }
    }
}
