package io.github.cognitoemulator.core.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.message.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForgotPasswordTest {

    private static final String NEW_PASSWORD = "N3w!Passw0rd";

    private static final String INCORRECT = "400 NotAuthorizedException: Incorrect username or password.";

    private static final String EXPIRED =
            "400 ExpiredCodeException: Invalid code provided, please request a code again.";

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool(Map.of("AutoVerifiedAttributes", List.of("email")));

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private void alice(String... attributeNamesAndValues) {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD, attributeNamesAndValues);
    }

    private void aliceWithVerifiedEmail() {
        alice("email", "alice@example.com", "email_verified", "true");
    }

    private Reply forgotPassword(String username) {
        return this.fixture.call("ForgotPassword", Map.of("ClientId", this.client.id(), "Username", username));
    }

    private Reply confirm(String code, String password) {
        return this.fixture.call(
                "ConfirmForgotPassword",
                Map.of(
                        "ClientId",
                        this.client.id(),
                        "Username",
                        "alice",
                        "ConfirmationCode",
                        code,
                        "Password",
                        password));
    }

    private String code() {
        return this.fixture.latestCode(this.poolId, "alice");
    }

    @Test
    void codeGoesToTheVerifiedEmail() {
        aliceWithVerifiedEmail();

        Reply reply = forgotPassword("alice");

        assertThat(reply.json()).containsOnlyKeys("CodeDeliveryDetails");
        assertThat(reply.map("CodeDeliveryDetails"))
                .isEqualTo(Map.of("AttributeName", "email", "DeliveryMedium", "EMAIL", "Destination", "a***@e***"));
        Message message = this.fixture.emulator().inbox().latest(this.poolId, "alice");
        assertThat(message.type()).isEqualTo("ForgotPassword");
        assertThat(message.destination()).isEqualTo("alice@example.com");
        assertThat(message.code()).matches("[0-9]{6}");
    }

    @Test
    void verifiedPhoneNumberComesBeforeTheEmailWithoutARecoverySetting() {
        alice(
                "email",
                "alice@example.com",
                "email_verified",
                "true",
                "phone_number",
                "+15555550100",
                "phone_number_verified",
                "true");

        assertThat(forgotPassword("alice").map("CodeDeliveryDetails"))
                .isEqualTo(Map.of(
                        "AttributeName", "phone_number", "DeliveryMedium", "SMS", "Destination", "+*******0100"));
    }

    @Test
    void codeSetsTheNewPassword() {
        aliceWithVerifiedEmail();
        forgotPassword("alice").requireSuccess();

        assertThat(confirm(code(), NEW_PASSWORD).body()).isEqualTo("{}");

        assertThat(this.fixture.signIn(this.client.id(), "alice", NEW_PASSWORD).status())
                .isEqualTo(200);
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.PASSWORD)
                        .error())
                .isEqualTo(INCORRECT);
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("CONFIRMED");
    }

    @Test
    void codeWorksOnce() {
        aliceWithVerifiedEmail();
        forgotPassword("alice").requireSuccess();
        String code = code();
        confirm(code, NEW_PASSWORD).requireSuccess();

        assertThat(confirm(code, "An0ther!Passw0rd").error()).isEqualTo(EXPIRED);
        assertThat(this.fixture.signIn(this.client.id(), "alice", NEW_PASSWORD).status())
                .isEqualTo(200);
    }

    @Test
    void codeExpiresAfterOneHour() {
        aliceWithVerifiedEmail();
        forgotPassword("alice").requireSuccess();
        String code = code();

        this.fixture.clock().advance(Duration.ofHours(1));

        assertThat(confirm(code, NEW_PASSWORD).error()).isEqualTo(EXPIRED);
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void codeStillWorksJustBeforeOneHour() {
        aliceWithVerifiedEmail();
        forgotPassword("alice").requireSuccess();

        this.fixture.clock().advance(Duration.ofHours(1).minusSeconds(1));

        assertThat(confirm(code(), NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void weakPasswordIsRefusedAndLeavesTheCodeUsable() {
        aliceWithVerifiedEmail();
        forgotPassword("alice").requireSuccess();
        String code = code();

        assertThat(confirm(code, "short").error())
                .isEqualTo("400 InvalidPasswordException: Password does not conform to policy: Password not long"
                        + " enough");

        assertThat(confirm(code, NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(this.fixture.signIn(this.client.id(), "alice", NEW_PASSWORD).status())
                .isEqualTo(200);
    }

    @Test
    void wrongCodeIsAMismatchAndChangesNothing() {
        aliceWithVerifiedEmail();
        forgotPassword("alice").requireSuccess();
        String code = code();
        String wrong = (code.charAt(0) == '9' ? "0" : String.valueOf((char) (code.charAt(0) + 1))) + code.substring(1);

        assertThat(confirm(wrong, NEW_PASSWORD).error())
                .isEqualTo("400 CodeMismatchException: Invalid verification code provided, please try again.");
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void userWithoutAVerifiedContactCannotResetItsPassword() {
        alice("email", "alice@example.com");

        assertThat(forgotPassword("alice").error())
                .isEqualTo("400 InvalidParameterException: Cannot reset password for the user as there is no"
                        + " registered/verified email or phone_number");
        assertThat(this.fixture.emulator().inbox().messages(this.poolId, "alice"))
                .isEmpty();
    }

    @Test
    void userWhoMustChangeItsTemporaryPasswordCannotResetIt() {
        this.fixture.createUser(this.poolId, "alice", "email", "alice@example.com", "email_verified", "true");

        assertThat(forgotPassword("alice").error())
                .isEqualTo("400 NotAuthorizedException: User password cannot be reset in the current state.");
    }

    @Test
    void disabledUserCannotResetItsPassword() {
        aliceWithVerifiedEmail();
        this.fixture
                .call("AdminDisableUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(forgotPassword("alice").error()).isEqualTo("400 NotAuthorizedException: User is disabled.");
    }

    @Test
    void unknownUserIsNotFound() {
        assertThat(forgotPassword("nobody").error())
                .isEqualTo("400 UserNotFoundException: Username/client id combination not found.");
    }

    @Test
    void unknownUserSeemsToGetACodeWhenTheClientHidesUsers() {
        AppClient hiding =
                this.fixture.createPasswordClient(this.poolId, Map.of("PreventUserExistenceErrors", "ENABLED"));

        Reply reply = this.fixture.call("ForgotPassword", Map.of("ClientId", hiding.id(), "Username", "nobody"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.map("CodeDeliveryDetails")).containsKeys("AttributeName", "DeliveryMedium", "Destination");
        assertThat(this.fixture.emulator().inbox().messages(this.poolId, null)).isEmpty();
    }
}
