package io.github.cognitoemulator.core.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.SignInFixture.Tokens;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeleteUserTest {

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool();

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private Tokens signIn() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        return SignInFixture.tokens(this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD));
    }

    @Test
    void deletedUserIsGone() {
        Tokens tokens = signIn();

        assertThat(this.fixture
                        .call("DeleteUser", Map.of("AccessToken", tokens.accessToken()))
                        .body())
                .isEqualTo("{}");

        assertThat(this.fixture.adminGetUser(this.poolId, "alice").error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.PASSWORD)
                        .error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void tokensOfTheDeletedUserStopWorking() {
        Tokens tokens = signIn();
        this.fixture
                .call("DeleteUser", Map.of("AccessToken", tokens.accessToken()))
                .requireSuccess();

        assertThat(this.fixture.getUser(tokens.accessToken()).string("__type")).isEqualTo("NotAuthorizedException");
        assertThat(this.fixture
                        .call("DeleteUser", Map.of("AccessToken", tokens.accessToken()))
                        .string("__type"))
                .isEqualTo("NotAuthorizedException");
        assertThat(this.fixture.refresh(this.client.id(), tokens.refreshToken()).string("__type"))
                .isEqualTo("NotAuthorizedException");
    }

    @Test
    void usernameIsFreeAgainAfterDeletion() {
        Tokens tokens = signIn();
        this.fixture
                .call("DeleteUser", Map.of("AccessToken", tokens.accessToken()))
                .requireSuccess();

        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.OTHER_PASSWORD);

        Tokens again =
                SignInFixture.tokens(this.fixture.signIn(this.client.id(), "alice", SignInFixture.OTHER_PASSWORD));
        assertThat(this.fixture.getUser(again.accessToken()).string("Username")).isEqualTo("alice");
        assertThat(this.fixture.getUser(tokens.accessToken()).string("__type")).isEqualTo("NotAuthorizedException");
    }
}
