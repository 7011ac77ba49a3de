package io.github.cognitoemulator.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignUpTriggersTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:";

    private final List<TriggerEvent<PreSignUpTrigger.Request>> preSignUps = new ArrayList<>();

    private final List<TriggerEvent<PostConfirmationTrigger.Request>> confirmations = new ArrayList<>();

    private PreSignUpTrigger.Response decision = PreSignUpTrigger.Response.proceed();

    private final SignInFixture fixture =
            SignInFixture.create((builder) -> builder.lambdaFunction("pre-sign-up", (PreSignUpTrigger) (event) -> {
                        this.preSignUps.add(event);
                        if (event.request().userAttributes().containsKey("custom:reject")) {
                            throw new IllegalArgumentException("Invalid email domain");
                        }
                        return this.decision;
                    })
                    .lambdaFunction("post-confirmation", (PostConfirmationTrigger) this.confirmations::add)
                    .lambdaFunction("silent", (PreSignUpTrigger) (event) -> null));

    private final String poolId = this.fixture.createPool(Map.of(
            "AutoVerifiedAttributes",
            List.of("email"),
            "Schema",
            List.of(Map.of("Name", "reject", "AttributeDataType", "String")),
            "LambdaConfig",
            Map.of("PreSignUp", ARN + "pre-sign-up", "PostConfirmation", ARN + "post-confirmation")));

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private Reply signUp(String username, String... attributes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ClientId", this.client.id());
        body.put("Username", username);
        body.put("Password", SignInFixture.PASSWORD);
        body.put("UserAttributes", EmulatorFixture.attributes(attributes));
        body.put("ValidationData", EmulatorFixture.attributes("captcha", "ok"));
        body.put("ClientMetadata", Map.of("source", "test"));
        return this.fixture.call("SignUp", body);
    }

    @Test
    void signUpSendsTheNewUserToThePreSignUpTrigger() {
        Reply reply = signUp("alice", "email", "alice@example.com").requireSuccess();

        assertThat(this.preSignUps).hasSize(1);
        TriggerEvent<PreSignUpTrigger.Request> event = this.preSignUps.get(0);
        assertThat(event.version()).isEqualTo("1");
        assertThat(event.triggerSource()).isEqualTo("PreSignUp_SignUp");
        assertThat(event.region()).isEqualTo("us-east-1");
        assertThat(event.userPoolId()).isEqualTo(this.poolId);
        assertThat(event.userName()).isEqualTo("alice");
        assertThat(event.callerContext()).isEqualTo(new CallerContext("aws-sdk-unknown-unknown", this.client.id()));
        assertThat(event.request().userAttributes())
                .containsEntry("email", "alice@example.com")
                .containsEntry("sub", reply.string("UserSub"));
        assertThat(event.request().validationData()).isEqualTo(Map.of("captcha", "ok"));
        assertThat(event.request().clientMetadata()).isEqualTo(Map.of("source", "test"));
        assertThat(reply.at("UserConfirmed")).isEqualTo(false);
        assertThat(reply.map("CodeDeliveryDetails")).containsEntry("AttributeName", "email");
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("UNCONFIRMED");
    }

    @Test
    void autoConfirmUserConfirmsWithoutACode() {
        this.decision = new PreSignUpTrigger.Response(true, false, false);

        Reply reply = signUp("alice", "email", "alice@example.com").requireSuccess();

        assertThat(reply.at("UserConfirmed")).isEqualTo(true);
        assertThat(reply.json()).doesNotContainKey("CodeDeliveryDetails");
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("CONFIRMED");
        assertThat(this.fixture.attributesOf(this.poolId, "alice")).doesNotContainKey("email_verified");
        assertThat(this.fixture.emulator().inbox().latest(this.poolId, "alice")).isNull();
        assertThat(this.confirmations).hasSize(1);
        assertThat(this.confirmations.get(0).triggerSource()).isEqualTo("PostConfirmation_ConfirmSignUp");
        assertThat(this.confirmations.get(0).request().userAttributes())
                .containsEntry("cognito:user_status", "CONFIRMED");
        assertThat(this.confirmations.get(0).request().clientMetadata()).isEqualTo(Map.of("source", "test"));
        assertThat(SignInFixture.tokens(this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD)))
                .isNotNull();
    }

    @Test
    void autoVerifyMarksTheEmailAndPhoneVerified() {
        this.decision = new PreSignUpTrigger.Response(true, true, true);

        signUp("alice", "email", "alice@example.com", "phone_number", "+15555550100")
                .requireSuccess();

        assertThat(this.fixture.attributesOf(this.poolId, "alice"))
                .containsEntry("email_verified", "true")
                .containsEntry("phone_number_verified", "true");
    }

    @Test
    void autoVerifyMarksOnlyWhatTheUserHas() {
        this.decision = new PreSignUpTrigger.Response(false, true, true);

        signUp("alice").requireSuccess();

        assertThat(this.fixture.attributesOf(this.poolId, "alice"))
                .doesNotContainKeys("email_verified", "phone_number_verified");
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("UNCONFIRMED");
    }

    @Test
    void aThrowingPreSignUpRejectsTheSignUp() {
        Reply reply = signUp("alice", "email", "alice@example.com", "custom:reject", "yes");

        assertThat(reply.error())
                .isEqualTo("400 UserLambdaValidationException: PreSignUp failed with error Invalid email domain.");
        assertThat(this.fixture.adminGetUser(this.poolId, "alice").error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void aPreSignUpWithoutResponseIsUnrecognizable() {
        String pool = this.fixture.createPool(Map.of("LambdaConfig", Map.of("PreSignUp", ARN + "silent")));
        AppClient other = this.fixture.createPasswordClient(pool);

        Reply reply = this.fixture.call(
                "SignUp", Map.of("ClientId", other.id(), "Username", "bob", "Password", SignInFixture.PASSWORD));

        assertThat(reply.error()).isEqualTo("400 InvalidLambdaResponseException: Unrecognizable lambda output");
    }

    @Test
    void aFunctionWithoutHandlerCannotBeReached() {
        String pool = this.fixture.createPool(Map.of("LambdaConfig", Map.of("PreSignUp", ARN + "missing")));
        AppClient other = this.fixture.createPasswordClient(pool);

        Reply reply = this.fixture.call(
                "SignUp", Map.of("ClientId", other.id(), "Username", "bob", "Password", SignInFixture.PASSWORD));

        assertThat(reply.error())
                .isEqualTo("400 UnexpectedLambdaException: PreSignUp invocation failed due to error"
                        + " ResourceNotFoundException.");
    }

    @Test
    void adminCreateUserRunsPreSignUpWithoutClientAndIgnoresItsAnswer() {
        this.decision = new PreSignUpTrigger.Response(true, true, false);

        this.fixture
                .call(
                        "AdminCreateUser",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "Username",
                                "carol",
                                "MessageAction",
                                "SUPPRESS",
                                "UserAttributes",
                                EmulatorFixture.attributes("email", "carol@example.com"),
                                "ValidationData",
                                EmulatorFixture.attributes("invited", "yes"),
                                "ClientMetadata",
                                Map.of("by", "admin")))
                .requireSuccess();

        TriggerEvent<PreSignUpTrigger.Request> event = this.preSignUps.get(0);
        assertThat(event.triggerSource()).isEqualTo("PreSignUp_AdminCreateUser");
        assertThat(event.userName()).isEqualTo("carol");
        assertThat(event.callerContext().clientId()).isEqualTo("CLIENT_ID_NOT_APPLICABLE");
        assertThat(event.request().validationData()).isEqualTo(Map.of("invited", "yes"));
        assertThat(event.request().clientMetadata()).isEqualTo(Map.of("by", "admin"));
        assertThat(this.fixture.statusOf(this.poolId, "carol")).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(this.fixture.attributesOf(this.poolId, "carol")).doesNotContainKey("email_verified");
    }

    @Test
    void adminCreateUserRejectedByPreSignUpCreatesNobody() {
        Reply reply = this.fixture.call(
                "AdminCreateUser",
                Map.of(
                        "UserPoolId",
                        this.poolId,
                        "Username",
                        "carol",
                        "UserAttributes",
                        EmulatorFixture.attributes("custom:reject", "yes")));

        assertThat(reply.error())
                .isEqualTo("400 UserLambdaValidationException: PreSignUp failed with error Invalid email domain.");
        assertThat(this.fixture.adminGetUser(this.poolId, "carol").status()).isEqualTo(400);
    }

    @Test
    void confirmSignUpRunsPostConfirmationWithTheConfirmedUser() {
        signUp("alice", "email", "alice@example.com").requireSuccess();

        this.fixture
                .call(
                        "ConfirmSignUp",
                        Map.of(
                                "ClientId",
                                this.client.id(),
                                "Username",
                                "alice",
                                "ConfirmationCode",
                                this.fixture.latestCode(this.poolId, "alice"),
                                "ClientMetadata",
                                Map.of("step", "confirm")))
                .requireSuccess();

        assertThat(this.confirmations).hasSize(1);
        TriggerEvent<PostConfirmationTrigger.Request> event = this.confirmations.get(0);
        assertThat(event.triggerSource()).isEqualTo("PostConfirmation_ConfirmSignUp");
        assertThat(event.userName()).isEqualTo("alice");
        assertThat(event.callerContext().clientId()).isEqualTo(this.client.id());
        assertThat(event.request().userAttributes())
                .containsEntry("cognito:user_status", "CONFIRMED")
                .containsEntry("email_verified", "true");
        assertThat(event.request().clientMetadata()).isEqualTo(Map.of("step", "confirm"));
    }

    @Test
    void confirmForgotPasswordRunsPostConfirmation() {
        this.fixture.createConfirmedUser(
                this.poolId, "dave", SignInFixture.PASSWORD, "email", "dave@example.com", "email_verified", "true");
        this.fixture
                .call("ForgotPassword", Map.of("ClientId", this.client.id(), "Username", "dave"))
                .requireSuccess();

        this.fixture
                .call(
                        "ConfirmForgotPassword",
                        Map.of(
                                "ClientId",
                                this.client.id(),
                                "Username",
                                "dave",
                                "ConfirmationCode",
                                this.fixture.latestCode(this.poolId, "dave"),
                                "Password",
                                SignInFixture.OTHER_PASSWORD,
                                "ClientMetadata",
                                Map.of("step", "reset")))
                .requireSuccess();

        TriggerEvent<PostConfirmationTrigger.Request> event = this.confirmations.get(0);
        assertThat(event.triggerSource()).isEqualTo("PostConfirmation_ConfirmForgotPassword");
        assertThat(event.request().clientMetadata()).isEqualTo(Map.of("step", "reset"));
        assertThat(event.request().userAttributes()).containsEntry("cognito:user_status", "CONFIRMED");
    }

    @Test
    void aPoolWithoutTriggersRunsNone() {
        String pool = this.fixture.createPool();
        AppClient other = this.fixture.createPasswordClient(pool);

        this.fixture
                .call("SignUp", Map.of("ClientId", other.id(), "Username", "bob", "Password", SignInFixture.PASSWORD))
                .requireSuccess();

        assertThat(this.preSignUps).isEmpty();
    }

    @Test
    void adminConfirmSignUpRunsPostConfirmationWithoutClient() {
        signUp("alice", "email", "alice@example.com").requireSuccess();

        this.fixture
                .call(
                        "AdminConfirmSignUp",
                        Map.of("UserPoolId", this.poolId, "Username", "alice", "ClientMetadata", Map.of("by", "admin")))
                .requireSuccess();

        TriggerEvent<PostConfirmationTrigger.Request> event = this.confirmations.get(0);
        assertThat(event.triggerSource()).isEqualTo("PostConfirmation_ConfirmSignUp");
        assertThat(event.callerContext().clientId()).isEqualTo("CLIENT_ID_NOT_APPLICABLE");
        assertThat(event.request().clientMetadata()).isEqualTo(Map.of("by", "admin"));
        assertThat(event.request().userAttributes()).containsEntry("cognito:user_status", "CONFIRMED");
    }

    @Test
    void signUpWithoutAutoConfirmRunsNoPostConfirmation() {
        signUp("alice", "email", "alice@example.com").requireSuccess();

        assertThat(this.confirmations).isEmpty();
    }
}
