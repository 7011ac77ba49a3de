package io.github.cognitoemulator.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.message.Message;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verified aliases (uniqueness, take-over) and the invitation AdminCreateUser sends. */
class AliasAndInvitationTest {

    private final InMemoryStore store = new InMemoryStore();

    private final EmulatorFixture fixture =
            EmulatorFixture.create(CognitoEmulator.builder().store(this.store));

    private final String aliasPool =
            this.fixture.createPool(Map.of("AliasAttributes", List.of("email", "preferred_username")));

    private Reply createUser(String poolId, Map<String, ?> settings) {
        Map<String, Object> body = new LinkedHashMap<>(settings);
        body.put("UserPoolId", poolId);
        return this.fixture.call("AdminCreateUser", body);
    }

    @Test
    void userWithoutAnyAliasValueIsCreatedInAnAliasPool() {
        this.fixture.createUser(this.aliasPool, "alice").requireSuccess();

        assertThat(this.fixture.getUser(this.aliasPool, "alice").string("Username"))
                .isEqualTo("alice");
    }

    @Test
    void preferredUsernameIsAnAliasWithoutVerification() {
        this.fixture
                .createUser(this.aliasPool, "alice", "preferred_username", "ally")
                .requireSuccess();

        assertThat(this.fixture.getUser(this.aliasPool, "ally").string("Username"))
                .isEqualTo("alice");
    }

