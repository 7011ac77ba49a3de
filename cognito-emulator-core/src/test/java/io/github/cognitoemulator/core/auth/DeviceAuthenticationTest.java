package io.github.cognitoemulator.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.MfaFixture;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Remembered devices in sign-in: {@code NewDeviceMetadata} for a device the pool does not know, DEVICE_SRP_AUTH and
 * DEVICE_PASSWORD_VERIFIER for a remembered one (answered by a client computed independently), and the
 * {@code device_key} claim.
 */
class DeviceAuthenticationTest {

    private static final String DEVICE_KEY_FORM =
            "us-east-1_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static final String INCORRECT = "400 NotAuthorizedException: Incorrect username or password.";

    private static final String NO_DEVICE = "400 ResourceNotFoundException: Device does not exist.";

    private static final String INVALID_SESSION = "400 NotAuthorizedException: Invalid session for the user.";

    private final SignInFixture fixture = SignInFixture.create();

    private String poolId = pool(false);

    private AppClient client = client();

    private String pool(boolean userOptIn) {
        return this.fixture.createPool(Map.of(
                "DeviceConfiguration",
                Map.of("ChallengeRequiredOnNewDevice", true, "DeviceOnlyRememberedOnUserPrompt", userOptIn)));
    }

    private AppClient client() {
        AppClient created = this.fixture.createClient(
                this.poolId,
                Map.of(
                        "ExplicitAuthFlows",
                        List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        return created;
    }

    private void useOptInPool() {
        this.poolId = pool(true);
        this.client = client();
    }

    private Reply signIn(String deviceKey) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("USERNAME", "alice");
        parameters.put("PASSWORD", SignInFixture.PASSWORD);
        if (deviceKey != null) {
            parameters.put("DEVICE_KEY", deviceKey);
        }
        return this.fixture.call(
                "InitiateAuth",
                Map.of("AuthFlow", "USER_PASSWORD_AUTH", "ClientId", this.client.id(), "AuthParameters", parameters));
    }

    private Reply respond(String challenge, String session, Map<String, String> responses) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ClientId", this.client.id());
        body.put("ChallengeName", challenge);
        if (session != null) {
            body.put("Session", session);
        }
        body.put("ChallengeResponses", responses);
        return this.fixture.call("RespondToAuthChallenge", body);
    }

    /** Signs in from a new device and confirms it with a fresh device secret. */
    private IndependentDeviceClient confirmedDevice(long seed) {
        Reply first = signIn(null).requireSuccess();
        Map<String, Object> metadata = first.map("AuthenticationResult", "NewDeviceMetadata");
        var device = new IndependentDeviceClient(
                (String) metadata.get("DeviceGroupKey"), (String) metadata.get("DeviceKey"), seed);
        this.fixture
                .call(
                        "ConfirmDevice",
                        Map.of(
                                "AccessToken",
                                SignInFixture.tokens(first).accessToken(),
                                "DeviceKey",
                                device.deviceKey(),
                                "DeviceSecretVerifierConfig",
                                Map.of("PasswordVerifier", device.passwordVerifier(), "Salt", device.salt()),
                                "DeviceName",
                                "laptop"))
                .requireSuccess();
        return device;
    }

    private String timestamp() {
        return IndependentSrpClient.timestamp(this.fixture.clock().instant());
    }

    /** The DEVICE_PASSWORD_VERIFIER challenge of a sign-in from {@code device}. */
    private Reply deviceVerifierChallenge(IndependentDeviceClient device) {
        Reply challenge = signIn(device.deviceKey());
        assertThat(challenge.string("ChallengeName")).as(challenge.body()).isEqualTo("DEVICE_SRP_AUTH");
        return respond("DEVICE_SRP_AUTH", challenge.string("Session"), device.srpAuth("alice"));
    }

    @Test
    void aPoolWithoutDeviceTrackingHandsOutNoDeviceKeys() {
        this.poolId = this.fixture.createPool();
        this.client = client();

        Reply reply = signIn(null).requireSuccess();

        assertThat(reply.map("AuthenticationResult")).doesNotContainKey("NewDeviceMetadata");
        assertThat(SignInFixture.payload(SignInFixture.tokens(reply).accessToken()))
                .doesNotContainKey("device_key");
        // A device key sent to such a pool is not looked at.
        assertThat(signIn("us-east-1_4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f").status())
                .isEqualTo(200);
    }

