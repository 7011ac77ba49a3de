package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Limits on codes per user and hour, and revocation that stays revoked.
 *
 * <p>The limits are Cognito's per-user quotas (Developer Guide, "Quotas in Amazon Cognito": ResendConfirmationCode 5
 * and ConfirmSignUp 15 an hour) and its forgot-password rule ("Recovering user accounts": between 5 and 20 requests
 * or entries of a reset code an hour; the emulator allows 5 of each). Users report the resulting
 * {@code LimitExceededException: Attempt limit exceeded, please try after some time.} after five ForgotPassword
 * requests (amazon-archives/amazon-cognito-identity-js#548) and five wrong reset codes
 * (aws-amplify/amplify-ui-android#180).
 */
class AbuseResistanceTests extends SignInUseCase {

    private static final String LIMIT = "Attempt limit exceeded, please try after some time.";

    private static String wrong(String code) {
        return (code.charAt(0) == '9' ? "0" : String.valueOf((char) (code.charAt(0) + 1))) + code.substring(1);
    }

    private String passwordResetCode(String poolId, String clientId) {
        cognito().forgotPassword((request) -> request.clientId(clientId).username("alice"));
        return latestCode(poolId, "alice");
    }

    @Test
    void aNewPasswordResetCodeDoesNotResetTheWrongAttemptsCounted() {
        String poolId = createPool();
        String clientId = createPasswordClient(poolId);
        createUser(poolId, "alice", attribute("email", "alice@example.com"), attribute("email_verified", "true"));
        cognito()
                .adminSetUserPassword((request) -> request.userPoolId(poolId)
                        .username("alice")
                        .password(STRONG_PASSWORD)
                        .permanent(true));

        String first = passwordResetCode(poolId, clientId);
        for (int attempt = 1; attempt <= 5; attempt++) {
            CodeMismatchException mismatch = cognitoError(
                    CodeMismatchException.class,
                    () -> cognito()
                            .confirmForgotPassword((request) -> request.clientId(clientId)
                                    .username("alice")
                                    .confirmationCode(wrong(first))
                                    .password("N3w!Passw0rd")));
            assertThat(mismatch.awsErrorDetails().errorMessage())
                    .isEqualTo("Invalid verification code provided, please try again.");
        }
        String second = passwordResetCode(poolId, clientId);

        LimitExceededException refused = cognitoError(
                LimitExceededException.class,
                () -> cognito()
                        .confirmForgotPassword((request) -> request.clientId(clientId)
                                .username("alice")
                                .confirmationCode(second)
                                .password("N3w!Passw0rd")));

        assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo(LIMIT);
        assertThat(refused.statusCode()).isEqualTo(400);
        // The password did not change.
        assertThat(signIn(clientId, "alice", STRONG_PASSWORD).accessToken()).isNotBlank();
    }

    @Test
    void theSixthResendInAnHourIsRefused() {
        String poolId = createPool((request) -> request.autoVerifiedAttributes(VerifiedAttributeType.EMAIL))
                .id();
        String clientId = createPasswordClient(poolId);
        cognito()
                .signUp((request) -> request.clientId(clientId)
                        .username("alice")
                        .password(STRONG_PASSWORD)
                        .userAttributes(attribute("email", "alice@example.com")));
        for (int resend = 1; resend <= 5; resend++) {
            cognito()
                    .resendConfirmationCode(
                            (request) -> request.clientId(clientId).username("alice"));
        }

        LimitExceededException refused = cognitoError(
                LimitExceededException.class,
                () -> cognito()
                        .resendConfirmationCode(
                                (request) -> request.clientId(clientId).username("alice")));

        assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo(LIMIT);
        // The last code sent still confirms the user.
        String code = latestCode(poolId, "alice");
        cognito()
                .confirmSignUp((request) ->
                        request.clientId(clientId).username("alice").confirmationCode(code));
    }

    @Test
    void anAccessTokenRevokedByDisablingTheUserStaysRevokedOnceEnabled() {
        String poolId = createPool();
        String clientId = createPasswordClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);
        AuthenticationResultType old = signIn(clientId, "alice", STRONG_PASSWORD);

        cognito().adminDisableUser((request) -> request.userPoolId(poolId).username("alice"));
        cognito().adminEnableUser((request) -> request.userPoolId(poolId).username("alice"));

        NotAuthorizedException revoked = cognitoError(
                NotAuthorizedException.class,
                () -> cognito().getUser((request) -> request.accessToken(old.accessToken())));
        assertThat(revoked.awsErrorDetails().errorMessage()).isEqualTo("Access Token has been revoked");
        NotAuthorizedException refresh = cognitoError(
                NotAuthorizedException.class,
                () -> cognito()
                        .initiateAuth((request) -> request.authFlow("REFRESH_TOKEN_AUTH")
                                .clientId(clientId)
                                .authParameters(java.util.Map.of("REFRESH_TOKEN", old.refreshToken()))));
        assertThat(refresh.awsErrorDetails().errorMessage()).isEqualTo("Refresh Token has been revoked");
        AuthenticationResultType fresh = signIn(clientId, "alice", STRONG_PASSWORD);
        assertThat(cognito()
                        .getUser((request) -> request.accessToken(fresh.accessToken()))
                        .username())
                .isEqualTo("alice");
    }

    @Test
    void anOldAccessTokenDoesNotReachAUserCreatedAgainWithTheSameName() {
        String poolId = createPool();
        String clientId = createPasswordClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);
        AuthenticationResultType old = signIn(clientId, "alice", STRONG_PASSWORD);
        cognito().adminDeleteUser((request) -> request.userPoolId(poolId).username("alice"));
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);

        NotAuthorizedException refused = cognitoError(
                NotAuthorizedException.class,
                () -> cognito().getUser((request) -> request.accessToken(old.accessToken())));

        assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("User does not exist.");
        NotAuthorizedException refresh = cognitoError(
                NotAuthorizedException.class,
                () -> cognito()
                        .initiateAuth((request) -> request.authFlow("REFRESH_TOKEN_AUTH")
                                .clientId(clientId)
                                .authParameters(java.util.Map.of("REFRESH_TOKEN", old.refreshToken()))));
        assertThat(refresh.awsErrorDetails().errorMessage()).isEqualTo("Invalid Refresh Token.");
    }
}
