package io.github.cognitoemulator.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordAuthenticationTest {

    private static final String INCORRECT = "400 NotAuthorizedException: Incorrect username or password.";

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool();

    private final AppClient client = this.fixture.createPasswordClient(this.poolId);

    private Reply initiateAuth(String action, String flow, AppClient client, Map<String, String> parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (action.startsWith("Admin")) {
            body.put("UserPoolId", this.poolId);
        }
        body.put("AuthFlow", flow);
        body.put("ClientId", client.id());
        body.put("AuthParameters", parameters);
        return this.fixture.call(action, body);
    }

    private Reply signIn(AppClient client, Map<String, String> parameters) {
        return initiateAuth("InitiateAuth", "USER_PASSWORD_AUTH", client, parameters);
    }

    @Test
    void rightPasswordIssuesTokens() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);

        Reply reply = this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD);

        assertThat(reply.map("ChallengeParameters")).isEmpty();
        assertThat(reply.json()).doesNotContainKeys("ChallengeName", "Session");
        assertThat(SignInFixture.tokens(reply).refreshToken()).isNotNull();
    }

    @Test
    void wrongPasswordIsIncorrect() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);

        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", "Wr0ng!Password")
                        .error())
                .isEqualTo(INCORRECT);
    }

    @Test
    void unknownUserDoesNotExist() {
        assertThat(this.fixture
                        .signIn(this.client.id(), "nobody", SignInFixture.PASSWORD)
                        .error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void unknownUserLooksLikeAWrongPasswordWhenTheClientPreventsUserExistenceErrors() {
        AppClient hiding =
                this.fixture.createPasswordClient(this.poolId, Map.of("PreventUserExistenceErrors", "ENABLED"));

        assertThat(this.fixture
                        .signIn(hiding.id(), "nobody", SignInFixture.PASSWORD)
                        .error())
                .isEqualTo(INCORRECT);
    }

    @Test
    void unconfirmedUserIsToldSoEvenWithAWrongPassword() {
        this.fixture
                .call(
                        "SignUp",
                        Map.of("ClientId", this.client.id(), "Username", "alice", "Password", SignInFixture.PASSWORD))
                .requireSuccess();

        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.PASSWORD)
                        .error())
                .isEqualTo("400 UserNotConfirmedException: User is not confirmed.");
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", "Wr0ng!Password")
                        .error())
                .isEqualTo("400 UserNotConfirmedException: User is not confirmed.");
    }

    @Test
    void userPasswordFlowMustBeEnabledOnTheClient() {
        AppClient srpOnly = this.fixture.createClient(
                this.poolId, Map.of("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);

        assertThat(this.fixture
                        .signIn(srpOnly.id(), "alice", SignInFixture.PASSWORD)
                        .error())
                .isEqualTo("400 InvalidParameterException: USER_PASSWORD_AUTH flow not enabled for this client");
    }

    @Test
    void clientWithDefaultFlowsDoesNotAllowUserPasswordAuth() {
        AppClient defaults = this.fixture.createClient(this.poolId, Map.of());
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);

        assertThat(this.fixture
                        .signIn(defaults.id(), "alice", SignInFixture.PASSWORD)
                        .error())
                .isEqualTo("400 InvalidParameterException: USER_PASSWORD_AUTH flow not enabled for this client");
    }

    @Test
    void adminPasswordFlowMustBeEnabledOnTheClient() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);

        Reply reply = initiateAuth(
                "AdminInitiateAuth",
                "ADMIN_USER_PASSWORD_AUTH",
                this.client,
                Map.of("USERNAME", "alice", "PASSWORD", SignInFixture.PASSWORD));

        assertThat(reply.error()).isEqualTo("400 InvalidParameterException: Auth flow not enabled for this client");
    }

    @Test
    void adminPasswordFlowsIssueTokensWhenEnabled() {
        AppClient admin = this.fixture.createClient(
                this.poolId,
                Map.of("ExplicitAuthFlows", List.of("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        Map<String, String> credentials = Map.of("USERNAME", "alice", "PASSWORD", SignInFixture.PASSWORD);

        for (String flow : List.of("ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH")) {
            Reply reply = initiateAuth("AdminInitiateAuth", flow, admin, credentials);
            assertThat(SignInFixture.tokens(reply).accessToken()).as(flow).isNotEmpty();
        }
    }

    @Test
    void adminPasswordFlowRejectsAWrongPassword() {
        AppClient admin = this.fixture.createClient(
                this.poolId,
                Map.of("ExplicitAuthFlows", List.of("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);

        Reply reply = initiateAuth(
                "AdminInitiateAuth",
                "ADMIN_USER_PASSWORD_AUTH",
                admin,
                Map.of("USERNAME", "alice", "PASSWORD", "Wr0ng!Password"));

        assertThat(reply.error()).isEqualTo(INCORRECT);
    }

    @Test
    void adminFlowsAreNotInitiateAuthFlows() {
        AppClient admin = this.fixture.createClient(
                this.poolId,
                Map.of("ExplicitAuthFlows", List.of("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);

        for (String flow : List.of("ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH")) {
            Reply reply = initiateAuth(
                    "InitiateAuth", flow, admin, Map.of("USERNAME", "alice", "PASSWORD", SignInFixture.PASSWORD));
            assertThat(reply.string("__type")).as(flow).isEqualTo("InvalidParameterException");
        }
    }

    @Test
    void missingUsernameOrPasswordIsNamed() {
        assertThat(signIn(this.client, Map.of("PASSWORD", SignInFixture.PASSWORD))
                        .error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter USERNAME");
        assertThat(signIn(this.client, Map.of("USERNAME", "alice")).error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter PASSWORD");
    }

    @Test
    void secretClientWithoutSecretHashIsRefused() {
        AppClient secret = this.fixture.createPasswordClient(this.poolId, Map.of("GenerateSecret", true));
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);

        assertThat(signIn(secret, Map.of("USERNAME", "alice", "PASSWORD", SignInFixture.PASSWORD))
                        .error())
                .isEqualTo("400 NotAuthorizedException: Client " + secret.id()
                        + " is configured with secret but SECRET_HASH was not received");
    }

    @Test
    void secretClientWithAWrongSecretHashIsRefused() {
        AppClient secret = this.fixture.createPasswordClient(this.poolId, Map.of("GenerateSecret", true));
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        String ofAnotherUser = SignInFixture.secretHash(secret.secret(), "bob", secret.id());

        Reply reply = signIn(
                secret, Map.of("USERNAME", "alice", "PASSWORD", SignInFixture.PASSWORD, "SECRET_HASH", ofAnotherUser));

        assertThat(reply.error())
                .isEqualTo("400 NotAuthorizedException: Unable to verify secret hash for client " + secret.id());
    }

    @Test
    void secretClientWithTheRightSecretHashSignsIn() {
        AppClient secret = this.fixture.createPasswordClient(this.poolId, Map.of("GenerateSecret", true));
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        String hash = SignInFixture.secretHash(secret.secret(), "alice", secret.id());

        Reply reply =
                signIn(secret, Map.of("USERNAME", "alice", "PASSWORD", SignInFixture.PASSWORD, "SECRET_HASH", hash));

        assertThat(SignInFixture.tokens(reply).accessToken()).isNotEmpty();
    }

    @Test
    void emailUsernamePoolSignsInWithTheEmailAndNamesTheUserByItsSub() {
        String emailPool = this.fixture.createPool(Map.of("UsernameAttributes", List.of("email")));
        AppClient emailClient = this.fixture.createPasswordClient(emailPool);
        this.fixture.createConfirmedUser(emailPool, "alice@example.com", SignInFixture.PASSWORD);
        String sub = this.fixture.attributesOf(emailPool, "alice@example.com").get("sub");

        String accessToken = SignInFixture.tokens(
                        this.fixture.signIn(emailClient.id(), "alice@example.com", SignInFixture.PASSWORD))
                .accessToken();

        assertThat(SignInFixture.payload(accessToken)).containsEntry("username", sub);
    }

    @Test
    void unknownClientIsNotFound() {
        AppClient unknown = new AppClient("unknownclient0000000000000", null);

        assertThat(signIn(unknown, Map.of("USERNAME", "alice", "PASSWORD", SignInFixture.PASSWORD))
                        .error())
                .isEqualTo(
                        "400 ResourceNotFoundException: User pool client unknownclient0000000000000 does not exist.");
    }

    @Test
    void signingInChangesNothingAboutTheUser() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD, "email", "alice@example.com");
        EmulatorFixture.Reply before = this.fixture.adminGetUser(this.poolId, "alice");

        this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD).requireSuccess();

        assertThat(this.fixture.adminGetUser(this.poolId, "alice").body()).isEqualTo(before.body());
    }

    @Test
    void disabledUserCannotSignInOrRefreshUntilEnabledAgain() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        String refreshToken = SignInFixture.tokens(
                        this.fixture.signIn(this.client.id(), "alice", SignInFixture.PASSWORD))
                .refreshToken();
        Map<String, String> alice = Map.of("UserPoolId", this.poolId, "Username", "alice");

        this.fixture.call("AdminDisableUser", alice).requireSuccess();
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.PASSWORD)
                        .error())
                .isEqualTo("400 NotAuthorizedException: User is disabled.");
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", "Wr0ng!Password")
                        .error())
                .isEqualTo("400 NotAuthorizedException: User is disabled.");
        assertThat(this.fixture.refresh(this.client.id(), refreshToken).error())
                .isEqualTo("400 NotAuthorizedException: User is disabled.");

        this.fixture.call("AdminEnableUser", alice).requireSuccess();
        assertThat(this.fixture
                        .signIn(this.client.id(), "alice", SignInFixture.PASSWORD)
                        .status())
                .isEqualTo(200);
    }
}
