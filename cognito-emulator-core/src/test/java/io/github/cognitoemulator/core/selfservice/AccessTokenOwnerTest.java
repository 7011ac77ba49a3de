package io.github.cognitoemulator.core.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.SignInFixture.Tokens;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An access token stands for the user with its {@code sub}, and for nobody else: not for a user whose username
 * happens to be that sub.
 */
class AccessTokenOwnerTest {

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool();

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private final Tokens alice;

    private final String aliceSub;

    AccessTokenOwnerTest() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.alice = SignInFixture.tokens(this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD));
        this.aliceSub = (String) SignInFixture.payload(this.alice.accessToken()).get("sub");
        // Another user, named after alice's sub.
        this.fixture.createConfirmedUser(this.poolId, this.aliceSub, SignInFixture.OTHER_PASSWORD);
    }

    @Test
    void aUserNamedAfterTheTokensSubDoesNotTakeItsPlace() {
        assertThat(this.fixture.getUser(this.alice.accessToken()).string("Username"))
                .isEqualTo("alice");

        this.fixture
                .call("DeleteUser", Map.of("AccessToken", this.alice.accessToken()))
                .requireSuccess();

        assertThat(this.fixture.adminGetUser(this.poolId, "alice").error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
        assertThat(this.fixture.statusOf(this.poolId, this.aliceSub)).isEqualTo("CONFIRMED");
    }

    @Test
    void onceTheTokensUserIsGoneTheUserNamedAfterItsSubIsNotReachedThroughIt() {
        this.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(this.fixture.getUser(this.alice.accessToken()).string("__type"))
                .isEqualTo("NotAuthorizedException");
        assertThat(this.fixture.statusOf(this.poolId, this.aliceSub)).isEqualTo("CONFIRMED");
    }
}
