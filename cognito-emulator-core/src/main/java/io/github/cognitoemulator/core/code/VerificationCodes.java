package io.github.cognitoemulator.core.code;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.support.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time six-digit codes, as Cognito sends them: a new code replaces the previous one for the same purpose, a
 * code works once, expires after its purpose's validity, and allows a limited number of wrong attempts.
 */
public final class VerificationCodes {

    /** Wrong attempts allowed on one code before further attempts are refused. */
    public static final int MAX_FAILED_ATTEMPTS = 5;

    private static final int MAX_SUPERSEDED = 10;

    private final Map<Key, Entry> codes = new ConcurrentHashMap<>();

    private final Clock clock;

    private final Ids ids;

    public VerificationCodes(Clock clock, Ids ids) {
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    /** Issues a new code for a user, replacing any earlier code for the same purpose. */
    public String issue(String userPoolId, String sub, CodePurpose purpose) {
        String code = this.ids.randomString("0123456789", 6);
        Instant expiresAt = this.clock.instant().plus(purpose.validity());
        this.codes.compute(new Key(userPoolId, sub, purpose), (key, previous) -> {
            // Earlier codes are remembered so that one presented after a new code went out reads as expired.
            List<String> superseded = new ArrayList<>();
            if (previous != null) {
                superseded.addAll(previous.superseded());
                superseded.add(previous.code());
            }
            return new Entry(
                    code,
                    expiresAt,
                    0,
                    List.copyOf(
                            superseded.subList(Math.max(0, superseded.size() - MAX_SUPERSEDED), superseded.size())));
        });
        return code;
    }

    /**
     * Consumes a code.
     *
     * @throws io.github.cognitoemulator.core.error.CognitoException {@code CodeMismatchException} for a wrong code,
     *     {@code ExpiredCodeException} for an expired, used or never-issued one, {@code LimitExceededException}
     *     after too many wrong attempts
     */
    public void consume(String userPoolId, String sub, CodePurpose purpose, String code) {
        Key key = new Key(userPoolId, sub, purpose);
        Entry entry = this.codes.get(key);
        if (entry == null) {
            throw expired();
        }
        if (entry.failedAttempts() >= MAX_FAILED_ATTEMPTS) {
            throw ErrorType.LIMIT_EXCEEDED.exception("Attempt limit exceeded, please try after some time.");
        }
        if (!this.clock.instant().isBefore(entry.expiresAt())) {
            this.codes.remove(key, entry);
            throw expired();
        }
        if (entry.superseded().contains(code)) {
            throw expired();
        }
        if (!entry.code().equals(code)) {
            this.codes.replace(
                    key,
                    entry,
                    new Entry(entry.code(), entry.expiresAt(), entry.failedAttempts() + 1, entry.superseded()));
            throw ErrorType.CODE_MISMATCH.exception("Invalid verification code provided, please try again.");
        }
        if (!this.codes.remove(key, entry)) {
            throw expired();
        }
    }

    /** Forgets every code of a user, when the user is deleted. */
    public void forget(String userPoolId, String sub) {
        this.codes
                .keySet()
                .removeIf((key) ->
                        key.userPoolId().equals(userPoolId) && key.sub().equals(sub));
    }

    private static RuntimeException expired() {
        return ErrorType.EXPIRED_CODE.exception("Invalid code provided, please request a code again.");
    }

    private record Key(String userPoolId, String sub, CodePurpose purpose) {}

    private record Entry(String code, Instant expiresAt, int failedAttempts, List<String> superseded) {}
}
