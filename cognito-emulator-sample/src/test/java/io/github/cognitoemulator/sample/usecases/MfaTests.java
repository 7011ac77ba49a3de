package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailSendingAccountType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MFAOptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SoftwareTokenMfaNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * Multi-factor authentication driven through the AWS SDK: software tokens (TOTP codes computed here from the secret
 * and the real clock), SMS and email codes read from the inbox, the choice between factors, and setup while signing
 * in.
 */
class MfaTests extends SignInUseCase {

    private static final String SNS_ROLE = "arn:aws:iam::123456789012:role/sms";

    private static final String SES_IDENTITY = "arn:aws:ses:us-east-1:000000000000:identity/example.com";

    /** A pool that can send SMS and email, with MFA set as given. */
    private String mfaPool(UserPoolMfaType configuration, boolean sms, boolean softwareToken, boolean email) {
        String poolId = createPool((request) -> request.smsConfiguration((sns) -> sns.snsCallerArn(SNS_ROLE))
                        .emailConfiguration((ses) -> ses.emailSendingAccount(EmailSendingAccountType.DEVELOPER)
                                .sourceArn(SES_IDENTITY)))
                .id();
        cognito().setUserPoolMfaConfig((request) -> {
            request.userPoolId(poolId).mfaConfiguration(configuration);
            if (sms) {
                request.smsMfaConfiguration((config) -> config.smsConfiguration((sns) -> sns.snsCallerArn(SNS_ROLE)));
            }
            if (softwareToken) {
                request.softwareTokenMfaConfiguration((config) -> config.enabled(true));
            }
            if (email) {
                request.emailMfaConfiguration((config) -> {});
            }
        });
        return poolId;
    }

    private void createConfirmedUser(String poolId, String username, String email, String phoneNumber) {
        createUser(poolId, username, attribute("email", email), attribute("phone_number", phoneNumber));
        cognito()
                .adminSetUserPassword((request) -> request.userPoolId(poolId)
                        .username(username)
                        .password(STRONG_PASSWORD)
                        .permanent(true));
    }

    private RespondToAuthChallengeResponse respond(
            String clientId, ChallengeNameType challenge, String session, Map<String, String> answers) {
        return cognito()
                .respondToAuthChallenge((request) -> request.clientId(clientId)
                        .challengeName(challenge)
                        .session(session)
                        .challengeResponses(answers));
    }

    /** The time step of now. */
    private static long step() {
        return Math.floorDiv(Instant.now().getEpochSecond(), 30);
    }

    /** AssociateSoftwareToken and VerifySoftwareToken; returns the secret and the step whose code was used. */
    private String setUpSoftwareToken(String accessToken) {
        AssociateSoftwareTokenResponse associated =
                cognito().associateSoftwareToken((request) -> request.accessToken(accessToken));
        assertThat(associated.secretCode()).matches("[A-Z2-7]{52}");
        assertThat(associated.session()).isNull();
        VerifySoftwareTokenResponse verified = cognito()
                .verifySoftwareToken((request) -> request.accessToken(accessToken)
                        .userCode(totp(associated.secretCode(), step()))
                        .friendlyDeviceName("phone"));
        assertThat(verified.status()).isEqualTo(VerifySoftwareTokenResponseType.SUCCESS);
        return associated.secretCode();
    }

    @Test
    void softwareTokenSetUpThenAskedForAtSignIn() {
        String poolId = mfaPool(UserPoolMfaType.OPTIONAL, false, true, false);
        String clientId = createPasswordClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);
        String accessToken = signIn(clientId, "alice", STRONG_PASSWORD).accessToken();
        String secret = setUpSoftwareToken(accessToken);

        cognito()
                .setUserMFAPreference((request) -> request.accessToken(accessToken)
                        .softwareTokenMfaSettings(
                                (settings) -> settings.enabled(true).preferredMfa(true)));

        GetUserResponse user = cognito().getUser((request) -> request.accessToken(accessToken));
        assertThat(user.preferredMfaSetting()).isEqualTo("SOFTWARE_TOKEN_MFA");
        assertThat(user.userMFASettingList()).containsExactly("SOFTWARE_TOKEN_MFA");
        assertThat(user.mfaOptions()).isEmpty();
        AdminGetUserResponse adminUser =
                cognito().adminGetUser((request) -> request.userPoolId(poolId).username("alice"));
        assertThat(adminUser.preferredMfaSetting()).isEqualTo("SOFTWARE_TOKEN_MFA");
        assertThat(adminUser.userMFASettingList()).containsExactly("SOFTWARE_TOKEN_MFA");

