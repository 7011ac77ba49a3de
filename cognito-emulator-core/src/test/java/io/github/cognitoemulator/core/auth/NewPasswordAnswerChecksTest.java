package io.github.cognitoemulator.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an answer to NEW_PASSWORD_REQUIRED must get right before it sets a password and gets tokens. */
class NewPasswordAnswerChecksTest {

    private static final String INVALID_SESSION = "400 NotAuthorizedException: Invalid session for the user.";

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool();

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private String session(AppClient client, String username) {
        Reply reply = this.fixture.signIn(client.id(), username, SignInFixture.TEMPORARY_PASSWORD);
        assertThat(reply.string("ChallengeName")).as(reply.body()).isEqualTo("NEW_PASSWORD_REQUIRED");
        return reply.string("Session");
    }

    private Reply respond(AppClient client, String session, String username, String newPassword, String... attributes) {
        Map<String, String> responses = new LinkedHashMap<>();
        responses.put("USERNAME", username);
        responses.put("NEW_PASSWORD", newPassword);
        for (int i = 0; i < attributes.length; i += 2) {
            responses.put("userAttributes." + attributes[i], attributes[i + 1]);
        }
        return this.fixture.call(
                "RespondToAuthChallenge",
                Map.of(
                        "ClientId",
                        client.id(),
                        "ChallengeName",
                        "NEW_PASSWORD_REQUIRED",
                        "Session",
                        session,
                        "ChallengeResponses",
                        responses));
    }

    @Test
    void answerNamingAnotherUserIsRefused() {
        // The session is alice's: naming bob must not set alice's password in bob's name, nor bob's.
        this.fixture.createUser(this.poolId, "alice");
        this.fixture.createUser(this.poolId, "bob");
        String session = session(this.client, "alice");

        assertThat(respond(this.client, session, "bob", SignInFixture.PASSWORD).error())
                .isEqualTo(INVALID_SESSION);
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(this.fixture.statusOf(this.poolId, "bob")).isEqualTo("FORCE_CHANGE_PASSWORD");
    }

    @Test
    void answerMayNameTheUserByItsSignInEmail() {
        String emailPool = this.fixture.createPool(Map.of("UsernameAttributes", List.of("email")));
        AppClient emailClient = this.fixture.createPasswordClient(emailPool);
        this.fixture.createUser(emailPool, "alice@example.com");
        String session = session(emailClient, "alice@example.com");

        Reply reply = respond(emailClient, session, "alice@example.com", SignInFixture.PASSWORD);

        assertThat(SignInFixture.tokens(reply).accessToken()).isNotEmpty();
        assertThat(this.fixture.statusOf(emailPool, "alice@example.com")).isEqualTo("CONFIRMED");
    }

    @Test
    void refusedWeakPasswordLeavesTheSessionOpenForACorrectedAnswer() {
        this.fixture.createUser(this.poolId, "alice");
        String session = session(this.client, "alice");

        assertThat(respond(this.client, session, "alice", "weak").error())
                .isEqualTo("400 InvalidPasswordException: Password does not conform to policy: Password not long"
                        + " enough");

        assertThat(SignInFixture.tokens(respond(this.client, session, "alice", SignInFixture.PASSWORD))
                        .accessToken())
                .isNotEmpty();
    }

    @Test
    void attributesSentWithTheAnswerAreChecked() {
        this.fixture.createUser(this.poolId, "alice");
        String session = session(this.client, "alice");

        assertThat(respond(this.client, session, "alice", SignInFixture.PASSWORD, "email", "not-an-email")
                        .error())
                .isEqualTo("400 InvalidParameterException: Invalid email address format.");
        assertThat(respond(this.client, session, "alice", SignInFixture.PASSWORD, "custom:level", "9")
                        .error())
                .isEqualTo("400 InvalidParameterException: Attributes did not conform to the schema: custom:level:"
                        + " Attribute does not exist in the schema.");
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(this.fixture.attributesOf(this.poolId, "alice")).doesNotContainKeys("email", "custom:level");
    }

    @Test
    void temporaryPasswordValidityCountsFromWhenItWasSet() {
        // Pool default: seven days. A temporary password set again on day six is good until day thirteen.
        this.fixture.createUser(this.poolId, "alice");
        this.fixture.clock().advance(Duration.ofDays(6));
        this.fixture
                .call(
                        "AdminSetUserPassword",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "Username",
                                "alice",
                                "Password",
                                SignInFixture.TEMPORARY_PASSWORD,
                                "Permanent",
                                false))
                .requireSuccess();

        this.fixture.clock().advance(Duration.ofDays(2));
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.TEMPORARY_PASSWORD)
                        .string("ChallengeName"))
                .isEqualTo("NEW_PASSWORD_REQUIRED");

        this.fixture.clock().advance(Duration.ofDays(5));
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.TEMPORARY_PASSWORD)
                        .error())
                .isEqualTo("400 NotAuthorizedException: Temporary password has expired and must be reset by an"
                        + " administrator.");
    }

    @Test
    void userNamedAfterTheSubOfTheChallengedUserDoesNotTakeOverTheSession() {
        this.fixture.createUser(this.poolId, "alice");
        String aliceSub = this.fixture.attributesOf(this.poolId, "alice").get("sub");
        this.fixture.createUser(this.poolId, aliceSub);
        String session = session(this.client, "alice");

        assertThat(respond(this.client, session, aliceSub, SignInFixture.PASSWORD)
                        .error())
                .isEqualTo(INVALID_SESSION);
        Reply reply = respond(this.client, session, "alice", SignInFixture.PASSWORD);

        assertThat(SignInFixture.payload(SignInFixture.tokens(reply).idToken()))
                .containsEntry("sub", aliceSub)
                .containsEntry("cognito:username", "alice");
        assertThat(this.fixture.statusOf(this.poolId, aliceSub)).isEqualTo("FORCE_CHANGE_PASSWORD");
    }
}
