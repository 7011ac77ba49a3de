package io.github.cognitoemulator.core.code;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.support.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One-time six-digit codes, as Cognito sends them: a new code replaces the previous one for the same purpose, a
 * code works once, expires after its purpose's validity, and allows a limited number of wrong attempts. The codes
 * live in a {@link CodeStore}, whose atomic operations make "works once" and "limited attempts" hold under
 * concurrent requests.
 */
public final class VerificationCodes {

    /** Wrong attempts allowed on one code before further attempts are refused. */
    public static final int MAX_FAILED_ATTEMPTS = 5;

    private static final int MAX_SUPERSEDED = 10;

    private final CodeStore codes;

    private final Clock clock;

    private final Ids ids;

    public VerificationCodes(CodeStore codes, Clock clock, Ids ids) {
        this.codes = Objects.requireNonNull(codes, "'codes' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    /** Issues a new code for a user, replacing any earlier code for the same purpose. */
    public String issue(String userPoolId, String sub, CodePurpose purpose) {
        String code = this.ids.randomString("0123456789", 6);
        Instant expiresAt = this.clock.instant().plus(purpose.validity());
        // Earlier codes are remembered so that one presented after a new code went out reads as expired. Two
        // concurrent issues both supersede the code before them; whichever lands last is the one that works.
        List<String> superseded = new ArrayList<>();
        this.codes.find(userPoolId, sub, purpose).ifPresent((previous) -> {
            superseded.addAll(previous.superseded());
            superseded.add(previous.code());
        });
        List<String> kept = superseded.subList(Math.max(0, superseded.size() - MAX_SUPERSEDED), superseded.size());
        this.codes.put(new CodeStore.PendingCode(userPoolId, sub, purpose, code, expiresAt, 0, kept));
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
        CodeStore.PendingCode pending =
                this.codes.find(userPoolId, sub, purpose).orElseThrow(VerificationCodes::expired);
        if (pending.failedAttempts() >= MAX_FAILED_ATTEMPTS) {
            throw limitExceeded();
        }
        if (!this.clock.instant().isBefore(pending.expiresAt())) {
            throw expired();
        }
        if (pending.superseded().contains(code)) {
            throw expired();
        }
        if (!pending.code().equals(code)) {
            if (!this.codes.countFailure(userPoolId, sub, purpose, pending.code(), MAX_FAILED_ATTEMPTS)) {
                // The limit was reached by concurrent attempts, or the code was replaced or used meanwhile.
                throw limitOrExpired(userPoolId, sub, purpose);
            }
            throw ErrorType.CODE_MISMATCH.exception("Invalid verification code provided, please try again.");
        }
        if (!this.codes.take(userPoolId, sub, purpose, code, MAX_FAILED_ATTEMPTS)) {
            throw limitOrExpired(userPoolId, sub, purpose);
        }
    }

    private RuntimeException limitOrExpired(String userPoolId, String sub, CodePurpose purpose) {
        boolean atLimit = this.codes
                .find(userPoolId, sub, purpose)
                .filter((pending) -> pending.failedAttempts() >= MAX_FAILED_ATTEMPTS)
                .isPresent();
        return atLimit ? limitExceeded() : expired();
    }

    private static RuntimeException limitExceeded() {
        return ErrorType.LIMIT_EXCEEDED.exception("Attempt limit exceeded, please try after some time.");
    }

    private static RuntimeException expired() {
        return ErrorType.EXPIRED_CODE.exception("Invalid code provided, please request a code again.");
    }
}