        InitiateAuthResponse challenged = initiatePasswordAuth(clientId, "alice", STRONG_PASSWORD);
        assertThat(challenged.challengeName()).isEqualTo(ChallengeNameType.SOFTWARE_TOKEN_MFA);
        assertThat(challenged.challengeParameters())
                .isEqualTo(Map.of("FRIENDLY_DEVICE_NAME", "phone", "USER_ID_FOR_SRP", "alice"));
        assertThat(challenged.authenticationResult()).isNull();

        CodeMismatchException mismatch = cognitoError(
                CodeMismatchException.class,
                () -> respond(
                        clientId,
                        ChallengeNameType.SOFTWARE_TOKEN_MFA,
                        challenged.session(),
                        Map.of("USERNAME", "alice", "SOFTWARE_TOKEN_MFA_CODE", totp(secret, step() + 5))));
        assertThat(mismatch.awsErrorDetails().errorMessage()).isEqualTo("Invalid code received for user");

        // The code of the next step: the current one went to VerifySoftwareToken.
        String code = totp(secret, step() + 1);
        AuthenticationResultType tokens = respond(
                        clientId,
                        ChallengeNameType.SOFTWARE_TOKEN_MFA,
                        challenged.session(),
                        Map.of("USERNAME", "alice", "SOFTWARE_TOKEN_MFA_CODE", code))
                .authenticationResult();
        assertThat(claims(tokens.idToken()).get("cognito:username").asString()).isEqualTo("alice");

