package io.github.cognitoemulator.core.password;

import io.github.cognitoemulator.core.support.Digests;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The SRP-6a group Cognito uses: the 3072-bit MODP prime of RFC 3526 with generator 2, SHA-256, and the hex padding
 * rule of Cognito's clients (a leading {@code 00} where the first nibble would read as a sign bit).
 */
public final class SrpGroup {

    /** The group's prime modulus. */
    public static final BigInteger N = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
                    + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
                    + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
                    + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
            16);

    /** The generator. */
    public static final BigInteger G = BigInteger.TWO;

    /** The multiplier {@code k = H(N || g)}, over the padded bytes of both. */
    public static final BigInteger K = new BigInteger(1, sha256(HexFormat.of().parseHex(padHex(N) + padHex(G))));

    /**
     * The most hex digits a client's public value may have: 770, the 385 bytes of {@code N} in two's-complement form.
     * A value below {@code N} needs at most 768 digits; clients write it unpadded (amazon-cognito-identity-js,
     * Amplify), with {@link #padHex(BigInteger)}'s sign byte (770 digits at most), or zero-filled to the width of
     * {@code N}. Anything longer is not a value a client computed, and is refused before it is parsed, so that the
     * work of one request does not grow with what the caller sends.
     */
    public static final int MAX_PUBLIC_VALUE_DIGITS = 770;

    private SrpGroup() {}

    /**
     * A client's public value ({@code SRP_A}) read from hex, or {@code null} when it is not one: empty, longer than
     * {@link #MAX_PUBLIC_VALUE_DIGITS}, anything but the ASCII hex digits (no sign, no prefix), or {@code 0 mod N}.
     * The length and the digits are checked before any big-number work.
     */
    public static @Nullable BigInteger publicValue(String hex) {
        if (hex.isEmpty() || hex.length() > MAX_PUBLIC_VALUE_DIGITS) {
            return null;
        }
        for (int i = 0; i < hex.length(); i++) {
            if (!isHexDigit(hex.charAt(i))) {
                return null;
            }
        }
        BigInteger value = new BigInteger(hex, 16);
        return (value.mod(N).signum() == 0) ? null : value;
    }

    /** Whether {@code c} is an ASCII hex digit; {@link Character#digit(char, int)} also takes other scripts' digits. */
    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** The hex form Cognito's clients hash: even length, and a leading {@code 00} when the top bit is set. */
    public static String padHex(BigInteger value) {
        String hex = value.toString(16);
        if (hex.length() % 2 == 1) {
            return "0" + hex;
        }
        return ("89abcdef".indexOf(hex.charAt(0)) >= 0) ? "00" + hex : hex;
    }

    /**
     * The private value {@code x = H(padHex(salt) || H(poolName || username || ":" || password))}, where the inner
     * hash is appended as hex before the whole is decoded to bytes.
     */
    public static BigInteger privateKey(String poolName, String username, String password, BigInteger salt) {
        byte[] identity = sha256((poolName + username + ":" + password).getBytes(StandardCharsets.UTF_8));
        String material = padHex(salt) + HexFormat.of().formatHex(identity);
        return new BigInteger(1, sha256(HexFormat.of().parseHex(material)));
    }

    /** SHA-256 of {@code bytes}. */
    public static byte[] sha256(byte[] bytes) {
        return Digests.sha256Bytes(bytes);
    }
}