    @Test
    void aSignInFromANewDeviceGetsItsKeysAndTheAccessTokenNamesIt() {
        Reply reply = signIn(null).requireSuccess();

        Map<String, Object> metadata = reply.map("AuthenticationResult", "NewDeviceMetadata");
        assertThat(metadata.keySet()).containsExactly("DeviceGroupKey", "DeviceKey");
        String deviceKey = (String) metadata.get("DeviceKey");
        assertThat(deviceKey).matches(DEVICE_KEY_FORM);
        assertThat((String) metadata.get("DeviceGroupKey")).matches("-[A-Za-z0-9]{8}");
        SignInFixture.Tokens tokens = SignInFixture.tokens(reply);
        assertThat(SignInFixture.payload(tokens.accessToken())).containsEntry("device_key", deviceKey);
        assertThat(SignInFixture.payload(tokens.idToken())).doesNotContainKey("device_key");

        Map<String, Object> second = signIn(null).requireSuccess().map("AuthenticationResult", "NewDeviceMetadata");
        assertThat(second.get("DeviceKey")).isNotEqualTo(deviceKey);
        assertThat(second.get("DeviceGroupKey")).isEqualTo(metadata.get("DeviceGroupKey"));
    }

    @Test
    void aRememberedDeviceSignsInWithDeviceSrpAndSkipsStraightToTokens() {
        IndependentDeviceClient device = confirmedDevice(7);

        Reply challenge = signIn(device.deviceKey());
        assertThat(challenge.string("ChallengeName")).isEqualTo("DEVICE_SRP_AUTH");
        assertThat(challenge.string("Session")).isNotEmpty();
        assertThat(challenge.map("ChallengeParameters")).isEqualTo(Map.of("USER_ID_FOR_SRP", "alice"));

        Reply verifier = respond("DEVICE_SRP_AUTH", challenge.string("Session"), device.srpAuth("alice"));
        assertThat(verifier.string("ChallengeName")).as(verifier.body()).isEqualTo("DEVICE_PASSWORD_VERIFIER");
        Map<String, Object> parameters = verifier.map("ChallengeParameters");
        assertThat(parameters.keySet()).containsExactly("DEVICE_KEY", "SALT", "SECRET_BLOCK", "SRP_B", "USERNAME");
        assertThat(parameters).containsEntry("DEVICE_KEY", device.deviceKey()).containsEntry("USERNAME", "alice");

        this.fixture.clock().advance(Duration.ofSeconds(30));
        Reply tokens = respond("DEVICE_PASSWORD_VERIFIER", null, device.passwordVerifier(parameters, timestamp()));

        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.map("AuthenticationResult")).doesNotContainKey("NewDeviceMetadata");
        assertThat(SignInFixture.payload(SignInFixture.tokens(tokens).accessToken()))
                .containsEntry("device_key", device.deviceKey());
        Map<String, Object> stored = this.fixture
                .call(
                        "AdminGetDevice",
                        Map.of("UserPoolId", this.poolId, "Username", "alice", "DeviceKey", device.deviceKey()))
                .requireSuccess()
                .map("Device");
        assertThat(((Number) stored.get("DeviceLastAuthenticatedDate")).longValue())
                .isEqualTo(this.fixture.clock().instant().getEpochSecond());
    }

    @Test
    void theSrpFlowWithADeviceKeyLeadsToTheDeviceChallengeToo() {
        IndependentDeviceClient device = confirmedDevice(8);
        var srp = new IndependentSrpClient(this.poolId, 3);
        Reply challenge = this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow", "USER_SRP_AUTH",
                        "ClientId", this.client.id(),
                        "AuthParameters",
                                Map.of("USERNAME", "alice", "SRP_A", srp.srpA(), "DEVICE_KEY", device.deviceKey())));
        Map<String, String> answer = new LinkedHashMap<>(
                srp.answer(challenge.map("ChallengeParameters"), SignInFixture.PASSWORD, timestamp()));
        answer.put("DEVICE_KEY", device.deviceKey());

        Reply next = respond("PASSWORD_VERIFIER", null, answer);

        assertThat(next.string("ChallengeName")).as(next.body()).isEqualTo("DEVICE_SRP_AUTH");
    }

    @Test
    void anUnknownDeviceInThePasswordVerifierLeavesTheSecretBlockForAnAnswerWithoutIt() {
        var srp = new IndependentSrpClient(this.poolId, 4);
        Reply challenge = this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow", "USER_SRP_AUTH",
                        "ClientId", this.client.id(),
                        "AuthParameters", Map.of("USERNAME", "alice", "SRP_A", srp.srpA())));
        Map<String, String> answer = new LinkedHashMap<>(
                srp.answer(challenge.map("ChallengeParameters"), SignInFixture.PASSWORD, timestamp()));
        Map<String, String> withDevice = new LinkedHashMap<>(answer);
        withDevice.put("DEVICE_KEY", "us-east-1_4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f");

        assertThat(respond("PASSWORD_VERIFIER", null, withDevice).error()).isEqualTo(NO_DEVICE);

        Reply retried = respond("PASSWORD_VERIFIER", null, answer);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.map("AuthenticationResult")).containsKey("NewDeviceMetadata");
    }

    @Test
    void aPasswordVerifierWithADeviceKeyStillNeedsItsSecretBlock() {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("USERNAME", "alice");
        answer.put("TIMESTAMP", timestamp());
        answer.put("PASSWORD_CLAIM_SIGNATURE", "AAAA");
        answer.put("DEVICE_KEY", "us-east-1_4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f");

        assertThat(respond("PASSWORD_VERIFIER", null, answer).error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter PASSWORD_CLAIM_SECRET_BLOCK");
    }

    @Test
    void aForgedSecretBlockWithADeviceKeyIsJustAWrongPassword() {
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("USERNAME", "alice");
        forged.put("PASSWORD_CLAIM_SECRET_BLOCK", "AAAA");
        forged.put("TIMESTAMP", timestamp());
        forged.put("PASSWORD_CLAIM_SIGNATURE", "AAAA");
        forged.put("DEVICE_KEY", "us-east-1_4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f");

        assertThat(respond("PASSWORD_VERIFIER", null, forged).error()).isEqualTo(INCORRECT);
    }

    @Test
    void anUnknownUsersSimulatedChallengeWithADeviceKeyIsJustAWrongPassword() {
        this.client = this.fixture.createClient(
                this.poolId,
                Map.of(
                        "ExplicitAuthFlows",
                        List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                        "PreventUserExistenceErrors",
                        "ENABLED"));
        var srp = new IndependentSrpClient(this.poolId, 5);
        Reply challenge = this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow", "USER_SRP_AUTH",
                        "ClientId", this.client.id(),
                        "AuthParameters", Map.of("USERNAME", "nobody", "SRP_A", srp.srpA())));
        Map<String, String> answer = new LinkedHashMap<>(
                srp.answer(challenge.map("ChallengeParameters"), SignInFixture.PASSWORD, timestamp()));
        answer.put("DEVICE_KEY", "us-east-1_4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f");

        assertThat(respond("PASSWORD_VERIFIER", null, answer).error()).isEqualTo(INCORRECT);
    }

    @Test
    void aPoolWithoutTrackingIgnoresTheDeviceKeyOfAPasswordVerifier() {
        this.poolId = this.fixture.createPool();
        this.client = client();
        var srp = new IndependentSrpClient(this.poolId, 6);
        Reply challenge = this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow", "USER_SRP_AUTH",
                        "ClientId", this.client.id(),
                        "AuthParameters", Map.of("USERNAME", "alice", "SRP_A", srp.srpA())));
        Map<String, String> answer = new LinkedHashMap<>(
                srp.answer(challenge.map("ChallengeParameters"), SignInFixture.PASSWORD, timestamp()));
        answer.put("DEVICE_KEY", "us-east-1_4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f");

        assertThat(respond("PASSWORD_VERIFIER", null, answer).status()).isEqualTo(200);
    }

    @Test
    void aWrongDeviceSecretOrAReplayedSecretBlockIsRefused() {
        IndependentDeviceClient device = confirmedDevice(9);
        var impostor = new IndependentDeviceClient(groupKey(), device.deviceKey(), 10);

        Reply challenge = deviceVerifierChallenge(device);
        Map<String, Object> parameters = challenge.map("ChallengeParameters");
        assertThat(respond("DEVICE_PASSWORD_VERIFIER", null, impostor.passwordVerifier(parameters, timestamp()))
                        .error())
                .isEqualTo(INCORRECT);
        // The secret block is spent by the failed answer.
        assertThat(respond("DEVICE_PASSWORD_VERIFIER", null, device.passwordVerifier(parameters, timestamp()))
                        .error())
                .isEqualTo(INCORRECT);
    }

    @Test
    void aStaleTimestampOrAnotherDeviceOrUserInTheAnswerIsRefused() {
        IndependentDeviceClient device = confirmedDevice(11);
        Map<String, Object> parameters = deviceVerifierChallenge(device).map("ChallengeParameters");
        String stale =
                IndependentSrpClient.timestamp(this.fixture.clock().instant().minus(Duration.ofMinutes(6)));
        assertThat(respond("DEVICE_PASSWORD_VERIFIER", null, device.passwordVerifier(parameters, stale))
                        .error())
                .isEqualTo(INCORRECT);

        Map<String, Object> again = deviceVerifierChallenge(device).map("ChallengeParameters");
        Map<String, String> otherDevice = new LinkedHashMap<>(device.passwordVerifier(again, timestamp()));
        otherDevice.put("DEVICE_KEY", "us-east-1_4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
        assertThat(respond("DEVICE_PASSWORD_VERIFIER", null, otherDevice).error())
                .isEqualTo(INCORRECT);

        Map<String, Object> third = deviceVerifierChallenge(device).map("ChallengeParameters");
        Map<String, String> otherUser = new LinkedHashMap<>(device.passwordVerifier(third, timestamp()));
        otherUser.put("USERNAME", "bob");
        assertThat(respond("DEVICE_PASSWORD_VERIFIER", null, otherUser).error()).isEqualTo(INCORRECT);

        Map<String, Object> fourth = deviceVerifierChallenge(device).map("ChallengeParameters");
        Map<String, String> missing = new LinkedHashMap<>(device.passwordVerifier(fourth, timestamp()));
        missing.remove("DEVICE_KEY");
        assertThat(respond("DEVICE_PASSWORD_VERIFIER", null, missing).error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter DEVICE_KEY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"USERNAME", "PASSWORD_CLAIM_SECRET_BLOCK", "TIMESTAMP", "PASSWORD_CLAIM_SIGNATURE"})
    void eachClaimOfTheDevicePasswordVerifierIsRequired(String name) {
        IndependentDeviceClient device = confirmedDevice(22);
        Map<String, Object> parameters = deviceVerifierChallenge(device).map("ChallengeParameters");
        Map<String, String> answer = new LinkedHashMap<>(device.passwordVerifier(parameters, timestamp()));
        answer.remove(name);

        assertThat(respond("DEVICE_PASSWORD_VERIFIER", null, answer).error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter " + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"USERNAME", "DEVICE_KEY"})
    void eachMemberOfTheDeviceSrpAuthAnswerIsRequired(String name) {
        IndependentDeviceClient device = confirmedDevice(23);
        Map<String, String> answer = new LinkedHashMap<>(device.srpAuth("alice"));
        answer.remove(name);

        assertThat(respond("DEVICE_SRP_AUTH", signIn(device.deviceKey()).string("Session"), answer)
                        .error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter " + name);
    }

    @Test
    void theDeviceChallengesExpireWithTheClientsAuthSessionValidity() {
        IndependentDeviceClient device = confirmedDevice(24);
        String session = signIn(device.deviceKey()).string("Session");
        this.fixture.clock().advance(Duration.ofMinutes(3));

        assertThat(respond("DEVICE_SRP_AUTH", session, device.srpAuth("alice")).error())
                .isEqualTo("400 NotAuthorizedException: Invalid session for the user, session is expired.");

        Map<String, Object> parameters = deviceVerifierChallenge(device).map("ChallengeParameters");
        this.fixture.clock().advance(Duration.ofMinutes(3));
        assertThat(respond("DEVICE_PASSWORD_VERIFIER", null, device.passwordVerifier(parameters, timestamp()))
                        .error())
                .isEqualTo(INCORRECT);
    }

    @Test
    void theDeviceChallengesLiveJustUnderTheClientsAuthSessionValidity() {
        IndependentDeviceClient device = confirmedDevice(25);
        String session = signIn(device.deviceKey()).string("Session");
        this.fixture.clock().advance(Duration.ofMinutes(3).minusSeconds(1));
        Reply verifier = respond("DEVICE_SRP_AUTH", session, device.srpAuth("alice"));
        assertThat(verifier.string("ChallengeName")).as(verifier.body()).isEqualTo("DEVICE_PASSWORD_VERIFIER");

        this.fixture.clock().advance(Duration.ofMinutes(3).minusSeconds(1));
        Reply tokens = respond(
                "DEVICE_PASSWORD_VERIFIER",
                null,
                device.passwordVerifier(verifier.map("ChallengeParameters"), timestamp()));
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
    }

    @Test
    void theDeviceSrpAuthAnswerMustMatchItsSession() {
        IndependentDeviceClient device = confirmedDevice(12);

        assertThat(respond("DEVICE_SRP_AUTH", null, device.srpAuth("alice")).error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter Session");

        String session = signIn(device.deviceKey()).string("Session");
        assertThat(respond("DEVICE_SRP_AUTH", session, device.srpAuth("bob")).error())
                .isEqualTo(INVALID_SESSION);
        // The session is spent by the refused answer.
        assertThat(respond("DEVICE_SRP_AUTH", session, device.srpAuth("alice")).error())
                .isEqualTo(INVALID_SESSION);

        String another = signIn(device.deviceKey()).string("Session");
        Map<String, String> otherDevice = new LinkedHashMap<>(device.srpAuth("alice"));
        otherDevice.put("DEVICE_KEY", "us-east-1_4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
        assertThat(respond("DEVICE_SRP_AUTH", another, otherDevice).error()).isEqualTo(INVALID_SESSION);

        Map<String, String> noSrpA = new LinkedHashMap<>(device.srpAuth("alice"));
        noSrpA.remove("SRP_A");
        assertThat(respond("DEVICE_SRP_AUTH", signIn(device.deviceKey()).string("Session"), noSrpA)
                        .error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter SRP_A");
        // A malformed SRP_A is an invalid parameter, as at InitiateAuth (amazon-cognito-identity-js issue #356; the
        // message is the emulator's), refused before the session is spent.
        String kept = signIn(device.deviceKey()).string("Session");
        Map<String, String> badSrpA = new LinkedHashMap<>(device.srpAuth("alice"));
        badSrpA.put("SRP_A", "not-hex");
        assertThat(respond("DEVICE_SRP_AUTH", kept, badSrpA).error())
                .isEqualTo("400 InvalidParameterException: Invalid SRP_A value.");
        Map<String, String> zeroA = new LinkedHashMap<>(device.srpAuth("alice"));
        zeroA.put("SRP_A", "0");
        assertThat(respond("DEVICE_SRP_AUTH", kept, zeroA).error())
                .isEqualTo("400 InvalidParameterException: Invalid SRP_A value.");
        assertThat(respond("DEVICE_SRP_AUTH", kept, device.srpAuth("alice")).string("ChallengeName"))
                .isEqualTo("DEVICE_PASSWORD_VERIFIER");
    }

    @Test
    void anUnknownDeviceKeyOrOneOfAnotherUserIsNotFound() {
        assertThat(signIn("us-east-1_4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f").error())
                .isEqualTo(NO_DEVICE);

        this.fixture.createConfirmedUser(this.poolId, "bob", SignInFixture.PASSWORD);
        String bobsDevice = (String) this.fixture
                .signIn(this.client.id(), "bob", SignInFixture.PASSWORD)
                .requireSuccess()
                .map("AuthenticationResult", "NewDeviceMetadata")
                .get("DeviceKey");
        assertThat(signIn(bobsDevice).error()).isEqualTo(NO_DEVICE);
    }

    @Test
    void aForgottenDeviceCanNoLongerAuthenticate() {
        IndependentDeviceClient device = confirmedDevice(13);
        String session = signIn(device.deviceKey()).string("Session");
        Map<String, Object> parameters = deviceVerifierChallenge(device).map("ChallengeParameters");

        this.fixture
                .call(
                        "AdminForgetDevice",
                        Map.of("UserPoolId", this.poolId, "Username", "alice", "DeviceKey", device.deviceKey()))
                .requireSuccess();

        assertThat(respond("DEVICE_SRP_AUTH", session, device.srpAuth("alice")).error())
                .isEqualTo(NO_DEVICE);
        assertThat(respond("DEVICE_PASSWORD_VERIFIER", null, device.passwordVerifier(parameters, timestamp()))
                        .error())
                .isEqualTo(NO_DEVICE);
        assertThat(signIn(device.deviceKey()).error()).isEqualTo(NO_DEVICE);
        assertThat(signIn(null).requireSuccess().map("AuthenticationResult")).containsKey("NewDeviceMetadata");
    }

    @Test
    void aDisabledUserCannotFinishWithItsDevice() {
        IndependentDeviceClient device = confirmedDevice(14);
        Map<String, Object> parameters = deviceVerifierChallenge(device).map("ChallengeParameters");
        this.fixture
                .call("AdminDisableUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(respond("DEVICE_PASSWORD_VERIFIER", null, device.passwordVerifier(parameters, timestamp()))
                        .error())
                .isEqualTo("400 NotAuthorizedException: User is disabled.");
    }

    @Test
    void aDeletedUserCannotAnswerTheDeviceChallenges() {
        IndependentDeviceClient device = confirmedDevice(15);
        String session = signIn(device.deviceKey()).string("Session");
        Map<String, Object> parameters = deviceVerifierChallenge(device).map("ChallengeParameters");
        this.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(respond("DEVICE_SRP_AUTH", session, device.srpAuth("alice")).error())
                .isEqualTo(INCORRECT);
        assertThat(respond("DEVICE_PASSWORD_VERIFIER", null, device.passwordVerifier(parameters, timestamp()))
                        .error())
                .isEqualTo(INCORRECT);
    }

    @Test
    void inAnOptInPoolAConfirmedDeviceAuthenticatesOnlyOnceRemembered() {
        useOptInPool();
        IndependentDeviceClient device = confirmedDevice(16);

        Reply notRemembered = signIn(device.deviceKey());
        assertThat(notRemembered.status()).as(notRemembered.body()).isEqualTo(200);
        assertThat(notRemembered.map("AuthenticationResult")).doesNotContainKey("NewDeviceMetadata");
        String accessToken = SignInFixture.tokens(notRemembered).accessToken();
        assertThat(SignInFixture.payload(accessToken)).containsEntry("device_key", device.deviceKey());

        this.fixture
                .call(
                        "UpdateDeviceStatus",
                        Map.of(
                                "AccessToken",
                                accessToken,
                                "DeviceKey",
                                device.deviceKey(),
                                "DeviceRememberedStatus",
                                "remembered"))
                .requireSuccess();

        assertThat(signIn(device.deviceKey()).string("ChallengeName")).isEqualTo("DEVICE_SRP_AUTH");
    }

    @Test
    void whereARememberedDeviceCannotStandInForMfaItAuthenticatesAfterIt() {
        this.poolId = this.fixture.createPool(Map.of(
                "DeviceConfiguration",
                Map.of("ChallengeRequiredOnNewDevice", false, "DeviceOnlyRememberedOnUserPrompt", false),
                "SmsConfiguration",
                MfaFixture.SMS_CONFIGURATION));
        this.client = client();
        IndependentDeviceClient device = confirmedDevice(19);
        // With MFA off, the device authenticates all the same.
        assertThat(signIn(device.deviceKey()).string("ChallengeName")).isEqualTo("DEVICE_SRP_AUTH");
        MfaFixture mfa = new MfaFixture(this.fixture);
        mfa.setMfaConfig(this.poolId, "OPTIONAL", false, true, false).requireSuccess();
        // And with MFA optional and none set up for the user.
        assertThat(signIn(device.deviceKey()).string("ChallengeName")).isEqualTo("DEVICE_SRP_AUTH");
        mfa.setMfaConfig(this.poolId, "ON", true, false, false).requireSuccess();
        this.fixture
                .call(
                        "AdminUpdateUserAttributes",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "Username",
                                "alice",
                                "UserAttributes",
                                List.of(Map.of("Name", "phone_number", "Value", "+15555550123"))))
                .requireSuccess();

        Reply challenged = signIn(device.deviceKey());
        assertThat(challenged.string("ChallengeName")).isEqualTo("SMS_MFA");
        Reply afterMfa = respond(
                "SMS_MFA",
                challenged.string("Session"),
                Map.of("USERNAME", "alice", "SMS_MFA_CODE", this.fixture.latestCode(this.poolId, "alice")));

        assertThat(afterMfa.string("ChallengeName")).as(afterMfa.body()).isEqualTo("DEVICE_SRP_AUTH");
    }

    @Test
    void withMfaOnARememberedDeviceStandsInForItWhenThePoolSaysSo() {
        this.fixture
                .call(
                        "SetUserPoolMfaConfig",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "SoftwareTokenMfaConfiguration",
                                Map.of("Enabled", true),
                                "MfaConfiguration",
                                "OPTIONAL"))
                .requireSuccess();
        IndependentDeviceClient device = confirmedDevice(20);

        assertThat(signIn(device.deviceKey()).string("ChallengeName")).isEqualTo("DEVICE_SRP_AUTH");
    }

    @Test
    void aDeviceNeverConfirmedSignsInWithoutDeviceAuthentication() {
        String deviceKey = (String) signIn(null)
                .requireSuccess()
                .map("AuthenticationResult", "NewDeviceMetadata")
                .get("DeviceKey");

        Reply reply = signIn(deviceKey);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.map("AuthenticationResult")).doesNotContainKey("NewDeviceMetadata");
        assertThat(SignInFixture.payload(SignInFixture.tokens(reply).accessToken()))
                .containsEntry("device_key", deviceKey);
    }

    private Reply refresh(String refreshToken, String deviceKey) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("REFRESH_TOKEN", refreshToken);
        if (deviceKey != null) {
            parameters.put("DEVICE_KEY", deviceKey);
        }
        return this.fixture.call(
                "InitiateAuth",
                Map.of("AuthFlow", "REFRESH_TOKEN_AUTH", "ClientId", this.client.id(), "AuthParameters", parameters));
    }

    private static final String INVALID_REFRESH = "400 NotAuthorizedException: Invalid Refresh Token.";

    @Test
    void aRefreshTokenWorksOnlyWithTheConfirmedDeviceItsSignInWasFrom() {
        IndependentDeviceClient device = confirmedDevice(17);
        Map<String, Object> parameters = deviceVerifierChallenge(device).map("ChallengeParameters");
        String refreshToken = SignInFixture.tokens(
                        respond("DEVICE_PASSWORD_VERIFIER", null, device.passwordVerifier(parameters, timestamp())))
                .refreshToken();

        Reply withDevice = refresh(refreshToken, device.deviceKey());
        assertThat(withDevice.status()).as(withDevice.body()).isEqualTo(200);
        assertThat(withDevice.map("AuthenticationResult")).doesNotContainKey("NewDeviceMetadata");
        assertThat(SignInFixture.payload(SignInFixture.tokens(withDevice).accessToken()))
                .containsEntry("device_key", device.deviceKey());
        Reply fromToken = this.fixture.call(
                "GetTokensFromRefreshToken",
                Map.of("RefreshToken", refreshToken, "ClientId", this.client.id(), "DeviceKey", device.deviceKey()));
        assertThat(SignInFixture.payload(SignInFixture.tokens(fromToken).accessToken()))
                .containsEntry("device_key", device.deviceKey());

        assertThat(refresh(refreshToken, null).error()).isEqualTo(INVALID_REFRESH);
        IndependentDeviceClient other = confirmedDevice(18);
        assertThat(refresh(refreshToken, other.deviceKey()).error()).isEqualTo(INVALID_REFRESH);
        assertThat(refresh(refreshToken, "us-east-1_4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f")
                        .error())
                .isEqualTo(INVALID_REFRESH);

        this.fixture
                .call(
                        "AdminForgetDevice",
                        Map.of("UserPoolId", this.poolId, "Username", "alice", "DeviceKey", device.deviceKey()))
                .requireSuccess();
        assertThat(refresh(refreshToken, device.deviceKey()).error()).isEqualTo(INVALID_REFRESH);
        // A forgotten device's refresh tokens stay refused, with or without its key.
        assertThat(refresh(refreshToken, null).error()).isEqualTo(INVALID_REFRESH);
    }

    @Test
    void theRefreshTokenOfANewDeviceWorksOnceTheDeviceIsConfirmed() {
        Reply first = signIn(null).requireSuccess();
        String deviceKey =
                (String) first.map("AuthenticationResult", "NewDeviceMetadata").get("DeviceKey");
        SignInFixture.Tokens tokens = SignInFixture.tokens(first);

        assertThat(refresh(tokens.refreshToken(), deviceKey).error()).isEqualTo(INVALID_REFRESH);
        assertThat(refresh(tokens.refreshToken(), null).error()).isEqualTo(INVALID_REFRESH);

        this.fixture
                .call("ConfirmDevice", Map.of("AccessToken", tokens.accessToken(), "DeviceKey", deviceKey))
                .requireSuccess();
        Reply refreshed = refresh(tokens.refreshToken(), deviceKey);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.map("AuthenticationResult")).doesNotContainKey("NewDeviceMetadata");
    }

    @Test
    void aPoolWithoutTrackingRefreshesWhateverDeviceKeyComesAlong() {
        this.poolId = this.fixture.createPool();
        this.client = client();
        String refreshToken = SignInFixture.tokens(signIn(null)).refreshToken();

        Reply refreshed = refresh(refreshToken, "us-east-1_4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f");

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(SignInFixture.payload(SignInFixture.tokens(refreshed).accessToken()))
                .doesNotContainKey("device_key");
    }

    @Test
    void aClientWithASecretSignsTheDeviceAnswersToo() {
        this.client = this.fixture.createClient(
                this.poolId,
                Map.of(
                        "ExplicitAuthFlows",
                        List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                        "GenerateSecret",
                        true));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("USERNAME", "alice");
        parameters.put("PASSWORD", SignInFixture.PASSWORD);
        parameters.put("SECRET_HASH", SignInFixture.secretHash(this.client.secret(), "alice", this.client.id()));
        Reply first = this.fixture.call(
                "InitiateAuth",
                Map.of("AuthFlow", "USER_PASSWORD_AUTH", "ClientId", this.client.id(), "AuthParameters", parameters));
        Map<String, Object> metadata = first.requireSuccess().map("AuthenticationResult", "NewDeviceMetadata");
        var device = new IndependentDeviceClient(
                (String) metadata.get("DeviceGroupKey"), (String) metadata.get("DeviceKey"), 21);
        this.fixture
                .call(
                        "ConfirmDevice",
                        Map.of(
                                "AccessToken",
                                SignInFixture.tokens(first).accessToken(),
                                "DeviceKey",
                                device.deviceKey(),
                                "DeviceSecretVerifierConfig",
                                Map.of("PasswordVerifier", device.passwordVerifier(), "Salt", device.salt())))
                .requireSuccess();
        String secretHash = SignInFixture.secretHash(this.client.secret(), "alice", this.client.id());
        parameters.put("DEVICE_KEY", device.deviceKey());
        Reply challenge = this.fixture.call(
                "InitiateAuth",
                Map.of("AuthFlow", "USER_PASSWORD_AUTH", "ClientId", this.client.id(), "AuthParameters", parameters));
        String missing = "400 NotAuthorizedException: Client " + this.client.id()
                + " is configured with secret but SECRET_HASH was not received";
        assertThat(respond("DEVICE_SRP_AUTH", challenge.string("Session"), device.srpAuth("alice"))
                        .error())
                .isEqualTo(missing);

        challenge = this.fixture.call(
                "InitiateAuth",
                Map.of("AuthFlow", "USER_PASSWORD_AUTH", "ClientId", this.client.id(), "AuthParameters", parameters));
        Map<String, String> srpAuth = new LinkedHashMap<>(device.srpAuth("alice"));
        srpAuth.put("SECRET_HASH", secretHash);
        Reply verifier = respond("DEVICE_SRP_AUTH", challenge.string("Session"), srpAuth);
        assertThat(verifier.string("ChallengeName")).as(verifier.body()).isEqualTo("DEVICE_PASSWORD_VERIFIER");
        Map<String, Object> verifierParameters = verifier.map("ChallengeParameters");
        assertThat(respond("DEVICE_PASSWORD_VERIFIER", null, device.passwordVerifier(verifierParameters, timestamp()))
                        .error())
                .isEqualTo(missing);

        challenge = this.fixture.call(
                "InitiateAuth",
                Map.of("AuthFlow", "USER_PASSWORD_AUTH", "ClientId", this.client.id(), "AuthParameters", parameters));
        verifierParameters =
                respond("DEVICE_SRP_AUTH", challenge.string("Session"), srpAuth).map("ChallengeParameters");
        Map<String, String> answer = new LinkedHashMap<>(device.passwordVerifier(verifierParameters, timestamp()));
        answer.put("SECRET_HASH", secretHash);
        assertThat(respond("DEVICE_PASSWORD_VERIFIER", null, answer).status()).isEqualTo(200);
    }

    private String groupKey() {
        // Any sign-in without a device key shows the user's group key.
        return (String) signIn(null)
                .requireSuccess()
                .map("AuthenticationResult", "NewDeviceMetadata")
                .get("DeviceGroupKey");
    }
}
