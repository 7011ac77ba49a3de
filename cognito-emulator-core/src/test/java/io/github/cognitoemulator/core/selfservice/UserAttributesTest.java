package io.github.cognitoemulator.core.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.message.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserAttributesTest {

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool(Map.of(
            "AutoVerifiedAttributes",
            List.of("email"),
            "Schema",
            List.of(Map.of("Name", "team", "AttributeDataType", "String", "Mutable", true))));

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private String signIn(AppClient client) {
        this.fixture.createConfirmedUser(
                this.poolId,
                "alice",
                SignInFixture.PASSWORD,
                "email",
                "alice@example.com",
                "email_verified",
                "true",
                "given_name",
                "Alice");
        return SignInFixture.tokens(this.fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD))
                .accessToken();
    }

    private String signIn() {
        return signIn(this.client);
    }

    private Reply update(String accessToken, String... attributeNamesAndValues) {
        return this.fixture.call(
                "UpdateUserAttributes",
                Map.of(
                        "AccessToken",
                        accessToken,
                        "UserAttributes",
                        EmulatorFixture.attributes(attributeNamesAndValues)));
    }

    private Reply verify(String accessToken, String attribute, String code) {
        return this.fixture.call(
                "VerifyUserAttribute", Map.of("AccessToken", accessToken, "AttributeName", attribute, "Code", code));
    }

    @Test
    void getUserAnswersWithTheUsernameAndEveryAttribute() {
        String accessToken = signIn();

        Reply reply = this.fixture.getUser(accessToken);

        assertThat(reply.string("Username")).isEqualTo("alice");
        assertThat(reply.attributes("UserAttributes"))
                .containsOnlyKeys("sub", "email", "email_verified", "given_name")
                .containsEntry("email_verified", "true");
    }

    @Test
    void changedNameNeedsNoVerification() {
        String accessToken = signIn();

        Reply reply = update(accessToken, "given_name", "Alicia", "custom:team", "blue");

        assertThat(reply.body()).isEqualTo("{}");
        assertThat(this.fixture.attributesOf(this.poolId, "alice"))
                .containsEntry("given_name", "Alicia")
                .containsEntry("custom:team", "blue")
                .containsEntry("email_verified", "true");
        assertThat(this.fixture.emulator().inbox().messages(this.poolId, "alice"))
                .isEmpty();
    }

    @Test
    void changedEmailIsUnverifiedUntilTheCodeSentToItComesBack() {
        String accessToken = signIn();

        Reply reply = update(accessToken, "email", "new@example.org");

        assertThat(reply.json()).containsOnlyKeys("CodeDeliveryDetailsList");
        assertThat(reply.list("CodeDeliveryDetailsList"))
                .containsExactly(
                        Map.of("AttributeName", "email", "DeliveryMedium", "EMAIL", "Destination", "n***@e***"));
        assertThat(this.fixture.attributesOf(this.poolId, "alice"))
                .containsEntry("email", "new@example.org")
                .containsEntry("email_verified", "false");
        Message message = this.fixture.emulator().inbox().latest(this.poolId, "alice");
        assertThat(message.type()).isEqualTo("UpdateUserAttribute");
        assertThat(message.destination()).isEqualTo("new@example.org");
        assertThat(message.code()).matches("[0-9]{6}");

        assertThat(verify(accessToken, "email", message.code()).body()).isEqualTo("{}");

        assertThat(this.fixture.attributesOf(this.poolId, "alice")).containsEntry("email_verified", "true");
    }

    @Test
    void verificationCodeWorksOnce() {
        String accessToken = signIn();
        update(accessToken, "email", "new@example.org").requireSuccess();
        String code = this.fixture.latestCode(this.poolId, "alice");
        verify(accessToken, "email", code).requireSuccess();

        assertThat(verify(accessToken, "email", code).error())
                .isEqualTo("400 ExpiredCodeException: Invalid code provided, please request a code again.");
    }

    @Test
    void wrongVerificationCodeIsAMismatch() {
        String accessToken = signIn();
        update(accessToken, "email", "new@example.org").requireSuccess();
        String code = this.fixture.latestCode(this.poolId, "alice");
        String wrong = (code.charAt(0) == '9' ? "0" : String.valueOf((char) (code.charAt(0) + 1))) + code.substring(1);

        assertThat(verify(accessToken, "email", wrong).error())
                .isEqualTo("400 CodeMismatchException: Invalid verification code provided, please try again.");
        assertThat(this.fixture.attributesOf(this.poolId, "alice")).containsEntry("email_verified", "false");
    }

    @Test
    void verificationCodeExpiresAfterTwentyFourHours() {
        String accessToken = signIn();
        update(accessToken, "email", "new@example.org").requireSuccess();
        String code = this.fixture.latestCode(this.poolId, "alice");
        this.fixture.clock().advance(Duration.ofHours(24).minusMinutes(1));
        String fresh = SignInFixture.tokens(this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD))
                .accessToken();

        this.fixture.clock().advance(Duration.ofMinutes(1));

        assertThat(verify(fresh, "email", code).error())
                .isEqualTo("400 ExpiredCodeException: Invalid code provided, please request a code again.");
    }

    @Test
    void requestedVerificationCodeVerifiesTheEmail() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD, "email", "alice@example.com");
        String accessToken = SignInFixture.tokens(
                        this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD))
                .accessToken();

        Reply reply = this.fixture.call(
                "GetUserAttributeVerificationCode", Map.of("AccessToken", accessToken, "AttributeName", "email"));

        assertThat(reply.map("CodeDeliveryDetails"))
                .isEqualTo(Map.of("AttributeName", "email", "DeliveryMedium", "EMAIL", "Destination", "a***@e***"));
        verify(accessToken, "email", this.fixture.latestCode(this.poolId, "alice"))
                .requireSuccess();
        assertThat(this.fixture.attributesOf(this.poolId, "alice")).containsEntry("email_verified", "true");
    }

    @Test
    void aCodeForAPhoneNumberTheUserHasNotIsRefusedAndNothingIsSent() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD, "email", "alice@example.com");
        String accessToken = SignInFixture.tokens(
                        this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD))
                .accessToken();

        Reply reply = this.fixture.call(
                "GetUserAttributeVerificationCode",
                Map.of("AccessToken", accessToken, "AttributeName", "phone_number"));

        assertThat(reply.error())
                .isEqualTo("400 InvalidParameterException: Invalid attribute name. Only phone_number and email can"
                        + " be verified.");
        assertThat(this.fixture.emulator().inbox().latest(this.poolId, "alice")).isNull();
    }

    @Test
    void onlyEmailAndPhoneNumberCanBeVerified() {
        String accessToken = signIn();

        assertThat(verify(accessToken, "given_name", "123456").error())
                .isEqualTo("400 InvalidParameterException: Invalid attribute name. Only phone_number and email can"
                        + " be verified.");
    }

    @Test
    void clientMayWriteOnlyItsWriteAttributes() {
        AppClient narrow =
                this.fixture.createPasswordClient(this.poolId, Map.of("WriteAttributes", List.of("given_name")));
        String accessToken = signIn(narrow);

        assertThat(update(accessToken, "email", "new@example.org").error())
                .isEqualTo("400 NotAuthorizedException: A client attempted to write unauthorized attribute");
        assertThat(update(accessToken, "given_name", "Alicia", "custom:team", "blue")
                        .error())
                .isEqualTo("400 NotAuthorizedException: A client attempted to write unauthorized attribute");
        assertThat(this.fixture.attributesOf(this.poolId, "alice"))
                .containsEntry("email", "alice@example.com")
                .containsEntry("given_name", "Alice");

        assertThat(update(accessToken, "given_name", "Alicia").status()).isEqualTo(200);
    }

    @Test
    void attributeOutsideTheSchemaIsRefused() {
        String accessToken = signIn();

        assertThat(update(accessToken, "custom:unknown", "x").error())
                .isEqualTo("400 InvalidParameterException: Attributes did not conform to the schema: custom:unknown:"
                        + " Attribute does not exist in the schema.");
    }

    @Test
    void expiredAccessTokenCannotChangeAttributes() {
        String accessToken = signIn();
        this.fixture.clock().advance(Duration.ofHours(1));

        assertThat(update(accessToken, "given_name", "Alicia").error())
                .isEqualTo("400 NotAuthorizedException: Access Token has expired");
    }
}
