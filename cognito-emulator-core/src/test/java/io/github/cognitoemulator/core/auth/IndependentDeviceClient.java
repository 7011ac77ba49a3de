package io.github.cognitoemulator.core.auth;

import io.github.cognitoemulator.core.password.SrpGroup;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The client side of a remembered device, written from the published algorithm of Cognito's SDKs rather than from
 * the emulator's code: the device secret's salt and verifier for ConfirmDevice (base64 of their padded hex, as
 * amazon-cognito-identity-js sends them), and the DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER answers, where the
 * device group key stands for the pool name and the device key for the username.
 */
public final class IndependentDeviceClient {

    private static final HexFormat HEX = HexFormat.of();

    private final String deviceGroupKey;

    private final String deviceKey;

    private final String devicePassword;

    private final String saltHex;

    private final BigInteger a;

    private final BigInteger publicA;

    public IndependentDeviceClient(String deviceGroupKey, String deviceKey, long seed) {
        this.deviceGroupKey = deviceGroupKey;
        this.deviceKey = deviceKey;
        Random random = new Random(seed);
        byte[] password = new byte[40];
        random.nextBytes(password);
        this.devicePassword = Base64.getEncoder().encodeToString(password);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        this.saltHex = SrpGroup.padHex(new BigInteger(HEX.formatHex(salt), 16));
        byte[] secret = new byte[128];
        random.nextBytes(secret);
        this.a = new BigInteger(1, secret).mod(SrpGroup.N);
        this.publicA = SrpGroup.G.modPow(this.a, SrpGroup.N);
    }

    public String deviceKey() {
        return this.deviceKey;
    }

    /** {@code DeviceSecretVerifierConfig.Salt}: base64 of the bytes of the padded hex salt. */
    public String salt() {
        return Base64.getEncoder().encodeToString(HEX.parseHex(this.saltHex));
    }

    /** {@code DeviceSecretVerifierConfig.PasswordVerifier}: base64 of the bytes of the padded hex of {@code g^x}. */
    public String passwordVerifier() {
        BigInteger verifier = SrpGroup.G.modPow(privateKey(this.saltHex), SrpGroup.N);
        return Base64.getEncoder().encodeToString(HEX.parseHex(SrpGroup.padHex(verifier)));
    }

    /** The DEVICE_SRP_AUTH answer. */
    public Map<String, String> srpAuth(String username) {
        Map<String, String> responses = new LinkedHashMap<>();
        responses.put("USERNAME", username);
        responses.put("DEVICE_KEY", this.deviceKey);
        responses.put("SRP_A", this.publicA.toString(16));
        return responses;
    }

    /** The DEVICE_PASSWORD_VERIFIER answer to a challenge's ChallengeParameters. */
    public Map<String, String> passwordVerifier(Map<String, Object> challenge, String timestamp) {
        String secretBlock = (String) challenge.get("SECRET_BLOCK");
        byte[] key = sessionKey(
                new BigInteger((String) challenge.get("SRP_B"), 16),
                new BigInteger((String) challenge.get("SALT"), 16));
        byte[] signature = IndependentSrpClient.hmac(
                key,
                this.deviceGroupKey.getBytes(StandardCharsets.UTF_8),
                this.deviceKey.getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(secretBlock),
                timestamp.getBytes(StandardCharsets.UTF_8));
        Map<String, String> responses = new LinkedHashMap<>();
        responses.put("USERNAME", (String) challenge.get("USERNAME"));
        responses.put("PASSWORD_CLAIM_SECRET_BLOCK", secretBlock);
        responses.put("TIMESTAMP", timestamp);
        responses.put("PASSWORD_CLAIM_SIGNATURE", Base64.getEncoder().encodeToString(signature));
        responses.put("DEVICE_KEY", this.deviceKey);
        return responses;
    }

    private BigInteger privateKey(String paddedSaltHex) {
        return IndependentSrpClient.privateKey(paddedSaltHex, this.deviceGroupKey, this.deviceKey, this.devicePassword);
    }

    private byte[] sessionKey(BigInteger publicB, BigInteger salt) {
        return IndependentSrpClient.sessionKey(
                this.a, this.publicA, publicB, salt, this.deviceGroupKey, this.deviceKey, this.devicePassword);
    }
}
