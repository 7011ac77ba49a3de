package io.github.cognitoemulator.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cognito's lockout after failed sign-ins. The developer guide ("Amazon Cognito lockout behavior for failed sign-in
 * attempts", amazon-cognito-user-pools-authentication-flow): after five failed sign-in attempts the user is locked
 * out for one second, and the lockout doubles after each further failed attempt, up to about 15 minutes; for n failed
 * attempts it is 2^(n-5) seconds. Attempts during a lockout get "Password attempts exceeded" and do not change later
 * lockouts. The lockout returns to its initial state once the user has not attempted to sign in for 15 consecutive
 * minutes. The guide says nothing of a successful sign-in starting the count again, so one does not.
 */
class SignInLockoutTest {

    private static final String WRONG = "Wr0ng!Password";

    private static final String INCORRECT = "400 NotAuthorizedException: Incorrect username or password.";

    private static final String LOCKED = "400 NotAuthorizedException: Password attempts exceeded";

    private final InMemoryStore store = new InMemoryStore();

    private final SignInFixture fixture = SignInFixture.create(this.store);

    private final String poolId = this.fixture.createPool();

    private final AppClient client = this.fixture.createClient(
            this.poolId,
            Map.of(
                    "ExplicitAuthFlows",
                    List.of(
                            "ALLOW_USER_PASSWORD_AUTH",
                            "ALLOW_ADMIN_USER_PASSWORD_AUTH",
                            "ALLOW_USER_SRP_AUTH",
                            "ALLOW_REFRESH_TOKEN_AUTH")));

    private final String sub;

    SignInLockoutTest() {
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        this.sub = this.fixture.attributesOf(this.poolId, "alice").get("sub");
    }

    @AfterEach
    void close() {
        this.store.close();
    }

    private String signIn(String password) {
        Reply reply = this.fixture.signIn(this.client.id(), "alice", password);
        return (reply.status() == 200) ? "tokens" : reply.error();
    }

    private String adminSignIn(String password) {
        Reply reply = this.fixture.call(
                "AdminInitiateAuth",
                Map.of(
                        "UserPoolId",
                        this.poolId,
                        "ClientId",
                        this.client.id(),
                        "AuthFlow",
                        "ADMIN_USER_PASSWORD_AUTH",
                        "AuthParameters",
                        Map.of("USERNAME", "alice", "PASSWORD", password)));
        return (reply.status() == 200) ? "tokens" : reply.error();
    }

