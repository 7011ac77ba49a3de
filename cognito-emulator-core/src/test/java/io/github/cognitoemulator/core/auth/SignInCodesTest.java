package io.github.cognitoemulator.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.message.Message;
import io.github.cognitoemulator.core.message.MessageInbox;
import io.github.cognitoemulator.core.message.MessageSender;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SignInCodesTest {

    private final InMemoryStore store = new InMemoryStore();

    private final SignInFixture fixture = SignInFixture.create(this.store);

    private final String poolId = this.fixture.createPool(Map.of(
            "SmsAuthenticationMessage",
            "Code: {####}",
            "SmsConfiguration",
            Map.of("SnsCallerArn", "arn:aws:iam::123456789012:role/sms")));

    private final UserPoolClient client = this.store
            .clients()
            .find(this.fixture.createPasswordClient(this.poolId).id())
            .orElseThrow();

    private final Ids ids = new Ids(new Random(7));

    private final MessageInbox inbox = new MessageInbox(this.store.messages());

    private final AuthSessions sessions = new AuthSessions(this.store.authSessions(), this.fixture.clock(), this.ids);

    private final SignInCodes codes = new SignInCodes(
            this.sessions,
            new MessageSender(this.inbox, this.fixture.clock(), this.ids),
            this.fixture.clock(),
            this.ids);

    private SignIn signIn(String deviceKey) {
        this.fixture.createConfirmedUser(
                this.poolId,
                "alice",
                SignInFixture.PASSWORD,
                "email",
                "alice@example.com",
                "phone_number",
                "+15555550123");
        UserPool pool = this.store.pools().find(this.poolId).orElseThrow();
        User user = new UserDirectory(this.store.users())
                .findByUsername(pool, "alice")
                .orElseThrow();
        return new SignIn(
                pool, this.client, user, new RequestContext("us-east-1", "req", SignInFixture.ISSUER_BASE), deviceKey);
    }

    private String session(Map<String, Object> response) {
        return (String) response.get("Session");
    }

    private Message latest() {
        return this.inbox.latest(this.poolId, "alice");
    }

    @Test
    void emailCodeGoesToTheEmailAddressWithTheDefaultText() {
        SignIn signIn = signIn(null);

        Map<String, Object> response = this.codes.challenge(signIn, ChallengeName.EMAIL_OTP);

        assertThat(response).containsOnlyKeys("ChallengeName", "Session", "ChallengeParameters");
        assertThat(response.get("ChallengeName")).isEqualTo("EMAIL_OTP");
        assertThat(response.get("ChallengeParameters"))
                .isEqualTo(Map.of(
                        "CODE_DELIVERY_DELIVERY_MEDIUM", "EMAIL",
                        "CODE_DELIVERY_DESTINATION", "a***@e***",
                        "USER_ID_FOR_SRP", "alice"));
        Message message = latest();
        assertThat(message.destination()).isEqualTo("alice@example.com");
        assertThat(message.deliveryMedium()).isEqualTo("EMAIL");
        assertThat(message.type()).isEqualTo("Authentication");
        assertThat(message.subject()).isEqualTo("Your authentication code");
        assertThat(message.code()).matches("[0-9]{6}");
        assertThat(message.body()).isEqualTo("Your authentication code is " + message.code() + ". ");
        AuthSession answered =
                this.codes.verify(session(response), this.client, ChallengeName.EMAIL_OTP, message.code());
        assertThat(answered.sub()).isEqualTo(signIn.user().sub());
        assertThat(answered.data()).doesNotContainKey("DEVICE_KEY");
        assertThat(answered.expiresAt()).isEqualTo(SignInFixture.START.plus(Duration.ofMinutes(3)));
    }

    @Test
    void smsCodeGoesToThePhoneNumberWithThePoolsMessageAndKeepsTheDeviceKey() {
        SignIn signIn = signIn("us-east-1_device");

        Map<String, Object> response = this.codes.challenge(signIn, ChallengeName.SMS_MFA);

        assertThat(response.get("ChallengeName")).isEqualTo("SMS_MFA");
        assertThat(response.get("ChallengeParameters"))
                .isEqualTo(Map.of(
                        "CODE_DELIVERY_DELIVERY_MEDIUM", "SMS",
                        "CODE_DELIVERY_DESTINATION", "+*******0123",
                        "USER_ID_FOR_SRP", "alice"));
        Message message = latest();
        assertThat(message.destination()).isEqualTo("+15555550123");
        assertThat(message.subject()).isNull();
        assertThat(message.body()).isEqualTo("Code: " + message.code());
        AuthSession answered = this.codes.verify(session(response), this.client, ChallengeName.SMS_MFA, message.code());
        assertThat(answered.data()).containsEntry("DEVICE_KEY", "us-east-1_device");
    }

    @Test
    void smsOtpAlsoGoesToThePhoneNumber() {
        Map<String, Object> response = this.codes.challenge(signIn(null), ChallengeName.SMS_OTP);

        assertThat(response.get("ChallengeName")).isEqualTo("SMS_OTP");
        assertThat(latest().deliveryMedium()).isEqualTo("SMS");
    }

    @Test
    void aRightCodeWorksOnce() {
        Map<String, Object> response = this.codes.challenge(signIn(null), ChallengeName.EMAIL_OTP);
        String code = latest().code();
        this.codes.verify(session(response), this.client, ChallengeName.EMAIL_OTP, code);

        assertThatThrownBy(() -> this.codes.verify(session(response), this.client, ChallengeName.EMAIL_OTP, code))
                .isInstanceOf(CognitoException.class)
                .hasMessage("Invalid session for the user.");
    }

    @Test
    void wrongCodesAreMismatchesUntilTheThirdClosesTheSession() {
        Map<String, Object> response = this.codes.challenge(signIn(null), ChallengeName.EMAIL_OTP);
        String code = latest().code();
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int attempt = 1; attempt <= SignInCodes.MAX_FAILED_ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> this.codes.verify(session(response), this.client, ChallengeName.EMAIL_OTP, wrong))
                    .isInstanceOfSatisfying(
                            CognitoException.class,
                            (ex) -> assertThat(ex.type().wireName() + ": " + ex.getMessage())
                                    .isEqualTo("CodeMismatchException: Invalid code received for user"));
        }
        assertThatThrownBy(() -> this.codes.verify(session(response), this.client, ChallengeName.EMAIL_OTP, code))
                .hasMessage("Invalid session for the user.");
    }

    @Test
    void aRightCodeAfterTwoWrongOnesStillWorks() {
        Map<String, Object> response = this.codes.challenge(signIn(null), ChallengeName.EMAIL_OTP);
        String code = latest().code();
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int attempt = 1; attempt < SignInCodes.MAX_FAILED_ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> this.codes.verify(session(response), this.client, ChallengeName.EMAIL_OTP, wrong))
                    .hasMessage("Invalid code received for user");
        }

        AuthSession answered = this.codes.verify(session(response), this.client, ChallengeName.EMAIL_OTP, code);

        assertThat(answered.data()).containsEntry("FAILED_ATTEMPTS", "2");
    }

    @Test
    void anExpiredSessionIsRefused() {
        Map<String, Object> response = this.codes.challenge(signIn(null), ChallengeName.EMAIL_OTP);
        String code = latest().code();
        this.fixture.clock().advance(Duration.ofMinutes(3));

        assertThatThrownBy(() -> this.codes.verify(session(response), this.client, ChallengeName.EMAIL_OTP, code))
                .hasMessage("Invalid session for the user, session is expired.");
    }

    @Test
    void aSessionAnswersOnlyItsChallengeAndClient() {
        Map<String, Object> response = this.codes.challenge(signIn(null), ChallengeName.EMAIL_OTP);
        String code = latest().code();
        UserPoolClient other = this.store
                .clients()
                .find(this.fixture.createPasswordClient(this.poolId).id())
                .orElseThrow();

        assertThatThrownBy(() -> this.codes.verify(session(response), this.client, ChallengeName.SMS_MFA, code))
                .hasMessage("Invalid session for the user.");
        assertThatThrownBy(() -> this.codes.verify(session(response), other, ChallengeName.EMAIL_OTP, code))
                .hasMessage("Invalid session for the user.");
        assertThatThrownBy(() -> this.codes.verify("unknown", this.client, ChallengeName.EMAIL_OTP, code))
                .hasMessage("Invalid session for the user.");
        assertThatThrownBy(() -> this.codes.verify(null, this.client, ChallengeName.EMAIL_OTP, code))
                .hasMessage("Missing required parameter Session");
    }

    @Test
    void aUserWithoutTheDestinationGetsNoCode() {
        this.fixture.createConfirmedUser(this.poolId, "bob", SignInFixture.PASSWORD);
        UserPool pool = this.store.pools().find(this.poolId).orElseThrow();
        User user = new UserDirectory(this.store.users())
                .findByUsername(pool, "bob")
                .orElseThrow();
        SignIn signIn = new SignIn(
                pool, this.client, user, new RequestContext("us-east-1", "req", SignInFixture.ISSUER_BASE), null);

        assertThatThrownBy(() -> this.codes.challenge(signIn, ChallengeName.SMS_MFA))
                .hasMessage("User does not have a phone_number to send the code to.");
        assertThat(this.inbox.messages(this.poolId, null)).isEqualTo(List.of());
    }

    @Test
    void onlyCodeChallengesHaveADestination() {
        assertThat(SignInCodes.attributeFor(ChallengeName.EMAIL_OTP)).isEqualTo("email");
        assertThat(SignInCodes.attributeFor(ChallengeName.SMS_MFA)).isEqualTo("phone_number");
        assertThat(SignInCodes.attributeFor(ChallengeName.SMS_OTP)).isEqualTo("phone_number");
        assertThatThrownBy(() -> SignInCodes.attributeFor(ChallengeName.SOFTWARE_TOKEN_MFA))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
