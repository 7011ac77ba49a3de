package io.github.cognitoemulator.core.code;

import io.github.cognitoemulator.core.support.Redacted;
import java.util.List;
import java.util.Optional;

/**
 * Where one-time codes are kept: one code per user and purpose. Every operation is atomic: a failed attempt is
 * counted exactly once, and a code is taken by at most one caller.
 */
public interface CodeStore {

    /** Stores a code, replacing the one with the same key; {@code superseded} lists earlier codes, newest last. */
    void put(PendingCode code);

    /** The code pending for a user and purpose. */
    Optional<PendingCode> find(String userPoolId, String sub, CodePurpose purpose);

    /**
     * Counts a failed attempt on the pending code {@code code}, unless {@code maxFailedAttempts} have been counted
     * already.
     *
     * @return whether the attempt was counted; {@code false} when the code was replaced, taken or is at its limit
     */
    boolean countFailure(String userPoolId, String sub, CodePurpose purpose, String code, int maxFailedAttempts);

    /**
     * Removes the pending code if it is {@code code} and has fewer than {@code maxFailedAttempts} failures.
     *
     * @return whether this caller took it
     */
    boolean take(String userPoolId, String sub, CodePurpose purpose, String code, int maxFailedAttempts);

    /**
     * A code waiting to be presented.
     *
     * @param userPoolId the pool
     * @param sub the user
     * @param purpose what the code confirms
     * @param code the six digits
     * @param expiresAt when it stops working
     * @param failedAttempts wrong codes presented so far
     * @param superseded earlier codes for the same purpose, oldest first, so that one presented late reads as expired
     */
    record PendingCode(
            String userPoolId,
            String sub,
            CodePurpose purpose,
            String code,
            java.time.Instant expiresAt,
            int failedAttempts,
            List<String> superseded) {

        public PendingCode {
            superseded = List.copyOf(superseded);
        }

        /** A description without the codes. */
        @Override
        public String toString() {
            return "PendingCode[userPoolId=" + this.userPoolId + ", sub=" + this.sub + ", purpose=" + this.purpose
                    + ", code=" + Redacted.secret(this.code) + ", expiresAt=" + this.expiresAt + ", failedAttempts="
                    + this.failedAttempts + ", superseded=" + this.superseded.size() + "]";
        }
    }
}