    @Test
    void verifiedEmailAliasIsUniqueInThePool() {
        this.fixture
                .createUser(this.aliasPool, "alice", "email", "shared@example.com", "email_verified", "true")
                .requireSuccess();

        Reply second =
                this.fixture.createUser(this.aliasPool, "bob", "email", "shared@example.com", "email_verified", "true");

        assertThat(second.error())
                .isEqualTo("400 AliasExistsException: An account with the given email already exists.");
        assertThat(this.fixture.getUser(this.aliasPool, "bob").error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void forcedAliasCreationTakesTheVerifiedEmailFromItsOwner() {
        this.fixture
                .createUser(this.aliasPool, "alice", "email", "shared@example.com", "email_verified", "true")
                .requireSuccess();

        createUser(
                        this.aliasPool,
                        Map.of(
                                "Username",
                                "bob",
                                "ForceAliasCreation",
                                true,
                                "UserAttributes",
                                EmulatorFixture.attributes("email", "shared@example.com", "email_verified", "true")))
                .requireSuccess();

        assertThat(this.fixture.getUser(this.aliasPool, "shared@example.com").string("Username"))
                .isEqualTo("bob");
        assertThat(this.fixture.getUser(this.aliasPool, "alice").attributes("UserAttributes"))
                .containsEntry("email", "shared@example.com")
                .containsEntry("email_verified", "false");
    }

    @Test
    void forcedAliasCreationLeavesAnUnrelatedUserAlone() {
        this.fixture
                .createUser(this.aliasPool, "alice", "email", "alice@example.com", "email_verified", "true")
                .requireSuccess();

        createUser(
                        this.aliasPool,
                        Map.of(
                                "Username",
                                "bob",
                                "ForceAliasCreation",
                                true,
                                "UserAttributes",
                                EmulatorFixture.attributes(
                                        "email",
                                        "bob@example.com",
                                        "email_verified",
                                        "true",
                                        "preferred_username",
                                        "bobby")))
                .requireSuccess();

        assertThat(this.fixture.getUser(this.aliasPool, "alice").attributes("UserAttributes"))
                .containsEntry("email_verified", "true");
        assertThat(this.fixture.getUser(this.aliasPool, "alice@example.com").string("Username"))
                .isEqualTo("alice");
    }

    @Test
    void forcedAliasCreationDoesNotTakeAnUnverifiedEmail() {
        this.fixture
                .createUser(this.aliasPool, "alice", "email", "shared@example.com", "email_verified", "true")
                .requireSuccess();

        createUser(
                        this.aliasPool,
                        Map.of(
                                "Username",
                                "bob",
                                "ForceAliasCreation",
                                true,
                                "UserAttributes",
                                EmulatorFixture.attributes("email", "shared@example.com")))
                .requireSuccess();

        assertThat(this.fixture.getUser(this.aliasPool, "alice").attributes("UserAttributes"))
                .containsEntry("email_verified", "true");
        assertThat(this.fixture.getUser(this.aliasPool, "shared@example.com").string("Username"))
                .isEqualTo("alice");
    }

    @Test
    void aliasOwnerIsAnotherUserNeverTheUserItself() {
        UserDirectory directory = new UserDirectory(this.store.users());
        this.fixture
                .createUser(this.aliasPool, "alice", "email", "alice@example.com", "email_verified", "true")
                .requireSuccess();
        this.fixture.createUser(this.aliasPool, "bob").requireSuccess();
        var pool = this.store.pools().find(this.aliasPool).orElseThrow();
        User alice = directory.findByUsername(pool, "alice").orElseThrow();
        User bob = directory.findByUsername(pool, "bob").orElseThrow();
        User bobWithAlicesEmail =
                bob.withAttributes(Map.of("sub", bob.sub(), "email", "alice@example.com"), EmulatorFixture.NOW);

        assertThat(directory.aliasOwner(pool, alice, "email")).isEmpty();
        assertThat(directory.aliasOwner(pool, bob, "email")).isEmpty();
        assertThat(directory.aliasOwner(pool, bobWithAlicesEmail, "email"))
                .map(User::username)
                .contains("alice");
        assertThat(directory.findBySub(pool, alice.sub()).map(User::username)).contains("alice");
        assertThat(directory.count(pool)).isEqualTo(2);
    }

    @Test
    void invitationCarriesTheUsernameAndTemporaryPasswordByEmail() {
        String poolId = this.fixture.createPool();

        createUser(
                        poolId,
                        Map.of(
                                "Username",
                                "alice",
                                "TemporaryPassword",
                                "Temp1234!",
                                "DesiredDeliveryMediums",
                                List.of("EMAIL"),
                                "UserAttributes",
                                EmulatorFixture.attributes("email", "alice@example.com")))
                .requireSuccess();

        List<Message> messages = this.fixture.emulator().inbox().messages(poolId, "alice");
        assertThat(messages).hasSize(1);
        Message invitation = messages.get(0);
        assertThat(invitation.type()).isEqualTo("AdminCreateUser");
        assertThat(invitation.deliveryMedium()).isEqualTo("EMAIL");
        assertThat(invitation.destination()).isEqualTo("alice@example.com");
        assertThat(invitation.subject()).isEqualTo("Your temporary password");
        assertThat(invitation.body()).isEqualTo("Your username is alice and temporary password is Temp1234!. ");
        assertThat(invitation.code()).isEqualTo("Temp1234!");
    }

    @Test
    void invitationGoesBySmsByDefaultAndOnlyToAddressesTheUserHas() {
        String poolId = this.fixture.createPool();

        createUser(
                        poolId,
                        Map.of(
                                "Username",
                                "alice",
                                "TemporaryPassword",
                                "Temp1234!",
                                "UserAttributes",
                                EmulatorFixture.attributes(
                                        "email", "alice@example.com", "phone_number", "+15555550100")))
                .requireSuccess();
        createUser(poolId, Map.of("Username", "bob", "DesiredDeliveryMediums", List.of("SMS", "EMAIL")))
                .requireSuccess();

        List<Message> toAlice = this.fixture.emulator().inbox().messages(poolId, "alice");
        assertThat(toAlice).extracting(Message::deliveryMedium).containsExactly("SMS");
        assertThat(toAlice.get(0).destination()).isEqualTo("+15555550100");
        assertThat(toAlice.get(0).subject()).isNull();
        assertThat(toAlice.get(0).body()).isEqualTo("Your username is alice and temporary password is Temp1234!. ");
        assertThat(this.fixture.emulator().inbox().messages(poolId, "bob")).isEmpty();
    }

    @Test
    void invitationFollowsThePoolsTemplates() {
        String poolId = this.fixture.createPool(Map.of(
                "AdminCreateUserConfig",
                Map.of(
                        "InviteMessageTemplate",
                        Map.of(
                                "EmailMessage", "Hi {username}, use {####}",
                                "EmailSubject", "Welcome",
                                "SMSMessage", "{username}/{####}"))));

        createUser(
                        poolId,
                        Map.of(
                                "Username",
                                "alice",
                                "TemporaryPassword",
                                "Temp1234!",
                                "DesiredDeliveryMediums",
                                List.of("EMAIL", "SMS"),
                                "UserAttributes",
                                EmulatorFixture.attributes(
                                        "email", "alice@example.com", "phone_number", "+15555550100")))
                .requireSuccess();

        List<Message> messages = this.fixture.emulator().inbox().messages(poolId, "alice");
        assertThat(messages)
                .extracting(Message::deliveryMedium, Message::subject, Message::body)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("EMAIL", "Welcome", "Hi alice, use Temp1234!"),
                        org.assertj.core.groups.Tuple.tuple("SMS", null, "alice/Temp1234!"));
    }

    @Test
    void suppressedInvitationIsNotSent() {
        String poolId = this.fixture.createPool();

        createUser(
                        poolId,
                        Map.of(
                                "Username",
                                "alice",
                                "MessageAction",
                                "SUPPRESS",
                                "DesiredDeliveryMediums",
                                List.of("EMAIL"),
                                "UserAttributes",
                                EmulatorFixture.attributes("email", "alice@example.com")))
                .requireSuccess();

        assertThat(this.fixture.emulator().inbox().messages(poolId, null)).isEmpty();
    }

    @Test
    void resentInvitationCarriesANewTemporaryPassword() {
        String poolId = this.fixture.createPool();
        Map<String, Object> request = Map.of(
                "Username",
                "alice",
                "DesiredDeliveryMediums",
                List.of("EMAIL"),
                "UserAttributes",
                EmulatorFixture.attributes("email", "alice@example.com"));
        createUser(poolId, request).requireSuccess();

        Reply resent = createUser(
                poolId,
                Map.of(
                        "Username",
                        "alice",
                        "MessageAction",
                        "RESEND",
                        "TemporaryPassword",
                        "Again5678!",
                        "DesiredDeliveryMediums",
                        List.of("EMAIL")));

        assertThat(resent.at("User", "Username")).isEqualTo("alice");
        assertThat(resent.at("User", "UserStatus")).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(resent.attributes("User", "Attributes")).containsEntry("email", "alice@example.com");
        List<Message> messages = this.fixture.emulator().inbox().messages(poolId, "alice");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).code()).isEqualTo("Again5678!");
        assertThat(messages.get(0).body()).isEqualTo("Your username is alice and temporary password is Again5678!. ");
    }

    @Test
    void resendToAConfirmedUserIsRefused() {
        String poolId = this.fixture.createPool();
        this.fixture.createUser(poolId, "alice", "email", "alice@example.com").requireSuccess();
        this.fixture
                .call(
                        "AdminSetUserPassword",
                        Map.of(
                                "UserPoolId",
                                poolId,
                                "Username",
                                "alice",
                                "Password",
                                "Str0ng!Passw0rd",
                                "Permanent",
                                true))
                .requireSuccess();

        Reply resent = createUser(
                poolId,
                Map.of("Username", "alice", "MessageAction", "RESEND", "DesiredDeliveryMediums", List.of("EMAIL")));

        assertThat(resent.error())
                .isEqualTo("400 UnsupportedUserStateException: Resend not possible. alice status is not"
                        + " FORCE_CHANGE_PASSWORD.");
    }

    @Test
    void resendToAnUnknownUserIsNotFound() {
        String poolId = this.fixture.createPool();

        assertThat(createUser(poolId, Map.of("Username", "ghost", "MessageAction", "RESEND"))
                        .error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void passwordPolicyIsCheckedBeforeTheUserIsLookedUp() {
        String poolId = this.fixture.createPool();

        Reply reply = this.fixture.call(
                "AdminSetUserPassword",
                Map.of("UserPoolId", poolId, "Username", "ghost", "Password", "short", "Permanent", true));

        assertThat(reply.error()).startsWith("400 InvalidPasswordException: Password does not conform to policy: ");
    }
}
