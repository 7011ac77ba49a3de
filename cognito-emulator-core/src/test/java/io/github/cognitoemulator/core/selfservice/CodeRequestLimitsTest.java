package io.github.cognitoemulator.core.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How often one user may ask for a code: five times an hour for ResendConfirmationCode and
 * GetUserAttributeVerificationCode (Cognito Developer Guide, "Quotas in Amazon Cognito", per-user quotas) and for
 * ForgotPassword (the strict end of "between 5 and 20" an hour, "Recovering user accounts"; five ForgotPassword
 * requests then LimitExceededException, amazon-archives/amazon-cognito-identity-js#548). A refused request sends
 * nothing, and other users are not affected.
 */
class CodeRequestLimitsTest {

    private static final String LIMIT =
            "400 LimitExceededException: Attempt limit exceeded, please try after some time.";

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool(Map.of("AutoVerifiedAttributes", List.of("email")));

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private Reply asTheClient(String action, String username) {
        return this.fixture.call(action, Map.of("ClientId", this.client.id(), "Username", username));
    }

    private int messagesTo(String username) {
        return this.fixture.emulator().inbox().messages(this.poolId, username).size();
    }

    private void fiveAllowedThenRefused(java.util.function.Supplier<Reply> request, String username) {
        int before = messagesTo(username);
        for (int i = 0; i < 5; i++) {
            assertThat(request.get().status()).as("request %d", i + 1).isEqualTo(200);
        }
        assertThat(request.get().error()).isEqualTo(LIMIT);
        assertThat(messagesTo(username)).isEqualTo(before + 5);
    }

    @Test
    void theSixthForgotPasswordInAnHourIsRefused() {
        this.fixture.createConfirmedUser(
                this.poolId, "alice", SignInFixture.PASSWORD, "email", "alice@example.com", "email_verified", "true");
        this.fixture.createConfirmedUser(
                this.poolId, "bob", SignInFixture.PASSWORD, "email", "bob@example.com", "email_verified", "true");

        fiveAllowedThenRefused(() -> asTheClient("ForgotPassword", "alice"), "alice");

        assertThat(asTheClient("ForgotPassword", "bob").status()).isEqualTo(200);
        this.fixture.clock().advance(Duration.ofHours(1));
        assertThat(asTheClient("ForgotPassword", "alice").status()).isEqualTo(200);
    }

    @Test
    void theSixthResendInAnHourIsRefused() {
        this.fixture
                .call(
                        "SignUp",
                        Map.of(
                                "ClientId",
                                this.client.id(),
                                "Username",
                                "alice",
                                "Password",
                                SignInFixture.PASSWORD,
                                "UserAttributes",
                                List.of(Map.of("Name", "email", "Value", "alice@example.com"))))
                .requireSuccess();

        fiveAllowedThenRefused(() -> asTheClient("ResendConfirmationCode", "alice"), "alice");

        // The last code sent still confirms the user.
        this.fixture
                .call(
                        "ConfirmSignUp",
                        Map.of(
                                "ClientId", this.client.id(),
                                "Username", "alice",
                                "ConfirmationCode", this.fixture.latestCode(this.poolId, "alice")))
                .requireSuccess();
    }

    @Test
    void theSixthAttributeVerificationCodeInAnHourIsRefused() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD, "email", "alice@example.com");
        String accessToken = SignInFixture.tokens(
                        this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD))
                .accessToken();

        fiveAllowedThenRefused(
                () -> this.fixture.call(
                        "GetUserAttributeVerificationCode",
                        Map.of("AccessToken", accessToken, "AttributeName", "email")),
                "alice");
    }
}
