package io.github.cognitoemulator.core;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What MFA tests keep doing on a {@link SignInFixture}: pools offering second factors, users with a software token,
 * and TOTP codes computed here, independently of the emulator's code. Public because tests of several packages use
 * it.
 */
public final class MfaFixture {

    public static final Map<String, String> DEVELOPER_SES = Map.of(
            "EmailSendingAccount", "DEVELOPER", "SourceArn", "arn:aws:ses:us-east-1:000000000000:identity/example.com");

    public static final Map<String, String> SMS_CONFIGURATION =
            Map.of("SnsCallerArn", "arn:aws:iam::123456789012:role/sms");

    private final SignInFixture fixture;

    public MfaFixture(SignInFixture fixture) {
        this.fixture = fixture;
    }

    /** A pool that can send SMS and email, with {@code mfaConfiguration} and the factors named on. */
    public String createPool(String mfaConfiguration, boolean sms, boolean softwareToken, boolean email) {
        String poolId = this.fixture.createPool(
                Map.of("EmailConfiguration", DEVELOPER_SES, "SmsConfiguration", SMS_CONFIGURATION));
        setMfaConfig(poolId, mfaConfiguration, sms, softwareToken, email).requireSuccess();
        return poolId;
    }

    public Reply setMfaConfig(
            String poolId, String mfaConfiguration, boolean sms, boolean softwareToken, boolean email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("UserPoolId", poolId);
        body.put("MfaConfiguration", mfaConfiguration);
        if (sms) {
            body.put("SmsMfaConfiguration", Map.of("SmsConfiguration", SMS_CONFIGURATION));
        }
        if (softwareToken) {
            body.put("SoftwareTokenMfaConfiguration", Map.of("Enabled", true));
        }
        if (email) {
            body.put("EmailMfaConfiguration", Map.of());
        }
        return this.fixture.call("SetUserPoolMfaConfig", body);
    }

    /** AssociateSoftwareToken and VerifySoftwareToken with an access token; returns the secret. */
    public String setUpSoftwareToken(String accessToken, String deviceName) {
        String secret = this.fixture
                .call("AssociateSoftwareToken", Map.of("AccessToken", accessToken))
                .requireSuccess()
                .string("SecretCode");
        this.fixture
                .call(
                        "VerifySoftwareToken",
                        Map.of(
                                "AccessToken",
                                accessToken,
                                "UserCode",
                                code(secret, this.fixture.clock().instant()),
                                "FriendlyDeviceName",
                                deviceName))
                .requireSuccess();
        return secret;
    }

    public Reply setPreference(String accessToken, String settingsMember, boolean enabled, boolean preferred) {
        return this.fixture.call(
                "SetUserMFAPreference",
                Map.of(
                        "AccessToken",
                        accessToken,
                        settingsMember,
                        Map.of("Enabled", enabled, "PreferredMfa", preferred)));
    }

    public Reply adminSetPreference(
            String poolId, String username, String settingsMember, boolean enabled, boolean preferred) {
        return this.fixture.call(
                "AdminSetUserMFAPreference",
                Map.of(
                        "UserPoolId",
                        poolId,
                        "Username",
                        username,
                        settingsMember,
                        Map.of("Enabled", enabled, "PreferredMfa", preferred)));
    }

    /** RespondToAuthChallenge with {@code USERNAME} and the answers given. */
    public Reply respond(String clientId, String challenge, String session, String... answerNamesAndValues) {
        Map<String, String> responses = new LinkedHashMap<>();
        for (int i = 0; i < answerNamesAndValues.length; i += 2) {
            responses.put(answerNamesAndValues[i], answerNamesAndValues[i + 1]);
        }
        return this.fixture.call(
                "RespondToAuthChallenge",
                Map.of(
                        "ClientId", clientId,
                        "ChallengeName", challenge,
                        "Session", session,
                        "ChallengeResponses", responses));
    }

    /** The TOTP code of a base32 secret at {@code instant}: RFC 6238 with SHA-1, 30 s steps, 6 digits. */
    public static String code(String secret, Instant instant) {
        return code(base32(secret), Math.floorDiv(instant.getEpochSecond(), 30));
    }

    /** The code of time step {@code step}. */
    public static String code(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[19] & 0xf;
            int value = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
            return String.format("%06d", value % 1_000_000);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Decodes base32 (RFC 4648 alphabet, no padding). */
    public static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    /** The challenge parameters of a reply. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> parameters(Reply reply) {
        return (Map<String, String>) (Map<?, ?>) reply.map("ChallengeParameters");
    }

    public static List<String> list(String... values) {
        return List.of(values);
    }
}
