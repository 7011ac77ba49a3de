package io.github.cognitoemulator.core.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangePasswordTest {

    private static final String INCORRECT = "400 NotAuthorizedException: Incorrect username or password.";

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool();

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private String signIn() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        return SignInFixture.tokens(this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD))
                .accessToken();
    }

    private Reply changePassword(String accessToken, String previous, String proposed) {
        return this.fixture.call(
                "ChangePassword",
                Map.of("AccessToken", accessToken, "PreviousPassword", previous, "ProposedPassword", proposed));
    }

    @Test
    void rightPreviousPasswordChangesIt() {
        String accessToken = signIn();

        assertThat(changePassword(accessToken, SignInFixture.PASSWORD, SignInFixture.OTHER_PASSWORD)
                        .body())
                .isEqualTo("{}");

        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.OTHER_PASSWORD)
                        .status())
                .isEqualTo(200);
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.PASSWORD)
                        .error())
                .isEqualTo(INCORRECT);
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("CONFIRMED");
    }

    @Test
    void wrongPreviousPasswordIsNotAuthorized() {
        String accessToken = signIn();

        Reply reply = changePassword(accessToken, "Wr0ng!Password", SignInFixture.OTHER_PASSWORD);

        assertThat(reply.string("__type")).isEqualTo("NotAuthorizedException");
        assertThat(reply.error()).isEqualTo(INCORRECT);
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void weakProposedPasswordIsRefusedWithThePolicyMessage() {
        String accessToken = signIn();

        assertThat(changePassword(accessToken, SignInFixture.PASSWORD, "alllowercase1!")
                        .error())
                .isEqualTo("400 InvalidPasswordException: Password does not conform to policy: Password must have"
                        + " uppercase characters");
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void expiredAccessTokenCannotChangeThePassword() {
        String accessToken = signIn();
        this.fixture.clock().advance(Duration.ofHours(1));

        assertThat(changePassword(accessToken, SignInFixture.PASSWORD, SignInFixture.OTHER_PASSWORD)
                        .error())
                .isEqualTo("400 NotAuthorizedException: Access Token has expired");
    }
}
