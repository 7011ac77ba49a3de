package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/** An administrator confirming a signed-up user; administrators and users deleting attributes. */
class UserConfirmationAndAttributeDeletionTests extends SignInUseCase {

    @Test
    void anAdministratorConfirmsASignedUpUserOnce() {
        String poolId = createPool();
        String clientId = createPasswordClient(poolId);
        cognito()
                .signUp((request) -> request.clientId(clientId)
                        .username("alice")
                        .password(STRONG_PASSWORD)
                        .userAttributes(attribute("email", "alice@example.com")));

        cognito().adminConfirmSignUp((request) -> request.userPoolId(poolId).username("alice"));

        assertThat(cognito()
                        .adminGetUser((request) -> request.userPoolId(poolId).username("alice"))
                        .userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
        assertThat(signIn(clientId, "alice", STRONG_PASSWORD).idToken()).isNotNull();
        NotAuthorizedException again = cognitoError(
                NotAuthorizedException.class,
                () -> cognito()
                        .adminConfirmSignUp(
                                (request) -> request.userPoolId(poolId).username("alice")));
        assertThat(again.awsErrorDetails().errorMessage())
                .isEqualTo("User cannot be confirmed. Current status is CONFIRMED");
    }

    @Test
    void anAdministratorDeletesAttributesAndTheEmailsVerification() {
        String poolId = createPool();
        createUser(
                poolId,
                "alice",
                attribute("email", "alice@example.com"),
                attribute("email_verified", "true"),
                attribute("given_name", "Alice"));

        cognito()
                .adminDeleteUserAttributes((request) ->
                        request.userPoolId(poolId).username("alice").userAttributeNames("email", "given_name"));

        assertThat(attributesOf(poolId, "alice")).containsOnlyKeys("sub");
    }

    @Test
    void aRequiredAttributeCannotBeDeleted() {
        String poolId = createPool((request) -> request.schema(SchemaAttributeType.builder()
                        .name("email")
                        .attributeDataType("String")
                        .required(true)
                        .build()))
                .id();
        createUser(poolId, "alice", attribute("email", "alice@example.com"));

        InvalidParameterException error = cognitoError(
                InvalidParameterException.class,
                () -> cognito()
                        .adminDeleteUserAttributes((request) ->
                                request.userPoolId(poolId).username("alice").userAttributeNames("email")));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("Invalid user attributes: email: Required attribute cannot be deleted.");
        assertThat(attributesOf(poolId, "alice")).containsEntry("email", "alice@example.com");
    }

    @Test
    void aSignedInUserDeletesItsOwnAttributes() {
        String poolId = createPool();
        String clientId = createPasswordClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);
        cognito()
                .adminUpdateUserAttributes((request) -> request.userPoolId(poolId)
                        .username("alice")
                        .userAttributes(attribute("nickname", "al"), attribute("phone_number", "+15555550100")));
        AuthenticationResultType tokens = signIn(clientId, "alice", STRONG_PASSWORD);

        cognito()
                .deleteUserAttributes((request) ->
                        request.accessToken(tokens.accessToken()).userAttributeNames("nickname", "phone_number"));

        assertThat(attributesOf(poolId, "alice")).containsOnlyKeys("sub");
        NotAuthorizedException error = cognitoError(
                NotAuthorizedException.class,
                () -> cognito()
                        .deleteUserAttributes(
                                (request) -> request.accessToken("bad-token").userAttributeNames("nickname")));
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Invalid Access Token");
    }
}
