package io.github.cognitoemulator.core.password;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The server side of one SRP-6a exchange as Cognito runs it for USER_SRP_AUTH: the server's ephemeral value
 * {@code B = k·v + g^b}, and the check of the client's {@code PASSWORD_CLAIM_SIGNATURE}, an HMAC keyed with the
 * session key that only a client knowing the password can derive.
 *
 * @param a the client's public value {@code A}
 * @param b the server's private value
 * @param publicB the server's public value {@code B}
 * @param verifier the user's verifier {@code v}
 */
public record SrpSession(BigInteger a, BigInteger b, BigInteger publicB, BigInteger verifier) {

    private static final byte[] DERIVED_KEY_INFO = "Caldera Derived Key".getBytes(StandardCharsets.UTF_8);

    /**
     * Starts an exchange.
     *
     * @param clientA the client's {@code SRP_A}
     * @param verifier the user's verifier
     * @param privateB 32 random bytes for the server's private value
     * @return the session, or {@code null} when {@code A} is not acceptable ({@code A mod N = 0})
     */
    public static @Nullable SrpSession start(BigInteger clientA, BigInteger verifier, byte[] privateB) {
        if (clientA.mod(SrpGroup.N).signum() == 0) {
            return null;
        }
        BigInteger b = new BigInteger(1, privateB).mod(SrpGroup.N);
        BigInteger publicB = SrpGroup.K
                .multiply(verifier)
                .add(SrpGroup.G.modPow(b, SrpGroup.N))
                .mod(SrpGroup.N);
        return new SrpSession(clientA, b, publicB, verifier);
    }

    /**
     * Whether the client's signature proves knowledge of the password.
     *
     * @param poolName the part of the pool id after the underscore
     * @param userId the internal username ({@code USER_ID_FOR_SRP})
     * @param secretBlock the decoded {@code SECRET_BLOCK}
     * @param timestamp the {@code TIMESTAMP} the client signed
     * @param signature the decoded {@code PASSWORD_CLAIM_SIGNATURE}
     */
    public boolean verify(String poolName, String userId, byte[] secretBlock, String timestamp, byte[] signature) {
        HexFormat hex = HexFormat.of();
        BigInteger u = new BigInteger(
                1, SrpGroup.sha256(hex.parseHex(SrpGroup.padHex(this.a) + SrpGroup.padHex(this.publicB))));
        if (u.signum() == 0) {
            return false;
        }
        BigInteger s = this.a.multiply(this.verifier.modPow(u, SrpGroup.N)).modPow(this.b, SrpGroup.N);
        byte[] key = deriveKey(hex.parseHex(SrpGroup.padHex(u)), hex.parseHex(SrpGroup.padHex(s)));
        byte[] expected = hmac(
                key,
                poolName.getBytes(StandardCharsets.UTF_8),
                userId.getBytes(StandardCharsets.UTF_8),
                secretBlock,
                timestamp.getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, signature);
    }

    /**
     * A stable digest of {@code name} under {@code key}, from which the challenge of a user who does not exist is
     * made: the same name gets the same salt every time, so a caller cannot tell it apart from a real user.
     */
    public static byte[] simulatedDigest(byte[] key, String name) {
        return hmac(key, name.getBytes(StandardCharsets.UTF_8));
    }

    /** The 16-byte session key: one block of HKDF-SHA256 with the info "Caldera Derived Key". */
    static byte[] deriveKey(byte[] salt, byte[] inputKey) {
        byte[] prk = hmac(salt, inputKey);
        byte[] info = Arrays.copyOf(DERIVED_KEY_INFO, DERIVED_KEY_INFO.length + 1);
        info[DERIVED_KEY_INFO.length] = 1;
        return Arrays.copyOf(hmac(prk, info), 16);
    }

    static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    /** Keeps the private value out of logs. */
    @Override
    public String toString() {
        return "SrpSession[B=" + this.publicB.toString(16) + "]";
    }
}
