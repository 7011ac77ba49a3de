package io.github.cognitoemulator.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.auth.IndependentSrpClient;
import io.github.cognitoemulator.core.store.PausingStore.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The races that concurrent requests can run into, each made to happen every time: a {@link PausingStore} holds
 * the racing requests at the step where they collide until all of them are there. Each store implementation runs
 * the whole suite.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class RaceConditionsContract {

    private EmulatorStore store;

    private PausingStore pausing;

    private SignInFixture fixture;

    private ExecutorService executor;

    private String poolId;

    /** A new, empty store of the kind under test. */
    protected abstract EmulatorStore newStore();

    @BeforeEach
    void start() {
        this.store = newStore();
        this.pausing = new PausingStore(this.store);
        this.fixture = SignInFixture.create(this.pausing);
        this.executor = Executors.newCachedThreadPool();
        this.poolId = this.fixture.createPool();
    }

    @AfterEach
    void stop() {
        this.executor.shutdownNow();
        this.store.close();
    }

    @SafeVarargs
    private List<Reply> concurrently(Callable<Reply>... calls) throws Exception {
        List<Future<Reply>> futures = new ArrayList<>();
        for (Callable<Reply> call : calls) {
            futures.add(this.executor.submit(call));
        }
        List<Reply> replies = new ArrayList<>();
        for (Future<Reply> future : futures) {
            replies.add(future.get(30, TimeUnit.SECONDS));
        }
        return replies;
    }

    private static List<String> outcomes(List<Reply> replies) {
        return replies.stream()
                .map((reply) -> (reply.status() == 200) ? "200" : reply.error())
                .toList();
    }

    private Reply admin(String action, String username, Map<String, ?> extra) {
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("UserPoolId", this.poolId);
        body.put("Username", username);
        return this.fixture.call(action, body);
    }

    /** Creates alice, confirmed with {@link SignInFixture#PASSWORD}, and returns the access token of a sign-in. */
    private String signedInAlice(AppClient client) {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        return SignInFixture.tokens(this.fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD))
                .accessToken();
    }

    private Reply changePassword(String accessToken) {
        return this.fixture.call(
                "ChangePassword",
                Map.of(
                        "AccessToken",
                        accessToken,
                        "PreviousPassword",
                        SignInFixture.PASSWORD,
                        "ProposedPassword",
                        SignInFixture.OTHER_PASSWORD));
    }

    @Test
    void aPasswordChangeDoesNotUndoAConcurrentDisable() throws Exception {
        AppClient client = this.fixture.createPasswordClient(this.poolId);
        String accessToken = signedInAlice(client);
        this.pausing.holdUntil(Operation.USER_WRITE, 2);

        List<Reply> replies =
                concurrently(() -> changePassword(accessToken), () -> admin("AdminDisableUser", "alice", Map.of()));

        assertThat(outcomes(replies)).containsExactly("200", "200");
        assertThat(this.fixture.adminGetUser(this.poolId, "alice").at("Enabled"))
                .isEqualTo(false);
        admin("AdminEnableUser", "alice", Map.of()).requireSuccess();
        assertThat(this.fixture
                        .signIn(client.id(), "alice", SignInFixture.OTHER_PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aPasswordChangeDoesNotBringBackAConcurrentlyDeletedUser() throws Exception {
        AppClient client = this.fixture.createPasswordClient(this.poolId);
        String accessToken = signedInAlice(client);
        this.pausing.holdUntil(Operation.USER_WRITE, 2);

        List<Reply> replies =
                concurrently(() -> changePassword(accessToken), () -> admin("AdminDeleteUser", "alice", Map.of()));

        assertThat(replies.get(1).status()).isEqualTo(200);
        assertThat(this.fixture.adminGetUser(this.poolId, "alice").error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
    }

    @Test
    void concurrentAttributeUpdatesBothLand() throws Exception {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.pausing.holdUntil(Operation.USER_WRITE, 2);

        List<Reply> replies = concurrently(
                () -> admin(
                        "AdminUpdateUserAttributes",
                        "alice",
                        Map.of("UserAttributes", List.of(Map.of("Name", "given_name", "Value", "Alice")))),
                () -> admin(
                        "AdminUpdateUserAttributes",
                        "alice",
                        Map.of("UserAttributes", List.of(Map.of("Name", "family_name", "Value", "Liddell")))));

        assertThat(outcomes(replies)).containsExactly("200", "200");
        assertThat(this.fixture.attributesOf(this.poolId, "alice"))
                .containsEntry("given_name", "Alice")
                .containsEntry("family_name", "Liddell");
    }

    @Test
    void concurrentSignUpsOfOneNameGiveOneUser() throws Exception {
        AppClient client = this.fixture.createClient(this.poolId, Map.of());
        this.pausing.holdUntil(Operation.USER_WRITE, 2);
        Callable<Reply> signUp = () -> this.fixture.call(
                "SignUp", Map.of("ClientId", client.id(), "Username", "alice", "Password", SignInFixture.PASSWORD));

        List<Reply> replies = concurrently(signUp, signUp);

        assertThat(outcomes(replies))
                .containsExactlyInAnyOrder("200", "400 UsernameExistsException: User already exists");
        assertThat(this.fixture
                        .call("ListUsers", Map.of("UserPoolId", this.poolId))
                        .list("Users"))
                .hasSize(1);
    }

    @Test
    void anSrpAnswerSignsInOnceWhenSentTwiceAtOnce() throws Exception {
        AppClient client = this.fixture.createClient(
                this.poolId, Map.of("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        IndependentSrpClient srp = new IndependentSrpClient(this.poolId, 42);
        Reply challenge = this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow",
                        "USER_SRP_AUTH",
                        "ClientId",
                        client.id(),
                        "AuthParameters",
                        Map.of("USERNAME", "alice", "SRP_A", srp.srpA())));
        Map<String, String> answer = srp.answer(
                challenge.map("ChallengeParameters"),
                SignInFixture.PASSWORD,
                IndependentSrpClient.timestamp(this.fixture.clock().instant()));
        Map<String, Object> body =
                Map.of("ClientId", client.id(), "ChallengeName", "PASSWORD_VERIFIER", "ChallengeResponses", answer);
        this.pausing.holdUntil(Operation.SESSION_TAKE, 2);

        List<Reply> replies = concurrently(
                () -> this.fixture.call("RespondToAuthChallenge", body),
                () -> this.fixture.call("RespondToAuthChallenge", body));

        assertThat(outcomes(replies))
                .containsExactlyInAnyOrder("200", "400 NotAuthorizedException: Incorrect username or password.");
    }

    @Test
    void aNewPasswordSessionIsRedeemedOnceWhenAnsweredTwiceAtOnce() throws Exception {
        AppClient client = this.fixture.createPasswordClient(this.poolId);
        this.fixture.createUser(this.poolId, "alice");
        String session = this.fixture
                .signIn(client.id(), "alice", SignInFixture.TEMPORARY_PASSWORD)
                .string("Session");
        this.pausing.holdUntil(Operation.SESSION_TAKE, 2);

        List<Reply> replies = concurrently(
                () -> answerNewPassword(client, session, SignInFixture.PASSWORD),
                () -> answerNewPassword(client, session, SignInFixture.OTHER_PASSWORD));

        assertThat(outcomes(replies))
                .containsExactlyInAnyOrder("200", "400 NotAuthorizedException: Invalid session for the user.");
        String winner = (replies.get(0).status() == 200) ? SignInFixture.PASSWORD : SignInFixture.OTHER_PASSWORD;
        String loser = winner.equals(SignInFixture.PASSWORD) ? SignInFixture.OTHER_PASSWORD : SignInFixture.PASSWORD;
        assertThat(this.fixture.signIn(client.id(), "alice", winner).status()).isEqualTo(200);
        assertThat(this.fixture.signIn(client.id(), "alice", loser).status()).isEqualTo(400);
    }

    private Reply answerNewPassword(AppClient client, String session, String password) {
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
                        Map.of("USERNAME", "alice", "NEW_PASSWORD", password)));
    }

    @Test
    void concurrentWrongCodesAreEachCounted() throws Exception {
        AppClient client = this.signUpClient();
        String code = this.fixture.latestCode(this.poolId, "alice");
        String wrong = code.equals("000000") ? "111111" : "000000";
        // ConfirmSignUp allows 15 wrong codes an hour per user. Seventeen attempts read an empty count and write it
        // at once: one write lands, the others read again, and exactly 15 are counted.
        int attempts = 17;
        this.pausing.holdUntil(Operation.RESOURCE_WRITE, attempts);
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            calls.add(() -> confirmSignUp(client, wrong));
        }

        List<Reply> replies = concurrently(calls.toArray(Callable[]::new));

        assertThat(outcomes(replies))
                .filteredOn("400 CodeMismatchException: Invalid verification code provided, please try again."::equals)
                .hasSize(15);
        assertThat(outcomes(replies))
                .filteredOn("400 LimitExceededException: Attempt limit exceeded, please try after some time."::equals)
                .hasSize(2);
        assertThat(confirmSignUp(client, code).error())
                .isEqualTo("400 LimitExceededException: Attempt limit exceeded, please try after some time.");
    }

    @Test
    void aCodeIsUsedOnceWhenPresentedTwiceAtOnce() throws Exception {
        AppClient client = this.signUpClient();
        String code = this.fixture.latestCode(this.poolId, "alice");
        this.pausing.holdUntil(Operation.CODE_TAKE, 2);

        List<Reply> replies = concurrently(() -> confirmSignUp(client, code), () -> confirmSignUp(client, code));

        assertThat(outcomes(replies))
                .containsExactlyInAnyOrder(
                        "200", "400 ExpiredCodeException: Invalid code provided, please request a code again.");
        assertThat(this.fixture.statusOf(this.poolId, "alice")).isEqualTo("CONFIRMED");
    }

    private AppClient signUpClient() {
        this.fixture.call(
                "DeleteUserPool", Map.of("UserPoolId", this.poolId)); // a pool that sends sign-up codes by email
        this.poolId = this.fixture.createPool(Map.of("AutoVerifiedAttributes", List.of("email")));
        AppClient client = this.fixture.createClient(this.poolId, Map.of());
        this.fixture
                .call(
                        "SignUp",
                        Map.of(
                                "ClientId",
                                client.id(),
                                "Username",
                                "alice",
                                "Password",
                                SignInFixture.PASSWORD,
                                "UserAttributes",
                                List.of(Map.of("Name", "email", "Value", "alice@example.com"))))
                .requireSuccess();
        return client;
    }

    private Reply confirmSignUp(AppClient client, String code) {
        return this.fixture.call(
                "ConfirmSignUp", Map.of("ClientId", client.id(), "Username", "alice", "ConfirmationCode", code));
    }
}
