package io.github.cognitoemulator.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Masked destinations, verification templates, the inbox, and descriptions that never show a code. */
class MessagesTest {

    @Test
    void emailIsMaskedToItsFirstLettersAroundTheAt() {
        assertThat(MessageSender.mask("email", "alice@example.com")).isEqualTo("a***@e***");
        assertThat(MessageSender.mask("email", "a@e")).isEqualTo("a***@e***");
        assertThat(MessageSender.mask("email", "@example.com")).isEqualTo("***");
        assertThat(MessageSender.mask("email", "alice@")).isEqualTo("***");
        assertThat(MessageSender.mask("email", "alice")).isEqualTo("***");
    }

    @Test
    void phoneNumberShowsOnlyItsLastFourDigits() {
        assertThat(MessageSender.mask("phone_number", "+15555550100")).isEqualTo("+*******0100");
        assertThat(MessageSender.mask("phone_number", "+123456")).isEqualTo("+**3456");
        assertThat(MessageSender.mask("phone_number", "+12345")).isEqualTo("+*2345");
        assertThat(MessageSender.mask("phone_number", "+1234")).isEqualTo("+1234");
    }

    @Test
    void verificationFollowsThePoolsMessagesThenItsTemplate() {
        SignInFixture fixture = SignInFixture.create();
        String legacy = fixture.createPool(Map.of(
                "AutoVerifiedAttributes",
                List.of("email"),
                "EmailVerificationMessage",
                "Legacy {####}",
                "EmailVerificationSubject",
                "Legacy subject"));
        String templated = fixture.createPool(Map.of(
                "AutoVerifiedAttributes",
                List.of("email"),
                "EmailVerificationMessage",
                "Legacy {####}",
                "VerificationMessageTemplate",
                Map.of("EmailMessage", "Template {####}", "EmailSubject", "Template subject")));

        Message fromLegacy = signUp(fixture, legacy);
        Message fromTemplate = signUp(fixture, templated);

        assertThat(fromLegacy.subject()).isEqualTo("Legacy subject");
        assertThat(fromLegacy.body()).isEqualTo("Legacy " + fromLegacy.code());
        assertThat(fromTemplate.subject()).isEqualTo("Template subject");
        assertThat(fromTemplate.body()).isEqualTo("Template " + fromTemplate.code());
    }

    private static Message signUp(SignInFixture fixture, String poolId) {
        AppClient client = fixture.createPasswordClient(poolId);
        fixture.call(
                        "SignUp",
                        Map.of(
                                "ClientId",
                                client.id(),
                                "Username",
                                "alice",
                                "Password",
                                SignInFixture.PASSWORD,
                                "UserAttributes",
                                EmulatorFixture.attributes("email", "alice@example.com")))
                .requireSuccess();
        return fixture.emulator().inbox().latest(poolId, "alice");
    }

    @Test
    void clearedInboxIsEmpty() {
        EmulatorFixture fixture = EmulatorFixture.create();
        String poolId = fixture.createPool();
        fixture.call(
                        "AdminCreateUser",
                        Map.of(
                                "UserPoolId",
                                poolId,
                                "Username",
                                "alice",
                                "DesiredDeliveryMediums",
                                List.of("EMAIL"),
                                "UserAttributes",
                                EmulatorFixture.attributes("email", "alice@example.com")))
                .requireSuccess();
        assertThat(fixture.emulator().inbox().messages(null, null)).hasSize(1);

        fixture.emulator().inbox().clear();

        assertThat(fixture.emulator().inbox().messages(null, null)).isEmpty();
        assertThat(fixture.emulator().inbox().latest(poolId, "alice")).isNull();
    }

    @Test
    void descriptionsHideTheTextAndCode() {
        Message message = new Message(
                "id-1",
                "us-east-1_abc",
                "alice",
                "SignUp",
                "EMAIL",
                "alice@example.com",
                "Your code",
                "Your code is 123456",
                "123456",
                Instant.parse("2024-03-05T09:07:02Z"));
        MessageTemplates.Text text = new MessageTemplates.Text("Your code", "Your code is 123456");

        assertThat(message.toString())
                .startsWith("Message[id=id-1, userPoolId=us-east-1_abc, username=alice")
                .contains("body=***", "code=***")
                .doesNotContain("123456");
        assertThat(text.toString()).isEqualTo("Text[subject=Your code, body=***]");
    }

    @Test
    void messagesAreWrittenAsJsonWithIsoTimes() {
        Message message = new Message(
                "id-1",
                "us-east-1_abc",
                "alice",
                "SignUp",
                "SMS",
                "+15555550100",
                null,
                "Your code is 123456",
                "123456",
                Instant.parse("2024-03-05T09:07:02Z"));

        String json = MessageJson.write(List.of(message));

        assertThat(json)
                .startsWith("[{")
                .contains("\"destination\":\"+15555550100\"", "\"sentAt\":\"2024-03-05T09:07:02Z\"")
                .doesNotContain("subject");
    }
}
