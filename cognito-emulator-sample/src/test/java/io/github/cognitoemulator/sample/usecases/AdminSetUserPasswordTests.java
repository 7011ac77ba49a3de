package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/** An administrator setting a user's password. */
class AdminSetUserPasswordTests extends CognitoUseCase {

    @Test
    void aPermanentPasswordConfirmsTheUser() {
        String poolId = createPool();
        createUser(poolId, "alice");

        setPassword(poolId, "alice", STRONG_PASSWORD, true);

        assertThat(status(poolId, "alice")).isEqualTo(UserStatusType.CONFIRMED);
    }

    @Test
    void aTemporaryPasswordMakesAConfirmedUserChangeItAgain() {
        String poolId = createPool();
        createUser(poolId, "bob");
        setPassword(poolId, "bob", STRONG_PASSWORD, true);

        setPassword(poolId, "bob", "An0ther!Passw0rd", false);

        assertThat(status(poolId, "bob")).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
    }

    @Test
    void aWeakPasswordIsRejectedAndTheUserIsLeftAsItWas() {
        String poolId = createPool();
        createUser(poolId, "carol");
        setPassword(poolId, "carol", STRONG_PASSWORD, true);
        AdminGetUserResponse before = user(poolId, "carol");

        InvalidPasswordException error =
                cognitoError(InvalidPasswordException.class, () -> setPassword(poolId, "carol", "weakpassword", false));

        assertThat(error.awsErrorDetails().errorMessage()).startsWith("Password does not conform to policy: ");
        AdminGetUserResponse after = user(poolId, "carol");
        assertThat(after.userStatus()).isEqualTo(UserStatusType.CONFIRMED);
        assertThat(after.userLastModifiedDate()).isEqualTo(before.userLastModifiedDate());
        assertThat(after.userAttributes()).isEqualTo(before.userAttributes());
    }

    @Test
    void eachMissingCharacterClassIsNamed() {
        String poolId = createPool();
        createUser(poolId, "dave");

        assertThat(policyViolation(poolId, "dave", "Sh0rt!"))
                .isEqualTo("Password does not conform to policy: Password not long enough");
        assertThat(policyViolation(poolId, "dave", "NOLOWER1!"))
                .isEqualTo("Password does not conform to policy: Password must have lowercase characters");
        assertThat(policyViolation(poolId, "dave", "noupper1!"))
                .isEqualTo("Password does not conform to policy: Password must have uppercase characters");
        assertThat(policyViolation(poolId, "dave", "NoNumbers!"))
                .isEqualTo("Password does not conform to policy: Password must have numeric characters");
        assertThat(policyViolation(poolId, "dave", "NoSymbols1"))
                .isEqualTo("Password does not conform to policy: Password must have symbol characters");
        assertThat(status(poolId, "dave")).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
    }

    @Test
    void thePoolsOwnPolicyDecides() {
        String poolId = createPool((request) ->
                        request.policies((policies) -> policies.passwordPolicy((policy) -> policy.minimumLength(6)
                                .requireLowercase(true)
                                .requireUppercase(false)
                                .requireNumbers(false)
                                .requireSymbols(false))))
                .id();
        createUser(poolId, "erin");

        setPassword(poolId, "erin", "simple", true);

        assertThat(status(poolId, "erin")).isEqualTo(UserStatusType.CONFIRMED);
    }

    @Test
    void anUnknownUserCannotGetAPassword() {
        String poolId = createPool();

        UserNotFoundException error =
                cognitoError(UserNotFoundException.class, () -> setPassword(poolId, "nobody", STRONG_PASSWORD, true));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("User does not exist.");
    }

    @Test
    void aPasswordIsRequired() {
        String poolId = createPool();
        createUser(poolId, "frank");

        InvalidParameterException error = cognitoError(
                InvalidParameterException.class,
                () -> cognito()
                        .adminSetUserPassword((request) ->
                                request.userPoolId(poolId).username("frank").permanent(true)));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("1 validation error detected: Value null at 'password' failed to satisfy constraint: "
                        + "Member must not be null");
        assertThat(status(poolId, "frank")).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
    }

    private void setPassword(String poolId, String username, String password, boolean permanent) {
        cognito()
                .adminSetUserPassword((request) -> request.userPoolId(poolId)
                        .username(username)
                        .password(password)
                        .permanent(permanent));
    }

    private String policyViolation(String poolId, String username, String password) {
        return cognitoError(InvalidPasswordException.class, () -> setPassword(poolId, username, password, true))
                .awsErrorDetails()
                .errorMessage();
    }

    private AdminGetUserResponse user(String poolId, String username) {
        return cognito().adminGetUser((request) -> request.userPoolId(poolId).username(username));
    }

    private UserStatusType status(String poolId, String username) {
        return user(poolId, username).userStatus();
    }
}