        InitiateAuthResponse again = initiatePasswordAuth(clientId, "alice", STRONG_PASSWORD);
        ExpiredCodeException reused = cognitoError(
                ExpiredCodeException.class,
                () -> respond(
                        clientId,
                        ChallengeNameType.SOFTWARE_TOKEN_MFA,
                        again.session(),
                        Map.of("USERNAME", "alice", "SOFTWARE_TOKEN_MFA_CODE", code)));
        assertThat(reused.awsErrorDetails().errorMessage())
                .isEqualTo("Your software token has already been used once.");
    }

    @Test
    void aWrongFirstCodeDoesNotEnableTheToken() {
        String poolId = mfaPool(UserPoolMfaType.OPTIONAL, false, true, false);
        String accessToken = aliceSignedIn(poolId).accessToken();
        String secret = cognito()
                .associateSoftwareToken((request) -> request.accessToken(accessToken))
                .secretCode();

        EnableSoftwareTokenMfaException error = wireError(
                EnableSoftwareTokenMfaException.class,
                "EnableSoftwareTokenMFAException",
                () -> cognito()
                        .verifySoftwareToken(
                                (request) -> request.accessToken(accessToken).userCode(totp(secret, step() + 10))));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("Code mismatch and fail enable Software Token MFA");
        InvalidParameterException preference = cognitoError(
                InvalidParameterException.class,
                () -> cognito()
                        .setUserMFAPreference((request) -> request.accessToken(accessToken)
                                .softwareTokenMfaSettings((settings) -> settings.enabled(true))));
        assertThat(preference.awsErrorDetails().errorMessage()).isEqualTo("User has not verified software token mfa");
    }

    @Test
    void softwareTokensNeedThePoolToOfferThem() {
        String poolId = createPool();
        String accessToken = aliceSignedIn(poolId).accessToken();

        SoftwareTokenMfaNotFoundException error = wireError(
                SoftwareTokenMfaNotFoundException.class,
                "SoftwareTokenMFANotFoundException",
                () -> cognito().associateSoftwareToken((request) -> request.accessToken(accessToken)));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("Software Token MFA has not been enabled by the userPool.");
    }

    @Test
    void smsCodeFromTheInboxCompletesTheSignIn() {
        String poolId = mfaPool(UserPoolMfaType.OPTIONAL, true, false, false);
        String clientId = createPasswordClient(poolId);
        createConfirmedUser(poolId, "alice", "alice@example.com", "+15555550123");
        cognito()
                .adminSetUserMFAPreference((request) -> request.userPoolId(poolId)
                        .username("alice")
                        .smsMfaSettings((settings) -> settings.enabled(true).preferredMfa(true)));

        InitiateAuthResponse challenged = initiatePasswordAuth(clientId, "alice", STRONG_PASSWORD);

        assertThat(challenged.challengeName()).isEqualTo(ChallengeNameType.SMS_MFA);
        assertThat(challenged.challengeParameters())
                .isEqualTo(Map.of(
                        "CODE_DELIVERY_DELIVERY_MEDIUM", "SMS",
                        "CODE_DELIVERY_DESTINATION", "+*******0123",
                        "USER_ID_FOR_SRP", "alice"));
        AuthenticationResultType tokens = respond(
                        clientId,
                        ChallengeNameType.SMS_MFA,
                        challenged.session(),
                        Map.of("USERNAME", "alice", "SMS_MFA_CODE", latestCode(poolId, "alice")))
                .authenticationResult();
        assertThat(tokens.accessToken()).isNotBlank();
        GetUserResponse user = cognito().getUser((request) -> request.accessToken(tokens.accessToken()));
        assertThat(user.mfaOptions())
                .containsExactly(MFAOptionType.builder()
                        .deliveryMedium(DeliveryMediumType.SMS)
                        .attributeName("phone_number")
                        .build());
    }

    @Test
    void emailCodeFromTheInboxCompletesTheSignIn() {
        String poolId = mfaPool(UserPoolMfaType.OPTIONAL, false, false, true);
        String clientId = createPasswordClient(poolId);
        createConfirmedUser(poolId, "alice", "alice@example.com", "+15555550123");
        String accessToken = signIn(clientId, "alice", STRONG_PASSWORD).accessToken();
        cognito()
                .setUserMFAPreference((request) -> request.accessToken(accessToken)
                        .emailMfaSettings((settings) -> settings.enabled(true).preferredMfa(true)));

        InitiateAuthResponse challenged = initiatePasswordAuth(clientId, "alice", STRONG_PASSWORD);

        assertThat(challenged.challengeName()).isEqualTo(ChallengeNameType.EMAIL_OTP);
        assertThat(challenged.challengeParameters())
                .containsEntry("CODE_DELIVERY_DELIVERY_MEDIUM", "EMAIL")
                .containsEntry("CODE_DELIVERY_DESTINATION", "a***@e***");
        assertThat(respond(
                                clientId,
                                ChallengeNameType.EMAIL_OTP,
                                challenged.session(),
                                Map.of("USERNAME", "alice", "EMAIL_OTP_CODE", latestCode(poolId, "alice")))
                        .authenticationResult()
                        .idToken())
                .isNotBlank();
    }

    @Test
    void twoFactorsWithoutAPreferenceLetTheUserChoose() {
        String poolId = mfaPool(UserPoolMfaType.OPTIONAL, true, false, true);
        String clientId = createPasswordClient(poolId);
        createConfirmedUser(poolId, "alice", "alice@example.com", "+15555550123");
        cognito()
                .adminSetUserMFAPreference((request) -> request.userPoolId(poolId)
                        .username("alice")
                        .smsMfaSettings((settings) -> settings.enabled(true))
                        .emailMfaSettings((settings) -> settings.enabled(true)));

        InitiateAuthResponse challenged = initiatePasswordAuth(clientId, "alice", STRONG_PASSWORD);
        assertThat(challenged.challengeName()).isEqualTo(ChallengeNameType.SELECT_MFA_TYPE);
        assertThat(challenged.challengeParameters()).containsEntry("MFAS_CAN_CHOOSE", "[\"SMS_MFA\",\"EMAIL_OTP\"]");

        RespondToAuthChallengeResponse chosen = respond(
                clientId,
                ChallengeNameType.SELECT_MFA_TYPE,
                challenged.session(),
                Map.of("USERNAME", "alice", "ANSWER", "SMS_MFA"));

        assertThat(chosen.challengeName()).isEqualTo(ChallengeNameType.SMS_MFA);
        assertThat(respond(
                                clientId,
                                ChallengeNameType.SMS_MFA,
                                chosen.session(),
                                Map.of("USERNAME", "alice", "SMS_MFA_CODE", latestCode(poolId, "alice")))
                        .authenticationResult())
                .isNotNull();
    }

    @Test
    void requiredMfaSetsUpASoftwareTokenWhileSigningIn() {
        String poolId = mfaPool(UserPoolMfaType.ON, false, true, false);
        String clientId = createPasswordClient(poolId);
        createConfirmedUser(poolId, "carol", STRONG_PASSWORD);

        InitiateAuthResponse challenged = initiatePasswordAuth(clientId, "carol", STRONG_PASSWORD);
        assertThat(challenged.challengeName()).isEqualTo(ChallengeNameType.MFA_SETUP);
        assertThat(challenged.challengeParameters())
                .isEqualTo(Map.of("MFAS_CAN_SETUP", "[\"SOFTWARE_TOKEN_MFA\"]", "USER_ID_FOR_SRP", "carol"));

        AssociateSoftwareTokenResponse associated =
                cognito().associateSoftwareToken((request) -> request.session(challenged.session()));
        VerifySoftwareTokenResponse verified = cognito()
                .verifySoftwareToken((request) ->
                        request.session(associated.session()).userCode(totp(associated.secretCode(), step())));
        assertThat(verified.status()).isEqualTo(VerifySoftwareTokenResponseType.SUCCESS);
        RespondToAuthChallengeResponse signedIn =
                respond(clientId, ChallengeNameType.MFA_SETUP, verified.session(), Map.of("USERNAME", "carol"));

        assertThat(signedIn.authenticationResult().accessToken()).isNotBlank();
        assertThat(cognito()
                        .adminGetUser((request) -> request.userPoolId(poolId).username("carol"))
                        .userMFASettingList())
                .isEqualTo(List.of("SOFTWARE_TOKEN_MFA"));
        assertThat(initiatePasswordAuth(clientId, "carol", STRONG_PASSWORD).challengeName())
                .isEqualTo(ChallengeNameType.SOFTWARE_TOKEN_MFA);
    }

    @Test
    void legacySettingsTurnSmsMfaOnAndOff() {
        String poolId = mfaPool(UserPoolMfaType.OPTIONAL, true, false, false);
        String clientId = createPasswordClient(poolId);
        createConfirmedUser(poolId, "alice", "alice@example.com", "+15555550123");
        String accessToken = signIn(clientId, "alice", STRONG_PASSWORD).accessToken();
        MFAOptionType sms = MFAOptionType.builder()
                .deliveryMedium(DeliveryMediumType.SMS)
                .attributeName("phone_number")
                .build();

        cognito().setUserSettings((request) -> request.accessToken(accessToken).mfaOptions(sms));
        assertThat(cognito()
                        .getUser((request) -> request.accessToken(accessToken))
                        .userMFASettingList())
                .containsExactly("SMS_MFA");
        assertThat(initiatePasswordAuth(clientId, "alice", STRONG_PASSWORD).challengeName())
                .isEqualTo(ChallengeNameType.SMS_MFA);

        cognito()
                .adminSetUserSettings((request) ->
                        request.userPoolId(poolId).username("alice").mfaOptions(List.of()));
        AdminGetUserResponse user =
                cognito().adminGetUser((request) -> request.userPoolId(poolId).username("alice"));
        assertThat(user.userMFASettingList()).isEmpty();
        assertThat(user.mfaOptions()).isEmpty();
        assertThat(initiatePasswordAuth(clientId, "alice", STRONG_PASSWORD).authenticationResult())
                .isNotNull();
    }

    @Test
    void preferringATokenNeverSetUpIsRefused() {
        String poolId = mfaPool(UserPoolMfaType.OPTIONAL, false, true, false);
        aliceSignedIn(poolId);

        InvalidParameterException error = cognitoError(
                InvalidParameterException.class,
                () -> cognito()
                        .adminSetUserMFAPreference((request) -> request.userPoolId(poolId)
                                .username("alice")
                                .softwareTokenMfaSettings((settings) -> settings.enabled(true))));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User has not set up software token mfa");
    }

    /**
     * {@link #cognitoError} for the exceptions whose SDK class is spelled otherwise than their wire name ({@code Mfa}
     * for {@code MFA}).
     */
    static <T extends CognitoIdentityProviderException> T wireError(
            Class<T> type, String wireName, ThrowingCallable call) {
        T error = catchThrowableOfType(type, call);
        assertThat(error).as("expected %s", wireName).isNotNull();
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(wireName);
        return error;
    }

    /** RFC 6238 with SHA-1 and six digits: the code of a base32 secret for a time step. */
    static String totp(String secret, long step) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer key = ByteBuffer.allocate(secret.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : secret.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                key.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.array(), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0xf;
            int value = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
            return String.format("%06d", value % 1_000_000);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
