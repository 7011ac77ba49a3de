package io.github.cognitoemulator.core.support;

import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Makes identifiers in the formats Cognito uses, from an injected source of randomness. */
public final class Ids {

    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final String LOWER_ALPHANUMERIC = "0123456789abcdefghijklmnopqrstuvwxyz";

    private final RandomGenerator random;

    public Ids(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "'random' must not be null");
    }

    /** A user pool id: the region, an underscore and nine mixed-case alphanumerics ({@code us-east-1_AbC123xyZ}). */
    public String userPoolId(String region) {
        return region + "_" + randomString(ALPHANUMERIC, 9);
    }

    /** An app client id: 26 lowercase alphanumerics. */
    public String clientId() {
        return randomString(LOWER_ALPHANUMERIC, 26);
    }

    /** An app client secret: 51 lowercase alphanumerics, the length real secrets have. */
    public String clientSecret() {
        return randomString(LOWER_ALPHANUMERIC, 51);
    }

    /** A random (version 4) UUID, as used for {@code sub}, request ids and token ids. */
    public String uuid() {
        long most = (this.random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (this.random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(most, least).toString();
    }

    /** {@code length} characters drawn from {@code alphabet}. */
    public String randomString(String alphabet, int length) {
        var result = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            result.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
        }
        return result.toString();
    }

    /** A random number from 0 (inclusive) to {@code bound} (exclusive). */
    public int nextInt(int bound) {
        return this.random.nextInt(bound);
    }

    /** {@code count} random bytes. */
    public byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        this.random.nextBytes(bytes);
        return bytes;
    }
}
