package io.github.cognitoemulator.core.auth;

import io.github.cognitoemulator.core.password.SrpGroup;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of USER_SRP_AUTH, written from the published algorithm of Cognito's own SDKs rather than from the
 * emulator's code: {@code A = g^a}, then the PASSWORD_VERIFIER answer signed with the session key.
 */
public final class IndependentSrpClient {

    /** Cognito's timestamp: English names, UTC, and a day of the month without a leading zero. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.US)
            .withZone(ZoneOffset.UTC);

    private static final HexFormat HEX = HexFormat.of();

    private final String poolName;

    private final BigInteger a;

    private final BigInteger publicA;

    /** @param userPoolId the pool; its name for SRP is the part after the underscore */
    public IndependentSrpClient(String userPoolId, long seed) {
        this.poolName = userPoolId.substring(userPoolId.indexOf('_') + 1);
        byte[] random = new byte[128];
        new Random(seed).nextBytes(random);
        this.a = new BigInteger(1, random).mod(SrpGroup.N);
        this.publicA = SrpGroup.G.modPow(this.a, SrpGroup.N);
    }

    /** {@code SRP_A}: the hex of {@code A}, unpadded. */
    public String srpA() {
        return this.publicA.toString(16);
    }

    /** Cognito's timestamp of {@code instant}. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /**
     * The ChallengeResponses answering a PASSWORD_VERIFIER challenge.
     *
     * @param challenge the challenge's ChallengeParameters
     */
    public Map<String, String> answer(Map<String, Object> challenge, String password, String timestamp) {
        String secretBlock = (String) challenge.get("SECRET_BLOCK");
        return answer(challenge, password, timestamp, secretBlock);
    }

    /** An answer signed over {@code signedSecretBlock}, which a well-behaved client takes from the challenge. */
    Map<String, String> answer(
            Map<String, Object> challenge, String password, String timestamp, String signedSecretBlock) {
        String userId = (String) challenge.get("USER_ID_FOR_SRP");
        byte[] key = sessionKey(
                new BigInteger((String) challenge.get("SRP_B"), 16),
                new BigInteger((String) challenge.get("SALT"), 16),
                userId,
                password);
        byte[] signature = hmac(
                key,
                this.poolName.getBytes(StandardCharsets.UTF_8),
                userId.getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(signedSecretBlock),
                timestamp.getBytes(StandardCharsets.UTF_8));
        Map<String, String> responses = new LinkedHashMap<>();
        responses.put("USERNAME", userId);
        responses.put("PASSWORD_CLAIM_SECRET_BLOCK", (String) challenge.get("SECRET_BLOCK"));
        responses.put("TIMESTAMP", timestamp);
        responses.put("PASSWORD_CLAIM_SIGNATURE", Base64.getEncoder().encodeToString(signature));
        return responses;
    }

    /** The 16-byte key: HKDF-SHA256 over {@code S} salted with {@code u}, info "Caldera Derived Key". */
    private byte[] sessionKey(BigInteger publicB, BigInteger salt, String userId, String password) {
        return sessionKey(this.a, this.publicA, publicB, salt, this.poolName, userId, password);
    }

    /**
     * The session key of an SRP exchange as the client derives it, for a password or (with the device group key
     * as {@code name}, the device key as {@code id} and the device secret as {@code password}) a device.
     */
    static byte[] sessionKey(
            BigInteger a,
            BigInteger publicA,
            BigInteger publicB,
            BigInteger salt,
            String name,
            String id,
            String password) {
        BigInteger u = new BigInteger(1, sha256(HEX.parseHex(SrpGroup.padHex(publicA) + SrpGroup.padHex(publicB))));
        BigInteger x = privateKey(SrpGroup.padHex(salt), name, id, password);
        BigInteger base = publicB.subtract(SrpGroup.K.multiply(SrpGroup.G.modPow(x, SrpGroup.N)))
                .mod(SrpGroup.N);
        BigInteger s = base.modPow(a.add(u.multiply(x)), SrpGroup.N);
        byte[] prk = hmac(HEX.parseHex(SrpGroup.padHex(u)), HEX.parseHex(SrpGroup.padHex(s)));
        byte[] info = "Caldera Derived Key".getBytes(StandardCharsets.UTF_8);
        byte[] block = Arrays.copyOf(info, info.length + 1);
        block[info.length] = 1;
        return Arrays.copyOf(hmac(prk, block), 16);
    }

    /** {@code x = H(padHex(salt) || H(name || id || ":" || password))}. */
    static BigInteger privateKey(String paddedSaltHex, String name, String id, String password) {
        String identity = HEX.formatHex(sha256((name + id + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return new BigInteger(1, sha256(HEX.parseHex(paddedSaltHex + identity)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
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
            throw new IllegalStateException(ex);
        }
    }
}
