package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/** An administrator creating, reading and deleting users. */
class AdminUserTests extends CognitoUseCase {

    @Test
    void aCreatedUserMustChangeItsPasswordIsEnabledAndHasASub() {
        String poolId = createPool();

        UserType user = createUser(poolId, "jane", attribute("email", "jane@example.com"));

        assertThat(user.username()).isEqualTo("jane");
        assertThat(user.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        assertThat(user.enabled()).isTrue();
        assertThat(user.userCreateDate()).isNotNull();
        assertThat(user.userLastModifiedDate()).isNotNull();
        assertThat(attributes(user.attributes()))
                .containsEntry("email", "jane@example.com")
                .hasEntrySatisfying("sub", (sub) -> assertThat(sub).matches(UUID_PATTERN));
    }

    @Test
    void adminGetUserReturnsWhatWasCreated() {
        String poolId = createPool();
        UserType created = createUser(poolId, "john", attribute("given_name", "John"));

        AdminGetUserResponse user =
                cognito().adminGetUser((request) -> request.userPoolId(poolId).username("john"));

        assertThat(user.username()).isEqualTo("john");
        assertThat(user.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        assertThat(user.enabled()).isTrue();
        assertThat(user.userCreateDate()).isEqualTo(created.userCreateDate());
        assertThat(attributes(user.userAttributes())).isEqualTo(attributes(created.attributes()));
        assertThat(user.hasUserMFASettingList()).isFalse();
        assertThat(user.preferredMfaSetting()).isNull();
    }

    @Test
    void eachUserGetsItsOwnSub() {
        String poolId = createPool();

        String first = attributes(createUser(poolId, "one").attributes()).get("sub");
        String second = attributes(createUser(poolId, "two").attributes()).get("sub");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aUsernameCanBeCreatedOnlyOnce() {
        String poolId = createPool();
        createUser(poolId, "taken", attribute("given_name", "First"));

        UsernameExistsException error = cognitoError(
                UsernameExistsException.class, () -> createUser(poolId, "taken", attribute("given_name", "Second")));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User account already exists");
        assertThat(attributes(cognito()
                        .adminGetUser((request) -> request.userPoolId(poolId).username("taken"))
                        .userAttributes()))
                .containsEntry("given_name", "First");
    }

    @Test
    void anUnknownUserDoesNotExist() {
        String poolId = createPool();

        UserNotFoundException error = cognitoError(
                UserNotFoundException.class,
                () -> cognito()
                        .adminGetUser((request) -> request.userPoolId(poolId).username("nobody")));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User does not exist.");
    }

    @Test
    void aDeletedUserIsGone() {
        String poolId = createPool();
        createUser(poolId, "leaving");

        cognito().adminDeleteUser((request) -> request.userPoolId(poolId).username("leaving"));

        cognitoError(
                UserNotFoundException.class,
                () -> cognito()
                        .adminGetUser((request) -> request.userPoolId(poolId).username("leaving")));
        assertThat(cognito().listUsers((request) -> request.userPoolId(poolId)).users())
                .isEmpty();
    }

    @Test
    void deletingAnUnknownUserFails() {
        String poolId = createPool();

        UserNotFoundException error = cognitoError(
                UserNotFoundException.class,
                () -> cognito()
                        .adminDeleteUser((request) -> request.userPoolId(poolId).username("nobody")));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User does not exist.");
    }

    @Test
    void aDeletedUsernameCanBeCreatedAgain() {
        String poolId = createPool();
        String firstSub = attributes(createUser(poolId, "again").attributes()).get("sub");
        cognito().adminDeleteUser((request) -> request.userPoolId(poolId).username("again"));

        String secondSub = attributes(createUser(poolId, "again").attributes()).get("sub");

        assertThat(secondSub).isNotEqualTo(firstSub);
    }

    @Test
    void inAPoolWhereUsersSignInWithEmailTheUsernameIsTheSub() {
        String poolId = createPool((request) -> request.usernameAttributes(UsernameAttributeType.EMAIL))
                .id();

        UserType created = createUser(poolId, "mail@example.com");
        AdminGetUserResponse byEmail =
                cognito().adminGetUser((request) -> request.userPoolId(poolId).username("mail@example.com"));

        Map<String, String> attributes = attributes(created.attributes());
        assertThat(created.username()).isEqualTo(attributes.get("sub")).matches(UUID_PATTERN);
        assertThat(attributes).containsEntry("email", "mail@example.com");
        assertThat(byEmail.username()).isEqualTo(created.username());
        assertThat(cognito()
                        .adminGetUser((request) -> request.userPoolId(poolId).username(created.username()))
                        .username())
                .isEqualTo(created.username());
    }

    @Test
    void inAPoolWhereUsersSignInWithEmailTheUsernameMustBeAnEmail() {
        String poolId = createPool((request) -> request.usernameAttributes(UsernameAttributeType.EMAIL))
                .id();

        InvalidParameterException error =
                cognitoError(InvalidParameterException.class, () -> createUser(poolId, "plainname"));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Username should be an email.");
        assertThat(cognito().listUsers((request) -> request.userPoolId(poolId)).users())
                .isEmpty();
    }

    @Test
    void aTemporaryPasswordMustSatisfyThePolicyAndNothingIsCreatedOtherwise() {
        String poolId = createPool();

        InvalidPasswordException error = cognitoError(
                InvalidPasswordException.class,
                () -> cognito()
                        .adminCreateUser((request) -> request.userPoolId(poolId)
                                .username("weak")
                                .temporaryPassword("short")
                                .messageAction(MessageActionType.SUPPRESS)));

        assertThat(error.awsErrorDetails().errorMessage()).contains("Password not long enough");
        cognitoError(
                UserNotFoundException.class,
                () -> cognito()
                        .adminGetUser((request) -> request.userPoolId(poolId).username("weak")));
    }

    @Test
    void aTemporaryPasswordThatSatisfiesThePolicyIsAccepted() {
        String poolId = createPool();

        UserType user = cognito()
                .adminCreateUser((request) -> request.userPoolId(poolId)
                        .username("chosen")
                        .temporaryPassword(STRONG_PASSWORD)
                        .messageAction(MessageActionType.SUPPRESS))
                .user();

        assertThat(user.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
    }

    @Test
    void everyUserActionOnAnUnknownPoolIsResourceNotFound() {
        String poolId = "us-east-1_NoSuchOne";
        String message = "User pool us-east-1_NoSuchOne does not exist.";

        assertThat(cognitoError(ResourceNotFoundException.class, () -> createUser(poolId, "anyone"))
                        .awsErrorDetails()
                        .errorMessage())
                .isEqualTo(message);
        assertThat(cognitoError(
                                ResourceNotFoundException.class,
                                () -> cognito()
                                        .adminGetUser((request) ->
                                                request.userPoolId(poolId).username("anyone")))
                        .awsErrorDetails()
                        .errorMessage())
                .isEqualTo(message);
        assertThat(cognitoError(
                                ResourceNotFoundException.class,
                                () -> cognito()
                                        .adminDeleteUser((request) ->
                                                request.userPoolId(poolId).username("anyone")))
                        .awsErrorDetails()
                        .errorMessage())
                .isEqualTo(message);
        assertThat(cognitoError(
                                ResourceNotFoundException.class,
                                () -> cognito().listUsers((request) -> request.userPoolId(poolId)))
                        .awsErrorDetails()
                        .errorMessage())
                .isEqualTo(message);
    }
}
