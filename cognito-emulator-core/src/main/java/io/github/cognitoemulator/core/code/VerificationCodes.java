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
 * code works once and expires after its purpose's validity. How often a user may ask for codes and present wrong
 * ones is limited per user and operation over an hour ({@link CodeAttempts}), not per code, so that asking for a new
 * code does not buy more guesses. The codes live in a {@link CodeStore}, whose atomic take makes "works once" hold
 * under concurrent requests.
 */
public final class VerificationCodes {

    private static final int MAX_SUPERSEDED = 10;

    /** The per-code failure count of the {@link CodeStore} is not used: attempts are limited per user. */
    private static final int NO_PER_CODE_LIMIT = Integer.MAX_VALUE;

    private final CodeStore codes;

    private final CodeAttempts attempts;

    private final Clock clock;

    private final Ids ids;

    public VerificationCodes(CodeStore codes, CodeAttempts attempts, Clock clock, Ids ids) {
        this.codes = Objects.requireNonNull(codes, "'codes' must not be null");
        this.attempts = Objects.requireNonNull(attempts, "'attempts' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    /**
     * Counts a user's request for a code ({@code ResendConfirmationCode}, {@code ForgotPassword},
     * {@code GetUserAttributeVerificationCode}) against the operation's hourly limit, before the code is issued.
     *
     * @throws io.github.cognitoemulator.core.error.CognitoException {@code LimitExceededException} when the user has
     *     asked too often in the last hour
     */
    public void countRequest(String userPoolId, String sub, CodeOperation operation) {
        this.attempts.count(userPoolId, sub, operation);
    }

    /** Forgets a deleted user's attempt counts; its pending codes go with the user in the store. */
    public void userDeleted(String userPoolId, String sub) {
        this.attempts.userDeleted(userPoolId, sub);
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
     *     once the user has presented too many wrong codes for the purpose in the last hour, whatever the code
     */
    public void consume(String userPoolId, String sub, CodePurpose purpose, String code) {
        CodeOperation operation = CodeOperation.checking(purpose);
        // Checked first, so that a user at the limit learns nothing more about codes, not even the right one.
        this.attempts.requireBelowLimit(userPoolId, sub, operation);
        CodeStore.PendingCode pending =
                this.codes.find(userPoolId, sub, purpose).orElseThrow(VerificationCodes::expired);
        if (!this.clock.instant().isBefore(pending.expiresAt())) {
            throw expired();
        }
        if (pending.superseded().contains(code)) {
            throw expired();
        }
        if (!pending.code().equals(code)) {
            // Throws LimitExceededException when concurrent wrong attempts used up the limit meanwhile.
            this.attempts.count(userPoolId, sub, operation);
            throw ErrorType.CODE_MISMATCH.exception("Invalid verification code provided, please try again.");
        }
        if (!this.codes.take(userPoolId, sub, purpose, code, NO_PER_CODE_LIMIT)) {
            // Used or replaced by a concurrent request.
            throw expired();
        }
    }

    private static RuntimeException expired() {
        return ErrorType.EXPIRED_CODE.exception("Invalid code provided, please request a code again.");
    }
}
