package io.github.cognitoemulator.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until it is moved, so that every record made under load expires at a known time. */
final class MovableClock extends Clock {

    private final AtomicReference<Instant> now;

    private final ZoneId zone;

    MovableClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Moves the clock forward by {@code amount}. */
    void advance(Duration amount) {
        this.now.updateAndGet((instant) -> instant.plus(amount));
    }

    @Override
    public Instant instant() {
        return this.now.get();
    }

    @Override
    public ZoneId getZone() {
        return this.zone;
    }

    /** The same clock, seen from another zone: moving one moves both. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(this.now, zone);
    }
}
