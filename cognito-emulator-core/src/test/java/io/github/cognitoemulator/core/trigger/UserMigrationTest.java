package io.github.cognitoemulator.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserMigrationTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:";

    private final List<TriggerEvent<UserMigrationTrigger.Request>> events = new ArrayList<>();

    private UserMigrationTrigger.Response response = found("CONFIRMED");

    private final SignInFixture fixture =
            SignInFixture.create((builder) -> builder.lambdaFunction("migrate", (UserMigrationTrigger) (event) -> {
                this.events.add(event);
                if ("Bad!Passw0rd".equals(event.request().password())) {
                    throw new IllegalArgumentException("Bad password");
                }
                return this.response;
            }));

    private final String poolId =
            this.fixture.createPool(Map.of("LambdaConfig", Map.of("UserMigration", ARN + "migrate")));

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private static UserMigrationTrigger.Response found(String finalUserStatus) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("email", "legacy@example.com");
        attributes.put("email_verified", "true");
        attributes.put("username", "legacy");
        return new UserMigrationTrigger.Response(attributes, finalUserStatus, "SUPPRESS", null, false, false);
    }

    private Reply signIn(String password) {
        return this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow",
                        "USER_PASSWORD_AUTH",
                        "ClientId",
                        this.client.id(),
                        "AuthParameters",
                        Map.of("USERNAME", "legacy", "PASSWORD", password),
                        "ClientMetadata",
                        Map.of("from", "old-system")));
    }

    @Test
    void anUnknownUserSigningInIsMigratedWithThePassword() {
        SignInFixture.Tokens tokens = SignInFixture.tokens(signIn(SignInFixture.PASSWORD));

        assertThat(SignInFixture.payload(tokens.idToken()))
                .containsEntry("cognito:username", "legacy")
                .containsEntry("email", "legacy@example.com");
        TriggerEvent<UserMigrationTrigger.Request> event = this.events.get(0);
        assertThat(event.triggerSource()).isEqualTo("UserMigration_Authentication");
        assertThat(event.userName()).isEqualTo("legacy");
        assertThat(event.callerContext().clientId()).isEqualTo(this.client.id());
        assertThat(event.request().password()).isEqualTo(SignInFixture.PASSWORD);
        assertThat(event.request().clientMetadata()).isEqualTo(Map.of("from", "old-system"));
        assertThat(this.fixture.statusOf(this.poolId, "legacy")).isEqualTo("CONFIRMED");
        assertThat(this.fixture.attributesOf(this.poolId, "legacy"))
                .containsEntry("email_verified", "true")
                .doesNotContainKey("username");

        SignInFixture.tokens(this.fixture.signIn(this.client.id(), "legacy", SignInFixture.PASSWORD));
        assertThat(this.events).hasSize(1);
    }

    @Test
    void aMigratedUserWithoutFinalStatusMustResetThePassword() {
        this.response = found(null);

        assertThat(signIn(SignInFixture.PASSWORD).error())
                .isEqualTo("400 PasswordResetRequiredException: Password reset required for the user");
        assertThat(this.fixture.statusOf(this.poolId, "legacy")).isEqualTo("RESET_REQUIRED");
    }

    @Test
    void aThrowingTriggerRejectsTheUser() {
        assertThat(signIn("Bad!Passw0rd").error())
                .isEqualTo("400 UserLambdaValidationException: UserMigration failed with error Bad password.");
        assertThat(this.fixture.adminGetUser(this.poolId, "legacy").error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void aResponseWithoutAttributesIsUnrecognizable() {
        this.response = new UserMigrationTrigger.Response(null, "CONFIRMED", null, null, false, false);

        assertThat(signIn(SignInFixture.PASSWORD).error())
                .isEqualTo("400 InvalidLambdaResponseException: Unrecognizable lambda output");
        this.response = null;
        assertThat(signIn(SignInFixture.PASSWORD).error())
                .isEqualTo("400 InvalidLambdaResponseException: Unrecognizable lambda output");
    }

    @Test
    void attributesOutsideTheSchemaAreRefused() {
        this.response =
                new UserMigrationTrigger.Response(Map.of("shoe_size", "9"), "CONFIRMED", null, null, false, false);

        assertThat(signIn(SignInFixture.PASSWORD).error())
                .isEqualTo("400 InvalidParameterException: Attributes did not conform to the schema: shoe_size:"
                        + " Attribute does not exist in the schema.");
    }

    @Test
    void aPoolWithoutTheTriggerMigratesNobody() {
        String pool = this.fixture.createPool();
        AppClient other = this.fixture.createPasswordClient(pool);

        assertThat(this.fixture
                        .signIn(other.id(), "legacy", SignInFixture.PASSWORD)
                        .error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
        assertThat(this.events).isEmpty();
    }

    @Test
    void forgotPasswordMigratesAnUnknownUserWithoutPasswordAndSendsTheCode() {
        this.response = found(null);

        Reply reply = this.fixture
                .call(
                        "ForgotPassword",
                        Map.of(
                                "ClientId",
                                this.client.id(),
                                "Username",
                                "legacy",
                                "ClientMetadata",
                                Map.of("from", "reset")))
                .requireSuccess();

        assertThat(reply.map("CodeDeliveryDetails")).containsEntry("AttributeName", "email");
        TriggerEvent<UserMigrationTrigger.Request> event = this.events.get(0);
        assertThat(event.triggerSource()).isEqualTo("UserMigration_ForgotPassword");
        assertThat(event.request().password()).isNull();
        assertThat(event.request().clientMetadata()).isEqualTo(Map.of("from", "reset"));
        this.fixture
                .call(
                        "ConfirmForgotPassword",
                        Map.of(
                                "ClientId",
                                this.client.id(),
                                "Username",
                                "legacy",
                                "ConfirmationCode",
                                this.fixture.latestCode(this.poolId, "legacy"),
                                "Password",
                                SignInFixture.OTHER_PASSWORD))
                .requireSuccess();
        assertThat(SignInFixture.tokens(this.fixture.signIn(this.client.id(), "legacy", SignInFixture.OTHER_PASSWORD)))
                .isNotNull();
    }
}
