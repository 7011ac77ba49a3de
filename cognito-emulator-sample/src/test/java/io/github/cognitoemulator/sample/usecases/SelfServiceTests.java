package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ForgotPasswordResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;
import tools.jackson.databind.JsonNode;

/**
 * Users who sign themselves up and reset their own passwords, with the codes read from the emulator's inbox over
 * HTTP, where a developer finds them.
 */
class SelfServiceTests extends SignInUseCase {

    private String poolVerifyingEmail() {
        return createPool((request) -> request.autoVerifiedAttributes(VerifiedAttributeType.EMAIL))
                .id();
    }

    @Test
    void signUpThenConfirmWithTheCodeFromTheInbox() {
        String poolId = poolVerifyingEmail();
        String clientId = createPasswordClient(poolId);

        SignUpResponse signUp = cognito()
                .signUp((request) -> request.clientId(clientId)
                        .username("alice")
                        .password(STRONG_PASSWORD)
                        .userAttributes(attribute("email", "alice@example.com")));

        assertThat(signUp.userConfirmed()).isFalse();
        assertThat(signUp.userSub()).matches(UUID_PATTERN);
        assertThat(signUp.codeDeliveryDetails().deliveryMedium()).isEqualTo(DeliveryMediumType.EMAIL);
        assertThat(signUp.codeDeliveryDetails().destination()).isEqualTo("a***@e***");
        assertThat(signUp.codeDeliveryDetails().attributeName()).isEqualTo("email");
        UserNotConfirmedException unconfirmed = cognitoError(
                UserNotConfirmedException.class, () -> initiatePasswordAuth(clientId, "alice", STRONG_PASSWORD));
        assertThat(unconfirmed.awsErrorDetails().errorMessage()).isEqualTo("User is not confirmed.");

        String code = latestCode(poolId, "alice");
        assertThat(code).matches("[0-9]{6}");
        cognito()
                .confirmSignUp((request) ->
                        request.clientId(clientId).username("alice").confirmationCode(code));

        assertThat(cognito()
                        .adminGetUser((request) -> request.userPoolId(poolId).username("alice"))
                        .userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
        assertThat(attributesOf(poolId, "alice")).containsEntry("email_verified", "true");
        String idToken = signIn(clientId, "alice", STRONG_PASSWORD).idToken();
        assertThat(claims(idToken).get("email_verified").asBoolean()).isTrue();
        assertThat(claims(idToken).get("sub").asString()).isEqualTo(signUp.userSub());
    }

    @Test
    void inboxListsTheMessageWithItsDetails() {
        String poolId = poolVerifyingEmail();
        String clientId = createPasswordClient(poolId);
        cognito()
                .signUp((request) -> request.clientId(clientId)
                        .username("alice")
                        .password(STRONG_PASSWORD)
                        .userAttributes(attribute("email", "alice@example.com")));

        HttpResponse<String> response = get("/_emulator/messages?poolId=" + poolId + "&username=alice");

        JsonNode messages = json(response.body());
        assertThat(messages.size()).isEqualTo(1);
        JsonNode message = messages.get(0);
        assertThat(message.get("userPoolId").asString()).isEqualTo(poolId);
        assertThat(message.get("type").asString()).isEqualTo("SignUp");
        assertThat(message.get("deliveryMedium").asString()).isEqualTo("EMAIL");
        assertThat(message.get("destination").asString()).isEqualTo("alice@example.com");
        assertThat(message.get("body").asString()).contains(message.get("code").asString());
        assertThat(json(get("/_emulator/messages?poolId=" + poolId + "&username=alice@example.com")
                                .body())
                        .size())
                .isEqualTo(1);
    }

    @Test
    void wrongConfirmationCodeIsAMismatch() {
        String poolId = poolVerifyingEmail();
        String clientId = createPasswordClient(poolId);
        cognito()
                .signUp((request) -> request.clientId(clientId)
                        .username("alice")
                        .password(STRONG_PASSWORD)
                        .userAttributes(attribute("email", "alice@example.com")));
        String code = latestCode(poolId, "alice");
        String wrong = code.equals("000000") ? "111111" : "000000";

        CodeMismatchException error = cognitoError(
                CodeMismatchException.class,
                () -> cognito()
                        .confirmSignUp((request) ->
                                request.clientId(clientId).username("alice").confirmationCode(wrong)));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("Invalid verification code provided, please try again.");
    }

    @Test
    void forgottenPasswordIsResetWithTheCodeFromTheInbox() {
        String poolId = poolVerifyingEmail();
        String clientId = createPasswordClient(poolId);
        cognito()
                .signUp((request) -> request.clientId(clientId)
                        .username("alice")
                        .password(STRONG_PASSWORD)
                        .userAttributes(attribute("email", "alice@example.com")));
        String signUpCode = latestCode(poolId, "alice");
        cognito()
                .confirmSignUp((request) ->
                        request.clientId(clientId).username("alice").confirmationCode(signUpCode));

        ForgotPasswordResponse forgot =
                cognito().forgotPassword((request) -> request.clientId(clientId).username("alice"));
        assertThat(forgot.codeDeliveryDetails().destination()).isEqualTo("a***@e***");
        String code = latestCode(poolId, "alice");
        assertThat(code).matches("[0-9]{6}");
        cognito()
                .confirmForgotPassword((request) -> request.clientId(clientId)
                        .username("alice")
                        .confirmationCode(code)
                        .password("N3w!Passw0rd"));

        assertThat(signIn(clientId, "alice", "N3w!Passw0rd").accessToken()).isNotBlank();
        NotAuthorizedException old = cognitoError(
                NotAuthorizedException.class, () -> initiatePasswordAuth(clientId, "alice", STRONG_PASSWORD));
        assertThat(old.awsErrorDetails().errorMessage()).isEqualTo("Incorrect username or password.");
    }
}
