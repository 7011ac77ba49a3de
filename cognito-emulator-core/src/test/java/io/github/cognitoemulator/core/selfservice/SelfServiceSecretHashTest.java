package io.github.cognitoemulator.core.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * On an app client with a secret, every self-service action that names a user needs the SECRET_HASH of that name:
 * without it nobody who only knows the client id can reset a password, confirm a sign-up or trigger messages.
 */
class SelfServiceSecretHashTest {

    private static final String NEW_PASSWORD = "N3w!Passw0rd";

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool(Map.of("AutoVerifiedAttributes", List.of("email")));

    private final AppClient client = this.fixture.createPasswordClient(this.poolId, Map.of("GenerateSecret", true));

    private final String missing = "400 NotAuthorizedException: Client " + this.client.id()
            + " is configured with secret but SECRET_HASH was not received";

    private final String wrong =
            "400 NotAuthorizedException: Unable to verify secret hash for client " + this.client.id();

    private String hash(String username) {
        return SignInFixture.secretHash(this.client.secret(), username, this.client.id());
    }

    private Reply call(String action, @Nullable String secretHash, String... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ClientId", this.client.id());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        if (secretHash != null) {
            body.put("SecretHash", secretHash);
        }
        return this.fixture.call(action, body);
    }

    private void signUpCarol() {
        this.fixture
                .call(
                        "SignUp",
                        Map.of(
                                "ClientId",
                                this.client.id(),
                                "SecretHash",
                                hash("carol"),
                                "Username",
                                "carol",
                                "Password",
                                SignInFixture.PASSWORD,
                                "UserAttributes",
                                List.of(Map.of("Name", "email", "Value", "carol@example.com"))))
                .requireSuccess();
    }

    @Test
    void forgotPasswordNeedsTheSecretHash() {
        this.fixture.createConfirmedUser(
                this.poolId, "alice", SignInFixture.PASSWORD, "email", "alice@example.com", "email_verified", "true");

        assertThat(call("ForgotPassword", null, "Username", "alice").error()).isEqualTo(this.missing);
        assertThat(call("ForgotPassword", hash("bob"), "Username", "alice").error())
                .isEqualTo(this.wrong);
        assertThat(this.fixture.emulator().inbox().latest(this.poolId, "alice")).isNull();

        assertThat(call("ForgotPassword", hash("alice"), "Username", "alice").map("CodeDeliveryDetails"))
                .containsEntry("AttributeName", "email");
    }

    @Test
    void forgotPasswordChecksTheSecretHashBeforeSayingWhetherTheUserExists() {
        assertThat(call("ForgotPassword", hash("alice"), "Username", "nobody").error())
                .isEqualTo(this.wrong);
        assertThat(call("ForgotPassword", hash("nobody"), "Username", "nobody").error())
                .isEqualTo("400 UserNotFoundException: Username/client id combination not found.");
    }

    @Test
    void confirmForgotPasswordNeedsTheSecretHashAndARefusalLeavesTheCodeUsable() {
        this.fixture.createConfirmedUser(
                this.poolId, "alice", SignInFixture.PASSWORD, "email", "alice@example.com", "email_verified", "true");
        call("ForgotPassword", hash("alice"), "Username", "alice").requireSuccess();
        String code = this.fixture.latestCode(this.poolId, "alice");
        String[] confirm = {"Username", "alice", "ConfirmationCode", code, "Password", NEW_PASSWORD};

        assertThat(call("ConfirmForgotPassword", null, confirm).error()).isEqualTo(this.missing);
        assertThat(call("ConfirmForgotPassword", hash("mallory"), confirm).error())
                .isEqualTo(this.wrong);

        call("ConfirmForgotPassword", hash("alice"), confirm).requireSuccess();
        assertThat(this.fixture
                        .call(
                                "InitiateAuth",
                                Map.of(
                                        "AuthFlow",
                                        "USER_PASSWORD_AUTH",
                                        "ClientId",
                                        this.client.id(),
                                        "AuthParameters",
                                        Map.of(
                                                "USERNAME",
                                                "alice",
                                                "PASSWORD",
                                                NEW_PASSWORD,
                                                "SECRET_HASH",
                                                hash("alice"))))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void confirmSignUpNeedsTheSecretHash() {
        signUpCarol();
        String code = this.fixture.latestCode(this.poolId, "carol");

        assertThat(call("ConfirmSignUp", null, "Username", "carol", "ConfirmationCode", code)
                        .error())
                .isEqualTo(this.missing);
        assertThat(call("ConfirmSignUp", hash("dave"), "Username", "carol", "ConfirmationCode", code)
                        .error())
                .isEqualTo(this.wrong);
        assertThat(this.fixture.statusOf(this.poolId, "carol")).isEqualTo("UNCONFIRMED");

        call("ConfirmSignUp", hash("carol"), "Username", "carol", "ConfirmationCode", code)
                .requireSuccess();
        assertThat(this.fixture.statusOf(this.poolId, "carol")).isEqualTo("CONFIRMED");
    }

    @Test
    void resendConfirmationCodeNeedsTheSecretHash() {
        signUpCarol();
        String first = this.fixture.latestCode(this.poolId, "carol");

        assertThat(call("ResendConfirmationCode", null, "Username", "carol").error())
                .isEqualTo(this.missing);
        assertThat(call("ResendConfirmationCode", hash("dave"), "Username", "carol")
                        .error())
                .isEqualTo(this.wrong);
        // Nothing was sent: the first code still confirms the user.
        assertThat(this.fixture.latestCode(this.poolId, "carol")).isEqualTo(first);

        assertThat(call("ResendConfirmationCode", hash("carol"), "Username", "carol")
                        .map("CodeDeliveryDetails"))
                .containsEntry("DeliveryMedium", "EMAIL");
    }

    @Test
    void inAnEmailUsernamePoolTheHashOfTheInternalUsernameWorksToo() {
        String emailPool = this.fixture.createPool(
                Map.of("UsernameAttributes", List.of("email"), "AutoVerifiedAttributes", List.of("email")));
        AppClient emailClient = this.fixture.createPasswordClient(emailPool, Map.of("GenerateSecret", true));
        Reply signUp = this.fixture.call(
                "SignUp",
                Map.of(
                        "ClientId",
                        emailClient.id(),
                        "SecretHash",
                        SignInFixture.secretHash(emailClient.secret(), "erin@example.com", emailClient.id()),
                        "Username",
                        "erin@example.com",
                        "Password",
                        SignInFixture.PASSWORD));
        String sub = signUp.requireSuccess().string("UserSub");

        Reply resend = this.fixture.call(
                "ResendConfirmationCode",
                Map.of(
                        "ClientId",
                        emailClient.id(),
                        "SecretHash",
                        SignInFixture.secretHash(emailClient.secret(), sub, emailClient.id()),
                        "Username",
                        "erin@example.com"));

        assertThat(resend.status()).isEqualTo(200);
    }
}
