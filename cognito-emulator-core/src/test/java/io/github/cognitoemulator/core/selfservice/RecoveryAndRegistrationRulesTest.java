package io.github.cognitoemulator.core.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.user.AttributeRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where password-reset codes go under an AccountRecoverySetting, what SignUp checks of the username and attributes,
 * and what ResendConfirmationCode tells about unknown users.
 */
class RecoveryAndRegistrationRulesTest {

    private final SignInFixture fixture = SignInFixture.create();

    private String recoveryPool(int emailPriority, int phonePriority) {
        return this.fixture.createPool(Map.of(
                "AccountRecoverySetting",
                Map.of(
                        "RecoveryMechanisms",
                        List.of(
                                Map.of("Name", "verified_email", "Priority", emailPriority),
                                Map.of("Name", "verified_phone_number", "Priority", phonePriority)))));
    }

    private Reply forgotPasswordOfAUserWithBoth(String poolId) {
        AppClient client = this.fixture.createPasswordClient(poolId);
        this.fixture.createConfirmedUser(
                poolId,
                "alice",
                SignInFixture.PASSWORD,
                "email",
                "alice@example.com",
                "email_verified",
                "true",
                "phone_number",
                "+15555550100",
                "phone_number_verified",
                "true");
        return this.fixture.call("ForgotPassword", Map.of("ClientId", client.id(), "Username", "alice"));
    }

    @Test
    void resetCodeGoesToTheMechanismWithTheFirstPriorityWhateverItsPlaceInTheList() {
        assertThat(forgotPasswordOfAUserWithBoth(recoveryPool(2, 1)).map("CodeDeliveryDetails"))
                .containsEntry("AttributeName", "phone_number")
                .containsEntry("DeliveryMedium", "SMS");
    }

    @Test
    void resetCodeGoesToTheEmailWhenTheEmailComesFirst() {
        // Without a setting a verified phone number wins; the pool's setting overrides that.
        assertThat(forgotPasswordOfAUserWithBoth(recoveryPool(1, 2)).map("CodeDeliveryDetails"))
                .containsEntry("AttributeName", "email")
                .containsEntry("DeliveryMedium", "EMAIL");
    }

    @Test
    void resetCodeGoesOnlyWhereTheSettingAllows() {
        String poolId = this.fixture.createPool(Map.of(
                "AccountRecoverySetting",
                Map.of("RecoveryMechanisms", List.of(Map.of("Name", "admin_only", "Priority", 1)))));

        assertThat(forgotPasswordOfAUserWithBoth(poolId).error())
                .isEqualTo("400 InvalidParameterException: Cannot reset password for the user as there is no"
                        + " registered/verified email or phone_number");
    }

    @Test
    void signUpRefusesAnEmailAsUsernameInAnEmailAliasPool() {
        String poolId = this.fixture.createPool(Map.of("AliasAttributes", List.of("email")));
        AppClient client = this.fixture.createPasswordClient(poolId);

        Reply reply = this.fixture.call(
                "SignUp",
                Map.of("ClientId", client.id(), "Username", "alice@example.com", "Password", SignInFixture.PASSWORD));

        assertThat(reply.error())
                .isEqualTo("400 InvalidParameterException: Username cannot be of email format, since user pool is"
                        + " configured for email alias.");
    }

    @Test
    void signUpChecksTheAttributes() {
        String poolId = this.fixture.createPool();
        AppClient client = this.fixture.createPasswordClient(poolId);

        Reply reply = this.fixture.call(
                "SignUp",
                Map.of(
                        "ClientId",
                        client.id(),
                        "Username",
                        "alice",
                        "Password",
                        SignInFixture.PASSWORD,
                        "UserAttributes",
                        List.of(Map.of("Name", "email", "Value", "not-an-email"))));

        assertThat(reply.error()).isEqualTo("400 InvalidParameterException: Invalid email address format.");
        assertThat(this.fixture.adminGetUser(poolId, "alice").string("__type")).isEqualTo("UserNotFoundException");
    }

    @Test
    void resendConfirmationCodeForAnUnknownUserIsSimulatedOnlyWhenTheClientHidesUsers() {
        String poolId = this.fixture.createPool();
        AppClient hiding = this.fixture.createPasswordClient(poolId, Map.of("PreventUserExistenceErrors", "ENABLED"));
        AppClient telling = this.fixture.createPasswordClient(poolId);

        Reply simulated =
                this.fixture.call("ResendConfirmationCode", Map.of("ClientId", hiding.id(), "Username", "nobody"));
        Reply refused =
                this.fixture.call("ResendConfirmationCode", Map.of("ClientId", telling.id(), "Username", "nobody"));

        assertThat(simulated.map("CodeDeliveryDetails"))
                .containsEntry("AttributeName", "email")
                .containsEntry("DeliveryMedium", "EMAIL");
        assertThat(refused.error()).isEqualTo("400 UserNotFoundException: Username/client id combination not found.");
    }

    @Test
    void updateUserAttributesWithoutAttributesIsAValidationError() {
        String poolId = this.fixture.createPool();
        AppClient client = this.fixture.createPasswordClient(poolId);
        this.fixture.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD);
        String accessToken = SignInFixture.tokens(this.fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD))
                .accessToken();

        Reply reply = this.fixture.call("UpdateUserAttributes", Map.of("AccessToken", accessToken));

        assertThat(reply.error())
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value null at"
                        + " 'userAttributes' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void requestDescriptionsShowNamesButNoPasswordCodeTokenOrHash() {
        List<String> descriptions = List.of(
                new UserRegistrationActions.SignUpRequest("client1", "hash-value", "alice", "password-value", List.of())
                        .toString(),
                new UserRegistrationActions.ConfirmSignUpRequest("client1", "hash-value", "alice", "code-value")
                        .toString(),
                new UserRegistrationActions.ClientUserRequest("client1", "hash-value", "alice").toString(),
                new PasswordActions.ConfirmForgotPasswordRequest(
                                "client1", "hash-value", "alice", "code-value", "password-value")
                        .toString(),
                new PasswordActions.ChangePasswordRequest("password-value", "password-value", "token-value").toString(),
                new UserSelfServiceActions.AccessTokenRequest("token-value").toString(),
                new UserSelfServiceActions.UpdateUserAttributesRequest(
                                List.of(new AttributeRules.Attribute("name", "Alice")), "token-value")
                        .toString(),
                new UserSelfServiceActions.AttributeRequest("token-value", "email").toString(),
                new UserSelfServiceActions.VerifyUserAttributeRequest("token-value", "email", "code-value").toString());

        assertThat(descriptions)
                .extracting((description) -> description.substring(0, description.indexOf('[')))
                .containsExactly(
                        "SignUpRequest",
                        "ConfirmSignUpRequest",
                        "ClientUserRequest",
                        "ConfirmForgotPasswordRequest",
                        "ChangePasswordRequest",
                        "AccessTokenRequest",
                        "UpdateUserAttributesRequest",
                        "AttributeRequest",
                        "VerifyUserAttributeRequest");
        assertThat(descriptions)
                .allSatisfy((description) -> assertThat(description)
                        .doesNotContain("hash-value", "password-value", "code-value", "token-value"));
        assertThat(descriptions.get(0)).contains("clientId=client1", "username=alice");
        assertThat(descriptions.get(6)).contains("Alice");
        assertThat(descriptions.get(8)).contains("attributeName=email");
    }
}
