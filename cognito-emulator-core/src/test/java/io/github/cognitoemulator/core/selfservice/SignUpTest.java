package io.github.cognitoemulator.core.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.message.Message;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignUpTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static final String MISMATCH =
            "400 CodeMismatchException: Invalid verification code provided, please try again.";

    private static final String EXPIRED =
            "400 ExpiredCodeException: Invalid code provided, please request a code again.";

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool(Map.of("AutoVerifiedAttributes", List.of("email")));

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private Reply signUp(AppClient client, String username, String password, String... attributeNamesAndValues) {
        return this.fixture.call(
                "SignUp",
                Map.of(
                        "ClientId",
                        client.id(),
                        "Username",
                        username,
                        "Password",
                        password,
                        "UserAttributes",
                        EmulatorFixture.attributes(attributeNamesAndValues)));
    }

    private Reply signUpAlice() {
        return signUp(this.client, "alice", SignInFixture.PASSWORD, "email", "alice@example.com")
                .requireSuccess();
    }

    private Reply confirm(String code) {
        return this.fixture.call(
                "ConfirmSignUp", Map.of("ClientId", this.client.id(), "Username", "alice", "ConfirmationCode", code));
    }

    private String code() {
        return this.fixture.latestCode(this.poolId, "alice");
    }

    private static String wrong(String code) {
        return (code.charAt(0) == '9' ? "0" : String.valueOf((char) (code.charAt(0) + 1))) + code.substring(1);
    }

    @Test
    void signUpAnswersWithTheSubAnUnconfirmedUserAndWhereTheCodeWent() {
        Reply reply = signUpAlice();

        assertThat(reply.json()).containsOnlyKeys("UserConfirmed", "UserSub", "CodeDeliveryDetails");
        assertThat(reply.at("UserConfirmed")).isEqualTo(false);
        assertThat(reply.string("UserSub")).matches(UUID);
        assertThat(reply.map("CodeDeliveryDetails"))
                .isEqualTo(Map.of("AttributeName", "email", "DeliveryMedium", "EMAIL", "Destination", "a***@e***"));
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("UNCONFIRMED");
        assertThat(this.fixture.attributesOf(this.poolId, "alice"))
                .containsEntry("sub", reply.string("UserSub"))
                .containsEntry("email", "alice@example.com")
                .doesNotContainKey("email_verified");
    }

    @Test
    void codeInTheInboxIsSixDigitsSentByEmail() {
        signUpAlice();

        Message message = this.fixture.emulator().inbox().latest(this.poolId, "alice");

        assertThat(message).isNotNull();
        assertThat(message.code()).matches("[0-9]{6}");
        assertThat(message.type()).isEqualTo("SignUp");
        assertThat(message.deliveryMedium()).isEqualTo("EMAIL");
        assertThat(message.destination()).isEqualTo("alice@example.com");
        assertThat(message.subject()).isEqualTo("Your verification code");
        assertThat(message.body()).isEqualTo("Your verification code is " + message.code() + ". ");
        assertThat(message.sentAt()).isEqualTo(SignInFixture.START);
    }

    @Test
    void noCodeGoesOutWhenThePoolVerifiesNothing() {
        String quietPool = this.fixture.createPool();
        AppClient quietClient = this.fixture.createPasswordClient(quietPool);

        Reply reply = signUp(quietClient, "alice", SignInFixture.PASSWORD, "email", "alice@example.com");

        assertThat(reply.json()).containsOnlyKeys("UserConfirmed", "UserSub");
        assertThat(this.fixture.emulator().inbox().messages(quietPool, null)).isEmpty();
    }

    @Test
    void noCodeGoesOutWhenTheUserGaveNoAttributeThePoolVerifies() {
        Reply reply = signUp(this.client, "alice", SignInFixture.PASSWORD, "phone_number", "+15555550100");

        assertThat(reply.json()).doesNotContainKey("CodeDeliveryDetails");
        assertThat(this.fixture.emulator().inbox().messages(this.poolId, null)).isEmpty();
    }

    @Test
    void phoneNumberWinsOverEmailWhenThePoolVerifiesBoth() {
        String bothPool = this.fixture.createPool(Map.of("AutoVerifiedAttributes", List.of("email", "phone_number")));
        AppClient bothClient = this.fixture.createPasswordClient(bothPool);

        Reply reply = signUp(
                bothClient,
                "alice",
                SignInFixture.PASSWORD,
                "email",
                "alice@example.com",
                "phone_number",
                "+15555550100");

        assertThat(reply.map("CodeDeliveryDetails"))
                .isEqualTo(Map.of(
                        "AttributeName", "phone_number", "DeliveryMedium", "SMS", "Destination", "+*******0100"));
        Message message = this.fixture.emulator().inbox().latest(bothPool, "alice");
        assertThat(message.deliveryMedium()).isEqualTo("SMS");
        assertThat(message.subject()).isNull();
    }

    @Test
    void rightCodeConfirmsTheUserAndVerifiesTheEmail() {
        signUpAlice();

        assertThat(confirm(code()).body()).isEqualTo("{}");

        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("CONFIRMED");
        assertThat(this.fixture.attributesOf(this.poolId, "alice")).containsEntry("email_verified", "true");
        String idToken = SignInFixture.tokens(this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD))
                .idToken();
        assertThat(SignInFixture.payload(idToken)).containsEntry("email_verified", true);
    }

    @Test
    void wrongCodeIsAMismatch() {
        signUpAlice();

        assertThat(confirm(wrong(code())).error()).isEqualTo(MISMATCH);
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("UNCONFIRMED");
    }

    @Test
    void confirmedUserCannotBeConfirmedAgain() {
        signUpAlice();
        String code = code();
        confirm(code).requireSuccess();

        assertThat(confirm(code).error())
                .isEqualTo("400 NotAuthorizedException: User cannot be confirmed. Current status is CONFIRMED");
    }

    @Test
    void codeExpiresAfterTwentyFourHours() {
        signUpAlice();
        String code = code();

        this.fixture.clock().advance(Duration.ofHours(24));

        assertThat(confirm(code).error()).isEqualTo(EXPIRED);
    }

    @Test
    void codeStillWorksJustBeforeTwentyFourHours() {
        signUpAlice();
        String code = code();

        this.fixture.clock().advance(Duration.ofHours(24).minusSeconds(1));

        assertThat(confirm(code).status()).isEqualTo(200);
    }

    @Test
    void resentCodeSupersedesTheFirst() {
        signUpAlice();
        String first = code();

        Reply resent =
                this.fixture.call("ResendConfirmationCode", Map.of("ClientId", this.client.id(), "Username", "alice"));

        assertThat(resent.json()).containsOnlyKeys("CodeDeliveryDetails");
        assertThat(resent.map("CodeDeliveryDetails")).containsEntry("Destination", "a***@e***");
        Message message = this.fixture.emulator().inbox().latest(this.poolId, "alice");
        assertThat(message.type()).isEqualTo("ResendCode");
        String second = message.code();
        assertThat(this.fixture.emulator().inbox().messages(this.poolId, "alice"))
                .hasSize(2);
        if (!second.equals(first)) {
            assertThat(confirm(first).string("__type")).isIn("ExpiredCodeException", "CodeMismatchException");
        }
        assertThat(confirm(second).status()).isEqualTo(200);
    }

    @Test
    void fifteenWrongCodesAnHourThenTheLimitIsExceeded() {
        signUpAlice();
        String code = code();

        // ConfirmSignUp: 15 an hour per user (Cognito Developer Guide, quotas).
        for (int i = 0; i < 15; i++) {
            assertThat(confirm(wrong(code)).error()).as("attempt %d", i + 1).isEqualTo(MISMATCH);
        }

        assertThat(confirm(code).error())
                .isEqualTo("400 LimitExceededException: Attempt limit exceeded, please try after some time.");
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("UNCONFIRMED");
    }

    @Test
    void resendingOnAConfirmedUserIsRefused() {
        signUpAlice();
        confirm(code()).requireSuccess();

        Reply reply =
                this.fixture.call("ResendConfirmationCode", Map.of("ClientId", this.client.id(), "Username", "alice"));

        assertThat(reply.error()).isEqualTo("400 InvalidParameterException: User is already confirmed.");
    }

    @Test
    void weakPasswordIsRefusedWithTheSignUpWording() {
        Reply reply = signUp(this.client, "alice", "short", "email", "alice@example.com");

        assertThat(reply.string("__type")).isEqualTo("InvalidPasswordException");
        assertThat(reply.string("message")).startsWith("Password did not conform with policy: ");
        assertThat(reply.error())
                .isEqualTo("400 InvalidPasswordException: Password did not conform with policy: Password not long"
                        + " enough");
        assertThat(this.fixture.adminGetUser(this.poolId, "alice").string("__type"))
                .isEqualTo("UserNotFoundException");
    }

    @Test
    void takenUsernameIsRefused() {
        signUpAlice();

        assertThat(signUp(this.client, "alice", SignInFixture.PASSWORD).error())
                .isEqualTo("400 UsernameExistsException: User already exists");
    }

    @Test
    void poolThatOnlyAdministratorsFillRefusesSignUp() {
        String closedPool =
                this.fixture.createPool(Map.of("AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", true)));
        AppClient closedClient = this.fixture.createPasswordClient(closedPool);

        assertThat(signUp(closedClient, "alice", SignInFixture.PASSWORD).error())
                .isEqualTo("400 NotAuthorizedException: SignUp is not permitted for this user pool");
    }

    @Test
    void missingRequiredAttributeIsNamed() {
        String strictPool = this.fixture.createPool(Map.of(
                "Schema",
                List.of(Map.of("Name", "email", "AttributeDataType", "String", "Mutable", true, "Required", true))));
        AppClient strictClient = this.fixture.createPasswordClient(strictPool);

        assertThat(signUp(strictClient, "alice", SignInFixture.PASSWORD).error())
                .isEqualTo("400 InvalidParameterException: Attributes did not conform to the schema: email: The"
                        + " attribute is required");
    }

    @Test
    void unknownUserCannotBeConfirmed() {
        Reply reply = this.fixture.call(
                "ConfirmSignUp",
                Map.of("ClientId", this.client.id(), "Username", "nobody", "ConfirmationCode", "123456"));

        assertThat(reply.error()).isEqualTo("400 UserNotFoundException: Username/client id combination not found.");
    }

    @Test
    void secretClientSignsUpWithTheSecretHashOfTheUsername() {
        AppClient secret = this.fixture.createPasswordClient(this.poolId, Map.of("GenerateSecret", true));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ClientId", secret.id());
        body.put("Username", "alice");
        body.put("Password", SignInFixture.PASSWORD);

        assertThat(this.fixture.call("SignUp", body).string("__type")).isEqualTo("NotAuthorizedException");

        body.put("SecretHash", SignInFixture.secretHash(secret.secret(), "alice", secret.id()));
        assertThat(this.fixture.call("SignUp", body).status()).isEqualTo(200);
    }

    @Test
    void emailUsernamePoolSignsUpWithTheEmailAndNamesTheUserByItsSub() {
        String emailPool = this.fixture.createPool(
                Map.of("UsernameAttributes", List.of("email"), "AutoVerifiedAttributes", List.of("email")));
        AppClient emailClient = this.fixture.createPasswordClient(emailPool);

        Reply reply = signUp(emailClient, "alice@example.com", SignInFixture.PASSWORD);
        String sub = reply.string("UserSub");
        Message message = this.fixture.emulator().inbox().latest(emailPool, "alice@example.com");
        this.fixture
                .call(
                        "ConfirmSignUp",
                        Map.of(
                                "ClientId",
                                emailClient.id(),
                                "Username",
                                "alice@example.com",
                                "ConfirmationCode",
                                message.code()))
                .requireSuccess();

        assertThat(message.username()).isEqualTo(sub);
        assertThat(this.fixture.adminGetUser(emailPool, "alice@example.com").string("Username"))
                .isEqualTo(sub);
        assertThat(this.fixture.statusOf(emailPool, sub)).isEqualTo("CONFIRMED");
    }
}
