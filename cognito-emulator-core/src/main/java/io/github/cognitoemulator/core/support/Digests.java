package io.github.cognitoemulator.core.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * SHA-256, the one digest the emulator uses: for the secrets it hands out (refresh tokens, authorization codes,
 * session cookies, OAuth states), by which they are kept and found without being stored themselves, and for SRP and
 * request signatures.
 */
public final class Digests {

    private Digests() {}

    /** The SHA-256 digest of {@code text}'s UTF-8 bytes, base64url without padding. */
    public static String sha256(String text) {
        return base64Url(sha256Bytes(text));
    }

    /** The SHA-256 digest of {@code text}'s UTF-8 bytes. */
    public static byte[] sha256Bytes(String text) {
        return sha256Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 digest of {@code bytes}. */
    public static byte[] sha256Bytes(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    /** {@code bytes} in base64url, without padding. */
    public static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
