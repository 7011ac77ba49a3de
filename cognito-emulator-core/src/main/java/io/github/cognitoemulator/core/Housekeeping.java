package io.github.cognitoemulator.core;

import io.github.cognitoemulator.core.store.EmulatorStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sweeps expired records out of the store on the request path, at most once per interval of the emulator's clock:
 * no background thread, so a test with a fixed clock sees exactly what it arranged.
 */
final class Housekeeping {

    private static final Duration INTERVAL = Duration.ofMinutes(1);

    /**
     * How long an expired record is kept before it is swept, so that a session answered a little late is told it
     * expired, as Cognito tells it, rather than that it never existed.
     */
    static final Duration GRACE = Duration.ofHours(1);

    private final EmulatorStore store;

    private final Clock clock;

    private final AtomicReference<Instant> nextSweep;

    Housekeeping(EmulatorStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.nextSweep = new AtomicReference<>(clock.instant().plus(INTERVAL));
    }

    /** Sweeps when the interval has passed; of concurrent callers, one sweeps. */
    void sweepIfDue() {
        Instant now = this.clock.instant();
        Instant due = this.nextSweep.get();
        if (!now.isBefore(due) && this.nextSweep.compareAndSet(due, now.plus(INTERVAL))) {
            this.store.sweepExpired(now.minus(GRACE));
        }
    }

    /** Sweeps now. */
    int sweep() {
        Instant now = this.clock.instant();
        this.nextSweep.set(now.plus(INTERVAL));
        return this.store.sweepExpired(now.minus(GRACE));
    }
}
