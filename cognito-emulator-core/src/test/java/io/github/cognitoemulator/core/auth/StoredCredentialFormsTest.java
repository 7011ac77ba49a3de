package io.github.cognitoemulator.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.password.PasswordCredential;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserStore.UserChange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sign-ins against each form a stored password takes: with a check (every password set now), without one (stored
 * before checks existed), and a temporary password kept as its private value until an SRP sign-in needs the verifier.
 */
class StoredCredentialFormsTest {

    private final InMemoryStore store = new InMemoryStore();

    private final SignInFixture fixture = SignInFixture.create(this.store);

    private final String poolId = this.fixture.createPool();

    private final AppClient client = this.fixture.createClient(
            this.poolId,
            Map.of(
                    "ExplicitAuthFlows",
                    List.of("ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));

    private final IndependentSrpClient srp = new IndependentSrpClient(this.poolId, 7);

    private User stored(String username) {
        return this.store.users().findByKey(this.poolId, "username:" + username).orElseThrow();
    }

    private Reply srpSignIn(String username, String password) {
        Reply challenge = this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow",
                        "USER_SRP_AUTH",
                        "ClientId",
                        this.client.id(),
                        "AuthParameters",
                        Map.of("USERNAME", username, "SRP_A", this.srp.srpA())));
        assertThat(challenge.string("ChallengeName")).as(challenge.body()).isEqualTo("PASSWORD_VERIFIER");
        return this.fixture.call(
                "RespondToAuthChallenge",
                Map.of(
                        "ClientId",
                        this.client.id(),
                        "ChallengeName",
                        "PASSWORD_VERIFIER",
                        "ChallengeResponses",
                        this.srp.answer(
                                challenge.map("ChallengeParameters"),
                                password,
                                IndependentSrpClient.timestamp(
                                        this.fixture.clock().instant()))));
    }

    @Test
    void aPermanentPasswordIsStoredWithVerifierAndCheck() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);

        PasswordCredential credential = stored("alice").password();
        assertThat(credential.verifier()).isNotNull();
        assertThat(credential.check()).hasSize(64);
        assertThat(credential.privateKey()).isNull();
        assertThat(SignInFixture.tokens(this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD))
                        .accessToken())
                .isNotEmpty();
        assertThat(SignInFixture.tokens(srpSignIn("alice", SignInFixture.PASSWORD))
                        .accessToken())
                .isNotEmpty();
    }

    @Test
    void aPasswordStoredBeforeChecksExistedStillSignsIn() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        User current = stored("alice");
        var old = new PasswordCredential(
                current.password().salt(), current.password().verifier());
        User updated = new User(
                        current.userPoolId(),
                        current.username(),
                        current.sub(),
                        current.attributes(),
                        current.status(),
                        current.enabled(),
                        current.createDate(),
                        current.lastModifiedDate(),
                        old,
                        current.passwordSetDate(),
                        current.version())
                .nextVersion();
        this.store.users().write(List.of(new UserChange.Replace(current, updated, List.of("username:alice"))));

        assertThat(stored("alice").password().check()).isNull();
        assertThat(SignInFixture.tokens(this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD))
                        .accessToken())
                .isNotEmpty();
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.OTHER_PASSWORD)
                        .error())
                .isEqualTo("400 NotAuthorizedException: Incorrect username or password.");
        assertThat(SignInFixture.tokens(srpSignIn("alice", SignInFixture.PASSWORD))
                        .accessToken())
                .isNotEmpty();
    }

    @Test
    void aTemporaryPasswordDefersItsVerifierAndStillAnswersSrp() {
        this.fixture.createUser(this.poolId, "alice");

        PasswordCredential temporary = stored("alice").password();
        assertThat(temporary.verifier()).isNull();
        assertThat(temporary.privateKey()).isNotNull();
        Reply reply = srpSignIn("alice", SignInFixture.TEMPORARY_PASSWORD);
        assertThat(reply.string("ChallengeName")).as(reply.body()).isEqualTo("NEW_PASSWORD_REQUIRED");
        assertThat(srpSignIn("alice", SignInFixture.OTHER_PASSWORD).error())
                .isEqualTo("400 NotAuthorizedException: Incorrect username or password.");
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.TEMPORARY_PASSWORD)
                        .string("ChallengeName"))
                .isEqualTo("NEW_PASSWORD_REQUIRED");
    }

    @Test
    void aTemporaryPasswordSetByTheAdministratorIsDeferredAndAPermanentOneIsNot() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.fixture
                .call(
                        "AdminSetUserPassword",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "Username",
                                "alice",
                                "Password",
                                SignInFixture.OTHER_PASSWORD,
                                "Permanent",
                                false))
                .requireSuccess();

        assertThat(stored("alice").password().verifier()).isNull();
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.OTHER_PASSWORD)
                        .string("ChallengeName"))
                .isEqualTo("NEW_PASSWORD_REQUIRED");
    }
}
