package io.github.cognitoemulator.core.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminResetAndDisableTest {

    private static final String NEW_PASSWORD = "N3w!Passw0rd";

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool(Map.of("AutoVerifiedAttributes", List.of("email")));

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private Reply admin(String action) {
        return this.fixture.call(action, Map.of("UserPoolId", this.poolId, "Username", "alice"));
    }

    @Test
    void aResetUserMustConfirmANewPasswordWithTheCodeSentToThem() {
        this.fixture.createConfirmedUser(
                this.poolId, "alice", SignInFixture.PASSWORD, "email", "alice@example.com", "email_verified", "true");

        assertThat(admin("AdminResetUserPassword").status()).isEqualTo(200);
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("RESET_REQUIRED");
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.PASSWORD)
                        .error())
                .isEqualTo("400 PasswordResetRequiredException: Password reset required for the user");

        Reply confirmed = this.fixture.call(
                "ConfirmForgotPassword",
                Map.of(
                        "ClientId",
                        this.client.id(),
                        "Username",
                        "alice",
                        "ConfirmationCode",
                        this.fixture.latestCode(this.poolId, "alice"),
                        "Password",
                        NEW_PASSWORD));

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("CONFIRMED");
        assertThat(this.fixture.signIn(this.client.id(), "alice", NEW_PASSWORD).status())
                .isEqualTo(200);
    }

    @Test
    void aClientThatHidesUsersAnswersAResetUserLikeAWrongPassword() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        AppClient hiding =
                this.fixture.createPasswordClient(this.poolId, Map.of("PreventUserExistenceErrors", "ENABLED"));
        admin("AdminResetUserPassword");

        assertThat(this.fixture
                        .signIn(hiding.id(), "alice", SignInFixture.PASSWORD)
                        .error())
                .isEqualTo("400 NotAuthorizedException: Incorrect username or password.");
    }

    @Test
    void aUserWhoMustStillChangeATemporaryPasswordCannotBeReset() {
        this.fixture.createUser(this.poolId, "alice");

        assertThat(admin("AdminResetUserPassword").error())
                .isEqualTo("400 NotAuthorizedException: User password cannot be reset in the current state.");
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("FORCE_CHANGE_PASSWORD");
    }

    @Test
    void aDisabledUserCannotSignInNorUseItsTokensUntilEnabledAgain() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        String accessToken = SignInFixture.tokens(
                        this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD))
                .accessToken();

        assertThat(admin("AdminDisableUser").status()).isEqualTo(200);

        assertThat(this.fixture.adminGetUser(this.poolId, "alice").at("Enabled"))
                .isEqualTo(false);
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.PASSWORD)
                        .error())
                .isEqualTo("400 NotAuthorizedException: User is disabled.");
        assertThat(this.fixture.getUser(accessToken).error())
                .isEqualTo("400 NotAuthorizedException: Access Token has been revoked");
        assertThat(admin("AdminResetUserPassword").error()).isEqualTo("400 NotAuthorizedException: User is disabled");

        assertThat(admin("AdminEnableUser").status()).isEqualTo(200);

        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.PASSWORD)
                        .status())
                .isEqualTo(200);
    }
}
