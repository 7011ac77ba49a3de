package io.github.cognitoemulator.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomMessageTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:";

    private final List<TriggerEvent<CustomMessageTrigger.Request>> events = new ArrayList<>();

    private CustomMessageTrigger.Response response =
            new CustomMessageTrigger.Response("Code {####}", "Welcome! Your code is {####}.", "Welcome");

    private final SignInFixture fixture =
            SignInFixture.create((builder) -> builder.lambdaFunction("messages", (CustomMessageTrigger) (event) -> {
                this.events.add(event);
                if (event.request().clientMetadata().containsKey("fail")) {
                    throw new IllegalStateException("No template");
                }
                return this.response;
            }));

    private final String poolId = this.fixture.createPool(Map.of(
            "AutoVerifiedAttributes", List.of("email"), "LambdaConfig", Map.of("CustomMessage", ARN + "messages")));

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private Message latest(String username) {
        return this.fixture.emulator().inbox().latest(this.poolId, username);
    }

    private void signUp(String username, Map<String, String> clientMetadata, String... attributes) {
        this.fixture
                .call(
                        "SignUp",
                        Map.of(
                                "ClientId",
                                this.client.id(),
                                "Username",
                                username,
                                "Password",
                                SignInFixture.PASSWORD,
                                "UserAttributes",
                                EmulatorFixture.attributes(attributes),
                                "ClientMetadata",
                                clientMetadata))
                .requireSuccess();
    }

    @Test
    void theSignUpCodeGoesOutInTheTriggersWords() {
        signUp("alice", Map.of("lang", "en"), "email", "alice@example.com");

        Message message = latest("alice");
        assertThat(message.subject()).isEqualTo("Welcome");
        assertThat(message.body()).isEqualTo("Welcome! Your code is " + message.code() + ".");
        TriggerEvent<CustomMessageTrigger.Request> event = this.events.get(0);
        assertThat(event.triggerSource()).isEqualTo("CustomMessage_SignUp");
        assertThat(event.userName()).isEqualTo("alice");
        assertThat(event.callerContext().clientId()).isEqualTo(this.client.id());
        assertThat(event.request().codeParameter()).isEqualTo("{####}");
        assertThat(event.request().usernameParameter()).isNull();
        assertThat(event.request().clientMetadata()).isEqualTo(Map.of("lang", "en"));
        assertThat(event.request().userAttributes()).containsEntry("email", "alice@example.com");
    }

    @Test
    void resendAndForgotPasswordHaveTheirOwnSources() {
        signUp("alice", Map.of(), "email", "alice@example.com");
        this.fixture
                .call(
                        "ResendConfirmationCode",
                        Map.of("ClientId", this.client.id(), "Username", "alice", "ClientMetadata", Map.of("n", "2")))
                .requireSuccess();
        this.fixture.createConfirmedUser(
                this.poolId, "bob", SignInFixture.PASSWORD, "email", "bob@example.com", "email_verified", "true");
        this.fixture
                .call("ForgotPassword", Map.of("ClientId", this.client.id(), "Username", "bob"))
                .requireSuccess();

        assertThat(this.events)
                .extracting(TriggerEvent::triggerSource)
                .containsExactly("CustomMessage_SignUp", "CustomMessage_ResendCode", "CustomMessage_ForgotPassword");
        assertThat(this.events.get(1).request().clientMetadata()).isEqualTo(Map.of("n", "2"));
        assertThat(latest("bob").body())
                .isEqualTo("Welcome! Your code is " + latest("bob").code() + ".");
    }

    @Test
    void theInvitationShowsTheUsernameAndTemporaryPassword() {
        this.response = new CustomMessageTrigger.Response(null, "Hi {username}, use {####}", null);

        this.fixture
                .call(
                        "AdminCreateUser",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "Username",
                                "carol",
                                "TemporaryPassword",
                                SignInFixture.TEMPORARY_PASSWORD,
                                "DesiredDeliveryMediums",
                                List.of("EMAIL"),
                                "UserAttributes",
                                EmulatorFixture.attributes("email", "carol@example.com"),
                                "ClientMetadata",
                                Map.of("invite", "yes")))
                .requireSuccess();

        Message message = latest("carol");
        assertThat(message.body()).isEqualTo("Hi carol, use " + SignInFixture.TEMPORARY_PASSWORD);
        assertThat(message.subject()).isEqualTo("Your temporary password");
        TriggerEvent<CustomMessageTrigger.Request> event = this.events.get(0);
        assertThat(event.triggerSource()).isEqualTo("CustomMessage_AdminCreateUser");
        assertThat(event.callerContext().clientId()).isEqualTo("CLIENT_ID_NOT_APPLICABLE");
        assertThat(event.request().usernameParameter()).isEqualTo("{username}");
        assertThat(event.request().clientMetadata()).isEqualTo(Map.of("invite", "yes"));
    }

    @Test
    void anSmsUsesTheSmsMessageAndNoSubject() {
        String pool = this.fixture.createPool(Map.of(
                "AutoVerifiedAttributes",
                List.of("phone_number"),
                "LambdaConfig",
                Map.of("CustomMessage", ARN + "messages")));
        AppClient other = this.fixture.createPasswordClient(pool);

        this.fixture
                .call(
                        "SignUp",
                        Map.of(
                                "ClientId",
                                other.id(),
                                "Username",
                                "dave",
                                "Password",
                                SignInFixture.PASSWORD,
                                "UserAttributes",
                                EmulatorFixture.attributes("phone_number", "+15555550100")))
                .requireSuccess();

        Message message = this.fixture.emulator().inbox().latest(pool, "dave");
        assertThat(message.body()).isEqualTo("Code " + message.code());
        assertThat(message.subject()).isNull();
    }

    @Test
    void noMessageFromTheTriggerKeepsThePoolsOwn() {
        this.response = new CustomMessageTrigger.Response("sms only", null, "ignored");

        signUp("alice", Map.of(), "email", "alice@example.com");

        Message message = latest("alice");
        assertThat(message.body()).isEqualTo("Your verification code is " + message.code() + ". ");
        assertThat(message.subject()).isEqualTo("Your verification code");
    }

    @Test
    void aThrowingTriggerFailsTheRequest() {
        var reply = this.fixture.call(
                "SignUp",
                Map.of(
                        "ClientId",
                        this.client.id(),
                        "Username",
                        "erin",
                        "Password",
                        SignInFixture.PASSWORD,
                        "UserAttributes",
                        EmulatorFixture.attributes("email", "erin@example.com"),
                        "ClientMetadata",
                        Map.of("fail", "yes")));

        assertThat(reply.error())
                .isEqualTo("400 UserLambdaValidationException: CustomMessage failed with error No template.");
    }
}
