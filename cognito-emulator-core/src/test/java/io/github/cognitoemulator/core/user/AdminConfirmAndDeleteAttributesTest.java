package io.github.cognitoemulator.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AdminConfirmSignUp and AdminDeleteUserAttributes. */
class AdminConfirmAndDeleteAttributesTest {

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool(Map.of(
            "AutoVerifiedAttributes",
            List.of("email"),
            "AliasAttributes",
            List.of("email"),
            "Schema",
            List.of(
                    Map.of("Name", "phone_number", "AttributeDataType", "String", "Required", true),
                    Map.of("Name", "tenant", "AttributeDataType", "String", "Mutable", false),
                    Map.of("Name", "team", "AttributeDataType", "String", "Mutable", true))));

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private void signUp(String username) {
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
                                List.of(
                                        Map.of("Name", "email", "Value", username + "@example.com"),
                                        Map.of("Name", "phone_number", "Value", "+15555550100"))))
                .requireSuccess();
    }

    private Reply confirm(String username) {
        return this.fixture.call("AdminConfirmSignUp", Map.of("UserPoolId", this.poolId, "Username", username));
    }

    private Reply deleteAttributes(String username, String... names) {
        return this.fixture.call(
                "AdminDeleteUserAttributes",
                Map.of("UserPoolId", this.poolId, "Username", username, "UserAttributeNames", List.of(names)));
    }

    @Test
    void confirmingASignedUpUserLetsItSignInAndLeavesItsEmailUnverified() {
        signUp("alice");
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("UNCONFIRMED");
        this.fixture.clock().advance(Duration.ofSeconds(5));

        Reply reply = confirm("alice");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{}");
        Reply user = this.fixture.adminGetUser(this.poolId, "alice");
        assertThat(user.string("UserStatus")).isEqualTo("CONFIRMED");
        assertThat(((Number) user.at("UserLastModifiedDate")).longValue())
                .isEqualTo(SignInFixture.START.getEpochSecond() + 5);
        assertThat(user.attributes("UserAttributes")).doesNotContainEntry("email_verified", "true");
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void onlyAnUnconfirmedUserCanBeConfirmed() {
        signUp("alice");
        confirm("alice").requireSuccess();
        this.fixture.createUser(this.poolId, "bob");

        assertThat(confirm("alice").error())
                .isEqualTo("400 NotAuthorizedException: User cannot be confirmed. Current status is CONFIRMED");
        assertThat(confirm("bob").error())
                .isEqualTo(
                        "400 NotAuthorizedException: User cannot be confirmed. Current status is FORCE_CHANGE_PASSWORD");
        assertThat(this.fixture.statusOf(this.poolId, "bob")).isEqualTo("FORCE_CHANGE_PASSWORD");
    }

    @Test
    void confirmingAnUnknownUserOrPoolFails() {
        assertThat(confirm("ghost").error()).isEqualTo("400 UserNotFoundException: User does not exist.");
        assertThat(this.fixture
                        .call("AdminConfirmSignUp", Map.of("UserPoolId", "us-east-1_Nope", "Username", "alice"))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_Nope does not exist.");
    }

    @Test
    void deletingAttributesRemovesThemAndTheEmailTakesItsVerificationAlong() {
        this.fixture.createUser(
                this.poolId,
                "alice",
                "email",
                "alice@example.com",
                "email_verified",
                "true",
                "phone_number",
                "+15555550100",
                "custom:team",
                "blue",
                "given_name",
                "Alice");
        this.fixture.clock().advance(Duration.ofSeconds(7));

        Reply reply = deleteAttributes("alice", "email", "custom:team");

        assertThat(reply.body()).isEqualTo("{}");
        Reply user = this.fixture.adminGetUser(this.poolId, "alice");
        assertThat(user.attributes("UserAttributes")).containsOnlyKeys("sub", "phone_number", "given_name");
        assertThat(((Number) user.at("UserLastModifiedDate")).longValue())
                .isEqualTo(SignInFixture.START.getEpochSecond() + 7);
        // The email address was an alias: it signs nobody in any more.
        assertThat(this.fixture.adminGetUser(this.poolId, "alice@example.com").error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void deletingThePhoneNumberDropsItsVerificationButAnAbsentAttributeIsFine() {
        String pool = this.fixture.createPool();
        this.fixture.createUser(pool, "bob", "phone_number", "+15555550100", "phone_number_verified", "true");

        this.fixture
                .call(
                        "AdminDeleteUserAttributes",
                        Map.of(
                                "UserPoolId",
                                pool,
                                "Username",
                                "bob",
                                "UserAttributeNames",
                                List.of("phone_number", "nickname")))
                .requireSuccess();

        assertThat(this.fixture.attributesOf(pool, "bob")).containsOnlyKeys("sub");
    }

    @Test
    void aRequiredAttributeCannotBeDeleted() {
        this.fixture.createUser(this.poolId, "alice", "phone_number", "+15555550100", "given_name", "Alice");

        assertThat(deleteAttributes("alice", "given_name", "phone_number").error())
                .isEqualTo("400 InvalidParameterException: Invalid user attributes: phone_number: Required attribute"
                        + " cannot be deleted.");
        assertThat(deleteAttributes("alice", "sub").error())
                .isEqualTo("400 InvalidParameterException: Invalid user attributes: sub: Required attribute cannot be"
                        + " deleted.");
        assertThat(this.fixture.attributesOf(this.poolId, "alice")).containsKeys("given_name", "phone_number");
    }

    @Test
    void anImmutableOrUnknownAttributeCannotBeDeleted() {
        this.fixture.createUser(this.poolId, "alice", "phone_number", "+15555550100", "custom:tenant", "acme");

        assertThat(deleteAttributes("alice", "custom:tenant").error())
                .isEqualTo("400 InvalidParameterException: user.custom:tenant: Attribute cannot be updated. (changing"
                        + " an immutable attribute)");
        assertThat(deleteAttributes("alice", "custom:nope").error())
                .isEqualTo("400 InvalidParameterException: Attributes did not conform to the schema: custom:nope:"
                        + " Attribute does not exist in the schema.");
        assertThat(this.fixture.attributesOf(this.poolId, "alice")).containsEntry("custom:tenant", "acme");
    }

    @Test
    void deletingAttributesOfAnUnknownUserFails() {
        assertThat(deleteAttributes("ghost", "given_name").error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
        assertThat(this.fixture
                        .call("AdminDeleteUserAttributes", Map.of("UserPoolId", this.poolId, "Username", "ghost"))
                        .error())
                .startsWith("400 InvalidParameterException: 1 validation error detected: Value null at"
                        + " 'userAttributeNames'");
    }
}
