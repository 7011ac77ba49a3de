package io.github.cognitoemulator.core.auth;

/**
 * The lengths past which a PASSWORD_VERIFIER or DEVICE_PASSWORD_VERIFIER answer is refused before any of it is parsed,
 * decoded or looked up. None of them changes an answer, since such a value could never match; they bound what one
 * request costs, whatever the caller sends.
 */
final class SrpAnswerBounds {

    /**
     * The longest timestamp in Cognito's format, {@code Wed Sep 30 22:42:34 UTC 2026}: a longer one is refused before
     * it is parsed.
     */
    static final int MAX_TIMESTAMP_LENGTH = 28;

    /**
     * The longest {@code PASSWORD_CLAIM_SIGNATURE}: an HMAC-SHA256 is 32 bytes, 44 characters of padded base64. A
     * longer one cannot match and is refused before it is decoded.
     */
    static final int MAX_SIGNATURE_LENGTH = 44;

    private SrpAnswerBounds() {}

    /** Whether a {@code TIMESTAMP} is short enough to be parsed. */
    static boolean timestampFits(String timestamp) {
        return timestamp.length() <= MAX_TIMESTAMP_LENGTH;
    }

    /** Whether a {@code PASSWORD_CLAIM_SIGNATURE} is short enough to be decoded. */
    static boolean signatureFits(String signature) {
        return signature.length() <= MAX_SIGNATURE_LENGTH;
    }

    /**
     * Whether a {@code PASSWORD_CLAIM_SECRET_BLOCK} has the length of the emulator's session strings, so that it is
     * worth looking up.
     */
    static boolean secretBlockFits(String secretBlock) {
        return AuthSessions.isWellFormed(secretBlock);
    }
}
