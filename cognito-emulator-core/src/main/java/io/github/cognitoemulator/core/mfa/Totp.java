package io.github.cognitoemulator.core.mfa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;
import org.bouncycastle.util.encoders.DecoderException;

/**
 * Time-based one-time passwords as authenticator apps compute them and Cognito checks them (RFC 6238): HMAC-SHA1,
 * 30-second steps counted from the epoch, six digits, and a code of the step before or after the current one accepted
 * too, for clocks that drift.
 */
final class Totp {

    /** Seconds in a time step. */
    static final long STEP_SECONDS = 30;

    /** Digits in a code. */
    static final int DIGITS = 6;

    /** Steps either side of the current one whose codes are accepted. */
    static final int TOLERANCE = 1;

    /** Bytes of a secret: 32, which base32 writes as 52 characters, the length of Cognito's secret codes. */
    static final int SECRET_BYTES = 32;

    private Totp() {}

    /** The time step {@code instant} falls in. */
    static long step(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
    }

    /** A secret as Cognito hands it out: base32 without padding. */
    static String encode(byte[] secret) {
        return Base32.toBase32String(secret).replace("=", "");
    }

    /** The bytes of a base32 secret, padded or not, in either case. */
    static byte[] decode(String secret) {
        String upper = secret.toUpperCase(Locale.ROOT);
        int padding = (8 - upper.length() % 8) % 8;
        try {
            return Base32.decode(upper + "=".repeat(padding));
        } catch (DecoderException ex) {
            throw new IllegalArgumentException("Not a base32 secret", ex);
        }
    }

    /** The code of a time step (RFC 4226's HOTP of the step as counter, dynamically truncated). */
    static String code(byte[] key, long step, int digits) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", ex);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        int modulus = (int) Math.pow(10, digits);
        String code = Integer.toString(binary % modulus);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The time step whose code {@code code} is, among the current step and {@link #TOLERANCE} steps either side.
     *
     * @return the step matched, or empty when the code is none of theirs
     */
    static OptionalLong match(String secret, String code, Instant now) {
        byte[] key = decode(secret);
        long current = step(now);
        for (long step = current - TOLERANCE; step <= current + TOLERANCE; step++) {
            if (MessageDigest.isEqual(
                    code(key, step, DIGITS).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }
}
