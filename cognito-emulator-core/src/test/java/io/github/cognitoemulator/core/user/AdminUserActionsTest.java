package io.github.cognitoemulator.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.password.PasswordCredential;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminUserActionsTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final InMemoryStore store = new InMemoryStore();

    private final UserStore users = this.store.users();

    private final EmulatorFixture fixture =
            EmulatorFixture.create(CognitoEmulator.builder().store(this.store));

    private final String poolId = this.fixture.createPool();

    private User storedUser(String poolId) {
        List<User> all = this.users.list(poolId, null, null, 10);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static String suffix(String poolId) {
        return poolId.substring(poolId.indexOf('_') + 1);
    }

    private Reply setPassword(String username, String password, boolean permanent) {
        return this.fixture.call(
                "AdminSetUserPassword",
                Map.of("UserPoolId", this.poolId, "Username", username, "Password", password, "Permanent", permanent));
    }

    @Test
    void newUserMustChangeItsPasswordAndIsEnabled() {
        Reply reply = this.fixture.createUser(this.poolId, "alice", "email", "alice@example.com");

        assertThat(reply.at("User", "Username")).isEqualTo("alice");
        assertThat(reply.at("User", "UserStatus")).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(reply.at("User", "Enabled")).isEqualTo(true);
        assertThat(reply.body())
                .contains("\"UserCreateDate\":" + EmulatorFixture.NOW_ON_THE_WIRE)
                .contains("\"UserLastModifiedDate\":" + EmulatorFixture.NOW_ON_THE_WIRE);
        Map<String, String> attributes = reply.attributes("User", "Attributes");
        assertThat(attributes.keySet()).containsExactly("sub", "email");
        assertThat(attributes.get("sub")).matches(UUID);
        assertThat(attributes).containsEntry("email", "alice@example.com");
    }

    @Test
    void adminGetUserAnswersWithUserAttributes() {
        this.fixture.createUser(this.poolId, "alice", "given_name", "Alice").requireSuccess();

        Reply reply = this.fixture.getUser(this.poolId, "alice");

        assertThat(reply.json().keySet())
                .containsExactly(
                        "Enabled",
                        "UserAttributes",
                        "UserCreateDate",
                        "UserLastModifiedDate",
                        "UserStatus",
                        "Username");
        assertThat(reply.attributes("UserAttributes")).containsEntry("given_name", "Alice");
    }

    @Test
    void takenUsernameIsRejected() {
        this.fixture.createUser(this.poolId, "alice").requireSuccess();

        assertThat(this.fixture.createUser(this.poolId, "alice").error())
                .isEqualTo("400 UsernameExistsException: User account already exists");
        assertThat(this.users.count(this.poolId)).isEqualTo(1);
    }

    @Test
    void unknownUserDoesNotExist() {
        assertThat(this.fixture.getUser(this.poolId, "nobody").error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void userCanBeFoundByItsSub() {
        String sub = this.fixture
                .createUser(this.poolId, "alice")
                .attributes("User", "Attributes")
                .get("sub");

        assertThat(this.fixture.getUser(this.poolId, sub).at("Username")).isEqualTo("alice");
    }

    @Test
    void usersInOnePoolAreUnknownInAnother() {
        this.fixture.createUser(this.poolId, "alice").requireSuccess();

        assertThat(this.fixture.getUser(this.fixture.createPool(), "alice").status())
                .isEqualTo(400);
    }

    @Test
    void deletedUserIsGone() {
        this.fixture.createUser(this.poolId, "alice").requireSuccess();

        Reply deleted = this.fixture.call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "alice"));

        assertThat(deleted.body()).isEqualTo("{}");
        assertThat(this.fixture.getUser(this.poolId, "alice").error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void aliasPoolRejectsAnEmailShapedUsername() {
        String aliasPool = this.fixture.createPool(Map.of("AliasAttributes", List.of("email")));

        assertThat(this.fixture.createUser(aliasPool, "alice@example.com").error())
                .isEqualTo("400 InvalidParameterException: Username cannot be of email format, since user pool is"
                        + " configured for email alias.");
    }

    @Test
    void aliasPoolFindsAUserByVerifiedEmailOnly() {
        String aliasPool = this.fixture.createPool(Map.of("AliasAttributes", List.of("email")));
        this.fixture
                .createUser(aliasPool, "alice", "email", "alice@example.com", "email_verified", "true")
                .requireSuccess();
        this.fixture.createUser(aliasPool, "bob", "email", "bob@example.com").requireSuccess();

        assertThat(this.fixture.getUser(aliasPool, "alice@example.com").at("Username"))
                .isEqualTo("alice");
        assertThat(this.fixture.getUser(aliasPool, "bob@example.com").error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void emailUsernamePoolRejectsAUsernameThatIsNotAnEmail() {
        String emailPool = this.fixture.createPool(Map.of("UsernameAttributes", List.of("email")));

        assertThat(this.fixture.createUser(emailPool, "alice").error())
                .isEqualTo("400 InvalidParameterException: Username should be an email.");
    }

    @Test
    void emailUsernamePoolUsesTheSubAsUsernameAndKeepsTheEmailAsAttribute() {
        String emailPool = this.fixture.createPool(Map.of("UsernameAttributes", List.of("email")));

        Reply reply = this.fixture.createUser(emailPool, "alice@example.com");

        Map<String, String> attributes = reply.attributes("User", "Attributes");
        assertThat(reply.at("User", "Username")).isEqualTo(attributes.get("sub"));
        assertThat(attributes).containsEntry("email", "alice@example.com");
        assertThat(this.fixture.getUser(emailPool, "alice@example.com").at("Username"))
                .isEqualTo(attributes.get("sub"));
    }

    @Test
    void emailUsernamePoolRejectsASecondAccountWithTheSameEmail() {
        String emailPool = this.fixture.createPool(Map.of("UsernameAttributes", List.of("email")));
        this.fixture.createUser(emailPool, "alice@example.com").requireSuccess();

        assertThat(this.fixture.createUser(emailPool, "alice@example.com").error())
                .isEqualTo("400 UsernameExistsException: An account with the given email already exists.");
        assertThat(this.users.count(emailPool)).isEqualTo(1);
    }

    @Test
    void phoneUsernamePoolRejectsAUsernameThatIsNotAPhoneNumber() {
        String phonePool = this.fixture.createPool(Map.of("UsernameAttributes", List.of("phone_number")));

        assertThat(this.fixture.createUser(phonePool, "alice@example.com").error())
                .isEqualTo("400 InvalidParameterException: Username should be a phone number.");
        assertThat(this.fixture.createUser(phonePool, "+14325551212").status()).isEqualTo(200);
    }

    @Test
    void emailOrPhoneUsernamePoolNamesBothChoices() {
        String pool = this.fixture.createPool(Map.of("UsernameAttributes", List.of("email", "phone_number")));

        assertThat(this.fixture.createUser(pool, "alice").error())
                .isEqualTo("400 InvalidParameterException: Username should be either an email or a phone number.");
    }

    @Test
    void caseInsensitivePoolTreatsDifferentlyCasedNamesAsOneUser() {
        String pool = this.fixture.createPool(Map.of("UsernameConfiguration", Map.of("CaseSensitive", false)));
        String sub = this.fixture
                .createUser(pool, "Alice")
                .attributes("User", "Attributes")
                .get("sub");

        assertThat(this.fixture.createUser(pool, "alice").error())
                .isEqualTo("400 UsernameExistsException: User account already exists");
        assertThat(this.fixture.getUser(pool, "alice").attributes("UserAttributes"))
                .containsEntry("sub", sub);
        assertThat(this.fixture.getUser(pool, "ALICE").attributes("UserAttributes"))
                .containsEntry("sub", sub);
    }

    @Test
    void caseSensitivePoolKeepsDifferentlyCasedNamesApart() {
        String pool = this.fixture.createPool(Map.of("UsernameConfiguration", Map.of("CaseSensitive", true)));
        this.fixture.createUser(pool, "Alice").requireSuccess();

        assertThat(this.fixture.createUser(pool, "alice").status()).isEqualTo(200);
        assertThat(this.fixture.getUser(pool, "ALICE").status()).isEqualTo(400);
        assertThat(this.users.count(pool)).isEqualTo(2);
    }

    @Test
    void poolWithoutUsernameConfigurationIsCaseSensitive() {
        this.fixture.createUser(this.poolId, "Alice").requireSuccess();

        assertThat(this.fixture.getUser(this.poolId, "alice").error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void customAttributeMustBeInTheSchema() {
        assertThat(this.fixture
                        .createUser(this.poolId, "alice", "custom:tenant", "acme")
                        .error())
                .isEqualTo("400 InvalidParameterException: Attributes did not conform to the schema: custom:tenant:"
                        + " Attribute does not exist in the schema.");
    }

    @Test
    void customAttributeOfTheSchemaIsStored() {
        String pool = this.fixture.createPool(
                Map.of("Schema", List.of(Map.of("Name", "tenant", "AttributeDataType", "String"))));

        Reply reply = this.fixture.createUser(pool, "alice", "custom:tenant", "acme");

        assertThat(reply.attributes("User", "Attributes")).containsEntry("custom:tenant", "acme");
    }

    @Test
    void malformedEmailAndPhoneAreRejected() {
        assertThat(this.fixture
                        .createUser(this.poolId, "alice", "email", "not-an-email")
                        .error())
                .isEqualTo("400 InvalidParameterException: Invalid email address format.");
        assertThat(this.fixture
                        .createUser(this.poolId, "alice", "phone_number", "555-1212")
                        .error())
                .isEqualTo("400 InvalidParameterException: Invalid phone number format.");
        assertThat(this.users.count(this.poolId)).isZero();
    }

    @Test
    void weakTemporaryPasswordIsRejectedAndNoUserIsCreated() {
        Reply reply = this.fixture.call(
                "AdminCreateUser",
                Map.of("UserPoolId", this.poolId, "Username", "alice", "TemporaryPassword", "Sh0rt!"));

        assertThat(reply.error())
                .isEqualTo("400 InvalidPasswordException: Password does not conform to policy: Password not long"
                        + " enough");
        assertThat(this.users.count(this.poolId)).isZero();
    }

    @Test
    void givenTemporaryPasswordIsTheOneStored() {
        this.fixture
                .call(
                        "AdminCreateUser",
                        Map.of("UserPoolId", this.poolId, "Username", "alice", "TemporaryPassword", "Temp0rary!"))
                .requireSuccess();

        PasswordCredential credential = storedUser(this.poolId).password();
        assertThat(credential.matches(suffix(this.poolId), "alice", "Temp0rary!"))
                .isTrue();
        assertThat(credential.matches(suffix(this.poolId), "alice", "temp0rary!"))
                .isFalse();
    }

    @Test
    void weakPasswordIsRejectedAndTheUserIsUnchanged() {
        this.fixture.createUser(this.poolId, "alice").requireSuccess();
        User before = storedUser(this.poolId);

        Reply reply = setPassword("alice", "short", true);

        assertThat(reply.error())
                .isEqualTo("400 InvalidPasswordException: Password does not conform to policy: Password not long"
                        + " enough");
        assertThat(storedUser(this.poolId)).isEqualTo(before);
    }

    @Test
    void eachPolicyRuleHasItsOwnMessage() {
        this.fixture.createUser(this.poolId, "alice").requireSuccess();

        assertThat(setPassword("alice", "PASSW0RD!", true).string("message"))
                .isEqualTo("Password does not conform to policy: Password must have lowercase characters");
        assertThat(setPassword("alice", "passw0rd!", true).string("message"))
                .isEqualTo("Password does not conform to policy: Password must have uppercase characters");
        assertThat(setPassword("alice", "Password!", true).string("message"))
                .isEqualTo("Password does not conform to policy: Password must have numeric characters");
        assertThat(setPassword("alice", "Passw0rdX", true).string("message"))
                .isEqualTo("Password does not conform to policy: Password must have symbol characters");
    }

    @Test
    void settingAPasswordReplacesTheCredential() {
        this.fixture.createUser(this.poolId, "alice").requireSuccess();
        PasswordCredential before = storedUser(this.poolId).password();

        setPassword("alice", "N3w-Password", true).requireSuccess();

        User after = storedUser(this.poolId);
        assertThat(after.password()).isNotEqualTo(before);
        assertThat(after.password().matches(suffix(this.poolId), "alice", "N3w-Password"))
                .isTrue();
        assertThat(after.passwordSetDate()).isEqualTo(EmulatorFixture.NOW);
    }

    @Test
    void permanentPasswordConfirmsTheUser() {
        this.fixture.createUser(this.poolId, "alice").requireSuccess();

        assertThat(setPassword("alice", "N3w-Password", true).body()).isEqualTo("{}");
        assertThat(this.fixture.getUser(this.poolId, "alice").at("UserStatus")).isEqualTo("CONFIRMED");

        setPassword("alice", "An0ther-Password", false).requireSuccess();
        assertThat(this.fixture.getUser(this.poolId, "alice").at("UserStatus")).isEqualTo("FORCE_CHANGE_PASSWORD");
    }

    @Test
    void passwordOfAnUnknownUserCannotBeSet() {
        assertThat(setPassword("nobody", "N3w-Password", true).error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void passwordOfAnEmailUsernameUserIsBoundToItsSub() {
        String emailPool = this.fixture.createPool(Map.of("UsernameAttributes", List.of("email")));
        String sub = this.fixture.createUser(emailPool, "alice@example.com").string("User", "Username");

        this.fixture
                .call(
                        "AdminSetUserPassword",
                        Map.of(
                                "UserPoolId",
                                emailPool,
                                "Username",
                                "alice@example.com",
                                "Password",
                                "N3w-Password",
                                "Permanent",
                                true))
                .requireSuccess();

        // SRP clients hash the internal username, which in such pools is the sub.
        assertThat(storedUser(emailPool).password().matches(suffix(emailPool), sub, "N3w-Password"))
                .isTrue();
    }

    @Test
    void changedEmailIsNoLongerVerified() {
        this.fixture
                .createUser(this.poolId, "alice", "email", "alice@example.com", "email_verified", "true")
                .requireSuccess();

        this.fixture
                .call(
                        "AdminUpdateUserAttributes",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "Username",
                                "alice",
                                "UserAttributes",
                                EmulatorFixture.attributes("email", "alice@example.org")))
                .requireSuccess();

        assertThat(this.fixture.getUser(this.poolId, "alice").attributes("UserAttributes"))
                .containsEntry("email", "alice@example.org")
                .containsEntry("email_verified", "false");
    }

    @Test
    void subCannotBeUpdated() {
        this.fixture.createUser(this.poolId, "alice").requireSuccess();

        Reply reply = this.fixture.call(
                "AdminUpdateUserAttributes",
                Map.of(
                        "UserPoolId",
                        this.poolId,
                        "Username",
                        "alice",
                        "UserAttributes",
                        EmulatorFixture.attributes("sub", "00000000-0000-4000-8000-000000000000")));

        assertThat(reply.string("__type")).isEqualTo("InvalidParameterException");
        assertThat(reply.string("message")).contains("sub");
    }

    @Test
    void updateNeedsTheAttributeList() {
        assertThat(this.fixture
                        .call("AdminUpdateUserAttributes", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                        .error())
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value null at"
                        + " 'userAttributes' failed to satisfy constraint: Member must not be null");
    }
}
