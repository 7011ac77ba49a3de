package io.github.cognitoemulator.core.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Digests and random values of managed login: secrets handed to browsers are kept only as digests. */
final class Digests {

    private Digests() {}

    /** The SHA-256 digest of {@code text}, base64url without padding. */
    static String sha256(String text) {
        return base64Url(sha256Bytes(text));
    }

    static byte[] sha256Bytes(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