    private String srpSignIn(String password) {
        IndependentSrpClient srp = new IndependentSrpClient(this.poolId, 11);
        Reply challenge = this.fixture.call(
                "InitiateAuth",
                Map.of(
                        "AuthFlow",
                        "USER_SRP_AUTH",
                        "ClientId",
                        this.client.id(),
                        "AuthParameters",
                        Map.of("USERNAME", "alice", "SRP_A", srp.srpA())));
        Map<String, String> answer = srp.answer(
                challenge.map("ChallengeParameters"),
                password,
                IndependentSrpClient.timestamp(this.fixture.clock().instant()));
        Reply reply = this.fixture.call(
                "RespondToAuthChallenge",
                Map.of(
                        "ClientId",
                        this.client.id(),
                        "ChallengeName",
                        "PASSWORD_VERIFIER",
                        "ChallengeResponses",
                        answer));
        return (reply.status() == 200) ? "tokens" : reply.error();
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(signIn(WRONG)).isEqualTo(INCORRECT);
        }
    }

    private Optional<FailedSignIns> record() {
        return this.store
                .resources()
                .find(SignInLockout.KIND, this.poolId + "/" + this.sub)
                .map(Resource::value);
    }

    private void advance(Duration amount) {
        this.fixture.clock().advance(amount);
    }

    @Test
    void fourWrongPasswordsLeaveTheRightOneWorking() {
        fail(4);

        assertThat(signIn(SignInFixture.PASSWORD)).isEqualTo("tokens");
        assertThat(record()).get().extracting(FailedSignIns::failures).isEqualTo(4);
    }

    @Test
    void theFifthWrongPasswordIsIncorrectAndThenLocksOutTheRightOneForOneSecond() {
        fail(5);
        Instant fifth = this.fixture.clock().instant();

        assertThat(signIn(SignInFixture.PASSWORD)).isEqualTo(LOCKED);
        advance(Duration.ofMillis(999));
        assertThat(signIn(SignInFixture.PASSWORD)).isEqualTo(LOCKED);
        assertThat(record())
                .contains(new FailedSignIns(this.poolId, this.sub, 5, fifth.plusMillis(999), fifth.plusSeconds(1)));
        advance(Duration.ofMillis(1));
        assertThat(signIn(SignInFixture.PASSWORD)).isEqualTo("tokens");
    }

    @Test
    void eachWrongPasswordAfterALockoutDoublesItUpToFifteenMinutes() {
        fail(4);
        long[] lockouts = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900};
        for (int i = 0; i < lockouts.length; i++) {
            assertThat(signIn(WRONG)).as("failure %d", i + 5).isEqualTo(INCORRECT);
            advance(Duration.ofSeconds(lockouts[i]).minusMillis(1));
            // Refused attempts, right or wrong, neither count nor lengthen the lockout.
            assertThat(signIn(SignInFixture.PASSWORD)).as("failure %d", i + 5).isEqualTo(LOCKED);
            assertThat(signIn(WRONG)).as("failure %d", i + 5).isEqualTo(LOCKED);
            advance(Duration.ofMillis(1));
            assertThat(signIn(SignInFixture.PASSWORD)).as("failure %d", i + 5).isEqualTo("tokens");
        }
        assertThat(record()).get().extracting(FailedSignIns::failures).isEqualTo(17);
    }

    @Test
    void lockoutDurationsFollowTheGuide() {
        assertThat(SignInLockout.lockoutAfter(1)).isZero();
        assertThat(SignInLockout.lockoutAfter(4)).isZero();
        assertThat(SignInLockout.lockoutAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInLockout.lockoutAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SignInLockout.lockoutAfter(14)).isEqualTo(Duration.ofSeconds(512));
        assertThat(SignInLockout.lockoutAfter(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(SignInLockout.lockoutAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void fifteenQuietMinutesStartTheCountAgain() {
        fail(5);
        advance(Duration.ofMinutes(15));

        fail(4);
        assertThat(signIn(SignInFixture.PASSWORD)).isEqualTo("tokens");
        assertThat(record()).get().extracting(FailedSignIns::failures).isEqualTo(4);
    }

    @Test
    void anAttemptJustBeforeTheQuietPeriodEndsKeepsTheCount() {
        fail(5);
        advance(Duration.ofMinutes(15).minusMillis(1));

        fail(1);
        assertThat(signIn(SignInFixture.PASSWORD)).isEqualTo(LOCKED);
        assertThat(record()).get().extracting(FailedSignIns::failures).isEqualTo(6);
    }

    @Test
    void attemptsRefusedDuringALockoutKeepTheCountFromStartingAgain() {
        fail(4);
        advance(Duration.ofMinutes(1));
        // The fifth failure locks out for a second; a refused attempt at its end is an attempt all the same.
        fail(1);
        advance(Duration.ofMillis(999));
        assertThat(signIn(SignInFixture.PASSWORD)).isEqualTo(LOCKED);
        advance(Duration.ofMinutes(15).minusMillis(1));

        fail(1);
        assertThat(record()).get().extracting(FailedSignIns::failures).isEqualTo(6);
    }

    @Test
    void aSuccessfulSignInDoesNotStartTheCountAgainButIsAnAttempt() {
        fail(5);
        advance(Duration.ofSeconds(1));
        assertThat(signIn(SignInFixture.PASSWORD)).isEqualTo("tokens");
        advance(Duration.ofMinutes(15).minusMillis(1));

        fail(1);
        assertThat(signIn(SignInFixture.PASSWORD)).isEqualTo(LOCKED);
        assertThat(record()).get().extracting(FailedSignIns::failures).isEqualTo(6);
    }

    @Test
    void aSuccessfulSignInAfterTheQuietPeriodRemovesTheRecord() {
        fail(3);
        advance(Duration.ofMinutes(15));

        assertThat(signIn(SignInFixture.PASSWORD)).isEqualTo("tokens");
        assertThat(record()).isEmpty();
    }

    @Test
    void aRightSrpAnswerAfterTheQuietPeriodRemovesTheRecordToo() {
        fail(3);
        advance(Duration.ofMinutes(15));

        assertThat(srpSignIn(SignInFixture.PASSWORD)).isEqualTo("tokens");
        assertThat(record()).isEmpty();
    }

    @Test
    void aSuccessfulSignInWithoutFailuresWritesNothing() {
        assertThat(signIn(SignInFixture.PASSWORD)).isEqualTo("tokens");

        assertThat(record()).isEmpty();
    }

    @Test
    void theRecordGoesWithTheUser() {
        fail(5);
        assertThat(record()).isPresent();

        this.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(record()).isEmpty();
    }

    @Test
    void everyPasswordFlowCountsTowardsTheSameLockout() {
        assertThat(signIn(WRONG)).isEqualTo(INCORRECT);
        assertThat(adminSignIn(WRONG)).isEqualTo(INCORRECT);
        assertThat(srpSignIn(WRONG)).isEqualTo(INCORRECT);
        assertThat(adminSignIn(WRONG)).isEqualTo(INCORRECT);
        assertThat(srpSignIn(WRONG)).isEqualTo(INCORRECT);

        assertThat(signIn(SignInFixture.PASSWORD)).isEqualTo(LOCKED);
        assertThat(adminSignIn(SignInFixture.PASSWORD)).isEqualTo(LOCKED);
        assertThat(srpSignIn(SignInFixture.PASSWORD)).isEqualTo(LOCKED);
        assertThat(record()).get().extracting(FailedSignIns::failures).isEqualTo(5);
        advance(Duration.ofSeconds(1));
        assertThat(srpSignIn(SignInFixture.PASSWORD)).isEqualTo("tokens");
        assertThat(adminSignIn(SignInFixture.PASSWORD)).isEqualTo("tokens");
    }

    @Test
    void aRightSrpAnswerDuringTheLockoutIsRefusedAndNotCounted() {
        for (int i = 0; i < 5; i++) {
            assertThat(srpSignIn(WRONG)).isEqualTo(INCORRECT);
        }

        assertThat(srpSignIn(SignInFixture.PASSWORD)).isEqualTo(LOCKED);
        assertThat(srpSignIn(WRONG)).isEqualTo(LOCKED);
        assertThat(record()).get().extracting(FailedSignIns::failures).isEqualTo(5);
    }

    @Test
    void choiceBasedSignInWithAPasswordCountsToo() {
        String poolId = this.fixture.createPool(
                Map.of("Policies", Map.of("SignInPolicy", Map.of("AllowedFirstAuthFactors", List.of("PASSWORD")))));
        AppClient client = this.fixture.createClient(
                poolId, Map.of("ExplicitAuthFlows", List.of("ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));
        this.fixture.createConfirmedUser(poolId, "bob", SignInFixture.PASSWORD);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("USERNAME", "bob");
        parameters.put("PREFERRED_CHALLENGE", "PASSWORD");
        List<String> outcomes = new ArrayList<>();
        for (String password : List.of(WRONG, WRONG, WRONG, WRONG, WRONG, SignInFixture.PASSWORD)) {
            parameters.put("PASSWORD", password);
            Reply reply = this.fixture.call(
                    "InitiateAuth",
                    Map.of("AuthFlow", "USER_AUTH", "ClientId", client.id(), "AuthParameters", parameters));
            outcomes.add((reply.status() == 200) ? "tokens" : reply.error());
        }

        assertThat(outcomes).containsExactly(INCORRECT, INCORRECT, INCORRECT, INCORRECT, INCORRECT, LOCKED);
    }

    @Test
    void anUnknownUserLeavesNoRecord() {
        AppClient hiding =
                this.fixture.createPasswordClient(this.poolId, Map.of("PreventUserExistenceErrors", "ENABLED"));
        for (int i = 0; i < 6; i++) {
            assertThat(this.fixture.signIn(hiding.id(), "nobody", WRONG).error())
                    .isEqualTo(INCORRECT);
        }

        assertThat(this.store.resources().list(SignInLockout.KIND, this.poolId)).isEmpty();
    }

    @Test
    void aDisabledUserIsToldSoBeforeTheLockout() {
        fail(5);
        this.fixture
                .call("AdminDisableUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(signIn(SignInFixture.PASSWORD)).isEqualTo("400 NotAuthorizedException: User is disabled.");
    }
}
