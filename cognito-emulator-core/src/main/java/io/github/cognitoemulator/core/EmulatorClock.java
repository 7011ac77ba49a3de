package io.github.cognitoemulator.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's time: a base clock (the system clock unless {@link CognitoEmulator.Builder#clock(Clock)} says
 * otherwise) plus an offset that tests move forward, so that codes, challenge sessions and tokens expire without
 * waiting. Every part of a {@link CognitoEmulator} reads this clock, so moving it moves all of them together.
 *
 * <pre>{@code
 * emulator.clock().advance(Duration.ofHours(1)); // the access tokens issued before are now expired
 * emulator.clock().reset();                       // back to the base clock
 * }</pre>
 *
 * <p>Time only moves forward: records stamped before an advance would otherwise lie in the future.
 */
public final class EmulatorClock extends Clock {

    private final Clock base;

    private final AtomicReference<Duration> offset;

    /** A clock that reads {@code base} until it is advanced. */
    public EmulatorClock(Clock base) {
        this(Objects.requireNonNull(base, "'base' must not be null"), new AtomicReference<>(Duration.ZERO));
    }

    private EmulatorClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /**
     * Moves the clock forward by {@code amount}.
     *
     * @throws IllegalArgumentException when {@code amount} is zero or negative
     */
    public void advance(Duration amount) {
        Objects.requireNonNull(amount, "'amount' must not be null");
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("The clock only moves forward, by a positive amount, not by " + amount);
        }
        this.offset.accumulateAndGet(amount, Duration::plus);
    }

    /**
     * Goes back to the base clock, dropping every advance. Records stamped while the clock was ahead then lie in
     * the future; call it between tests, together with {@link CognitoEmulator#reset()}.
     */
    public void reset() {
        this.offset.set(Duration.ZERO);
    }

    /** How far ahead of the base clock this clock is. */
    public Duration offset() {
        return this.offset.get();
    }

    /** The clock this one moves ahead of. */
    public Clock base() {
        return this.base;
    }

    @Override
    public Instant instant() {
        return this.base.instant().plus(this.offset.get());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return this.base.getZone();
    }

    /** The same clock seen from another zone: advancing one advances both. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new EmulatorClock(this.base.withZone(zone), this.offset);
    }

    @Override
    public String toString() {
        return "EmulatorClock[base=" + this.base + ", offset=" + this.offset.get() + "]";
    }
}
