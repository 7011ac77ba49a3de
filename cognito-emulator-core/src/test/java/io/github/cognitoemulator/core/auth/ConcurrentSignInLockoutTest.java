package io.github.cognitoemulator.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.PausingStore;
import io.github.cognitoemulator.core.store.PausingStore.Operation;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Passwords sent at the same moment: they all read the user's count before any writes it, lined up at the resource
 * store's write so that the race happens every run. Each attempt is counted before its password is checked, so that
 * parallel requests get no more guesses than sequential ones.
 */
class ConcurrentSignInLockoutTest {

    private static final int ATTEMPTS = 4;

    /** How many guesses race against a user with four failures. */
    private static final int PARALLEL = 8;

    private static final String WRONG = "Wr0ng!Password";

    private static final String INCORRECT = "400 NotAuthorizedException: Incorrect username or password.";

    private static final String LOCKED = "400 NotAuthorizedException: Password attempts exceeded";

    private final ExecutorService executor = Executors.newFixedThreadPool(PARALLEL);

    private final List<EmulatorStore> stores = new ArrayList<>();

    @AfterEach
    void stop() {
        this.executor.shutdownNow();
        this.stores.forEach(EmulatorStore::close);
    }

    private EmulatorStore backing(String kind) {
        EmulatorStore store = kind.equals("memory")
                ? new InMemoryStore()
                : JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        this.stores.add(store);
        return store;
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void concurrentWrongPasswordsAllCount(String kind) throws Exception {
        PausingStore store = new PausingStore(backing(kind));
        SignInFixture fixture = SignInFixture.create(store);
        String poolId = fixture.createPool();
        AppClient client = fixture.createPasswordClient(poolId);
        fixture.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD);
        String sub = fixture.attributesOf(poolId, "alice").get("sub");

        store.holdUntil(Operation.RESOURCE_WRITE, ATTEMPTS);
        List<Future<String>> attempts = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            attempts.add(this.executor.submit(
                    () -> fixture.signIn(client.id(), "alice", "Wr0ng!Password").error()));
        }
        for (Future<String> attempt : attempts) {
            assertThat(attempt.get(30, TimeUnit.SECONDS)).isEqualTo(INCORRECT);
        }

        assertThat(store.resources()
                        .find(SignInLockout.KIND, poolId + "/" + sub)
                        .map(Resource::value)
                        .map(FailedSignIns::failures))
                .contains(ATTEMPTS);
        // One more makes five: locked out.
        fixture.signIn(client.id(), "alice", "Wr0ng!Password");
        assertThat(fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD).error())
                .isEqualTo("400 NotAuthorizedException: Password attempts exceeded");
    }

    /** Sends {@code passwords} for alice at once, all of them reading her count before any of them writes it. */
    private List<String> race(PausingStore store, SignInFixture fixture, AppClient client, List<String> passwords)
            throws Exception {
        store.holdUntil(Operation.RESOURCE_WRITE, passwords.size());
        List<Future<String>> attempts = new ArrayList<>();
        for (String password : passwords) {
            attempts.add(this.executor.submit(() -> {
                var reply = fixture.signIn(client.id(), "alice", password);
                return (reply.status() == 200) ? "tokens" : reply.error();
            }));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> attempt : attempts) {
            outcomes.add(attempt.get(30, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    private static FailedSignIns record(PausingStore store, String poolId, String sub) {
        return store.resources()
                .find(SignInLockout.KIND, poolId + "/" + sub)
                .map(Resource::value)
                .orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void parallelWrongPasswordsAtTheFifthGetOneGuessAndTheRestAreRefused(String kind) throws Exception {
        PausingStore store = new PausingStore(backing(kind));
        SignInFixture fixture = SignInFixture.create(store);
        String poolId = fixture.createPool();
        AppClient client = fixture.createPasswordClient(poolId);
        fixture.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD);
        String sub = fixture.attributesOf(poolId, "alice").get("sub");
        for (int i = 0; i < 4; i++) {
            assertThat(fixture.signIn(client.id(), "alice", WRONG).error()).isEqualTo(INCORRECT);
        }

        List<String> outcomes = race(store, fixture, client, Collections.nCopies(PARALLEL, WRONG));

        // One guess is checked, as the fifth failure; it locks the others out before their password is looked at.
        assertThat(outcomes).filteredOn(INCORRECT::equals).hasSize(1);
        assertThat(outcomes).filteredOn(LOCKED::equals).hasSize(PARALLEL - 1);
        assertThat(record(store, poolId, sub).failures()).isEqualTo(5);
        assertThat(fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD).error())
                .isEqualTo(LOCKED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void aRightPasswordRacingWrongOnesCannotGetInPastTheLockout(String kind) throws Exception {
        PausingStore store = new PausingStore(backing(kind));
        SignInFixture fixture = SignInFixture.create(store);
        String poolId = fixture.createPool();
        AppClient client = fixture.createPasswordClient(poolId);
        fixture.createConfirmedUser(poolId, "alice", SignInFixture.PASSWORD);
        String sub = fixture.attributesOf(poolId, "alice").get("sub");
        for (int i = 0; i < 4; i++) {
            assertThat(fixture.signIn(client.id(), "alice", WRONG).error()).isEqualTo(INCORRECT);
        }
        List<String> passwords = new ArrayList<>(Collections.nCopies(PARALLEL - 1, WRONG));
        passwords.add(PARALLEL / 2, SignInFixture.PASSWORD);

        List<String> outcomes = race(store, fixture, client, passwords);

        // Whichever is decided first: a wrong guess locks the right password out; the right password, taken back
        // once proven, leaves the count at four, so that one more wrong guess at most is checked after it.
        long checkedWrong = outcomes.stream().filter(INCORRECT::equals).count();
        assertThat(checkedWrong).isBetween(0L, 1L);
        assertThat(outcomes)
                .filteredOn(LOCKED::equals)
                .hasSize(PARALLEL - (int) checkedWrong - (outcomes.contains("tokens") ? 1 : 0));
        assertThat(outcomes.get(PARALLEL / 2)).isIn("tokens", LOCKED);
        assertThat(checkedWrong + (outcomes.contains("tokens") ? 1 : 0)).isPositive();
        FailedSignIns record = record(store, poolId, sub);
        assertThat(record.failures()).isEqualTo(4 + (int) checkedWrong);
        assertThat(record.lockedUntil() != null).isEqualTo(checkedWrong == 1);
    }

    @Test
    void theRecordRoundTripsThroughH2() {
        try (JdbcStore store = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            SignInFixture fixture = SignInFixture.create(store);
            String poolId = fixture.createPool();
            Instant at = Instant.parse("2024-03-05T09:07:02.123Z");
            FailedSignIns unlocked = new FailedSignIns(poolId, "sub-1", 3, at, null);
            FailedSignIns locked = new FailedSignIns(poolId, "sub-2", 6, at, at.plusSeconds(2));

            assertThat(store.resources().create(SignInLockout.KIND, poolId, poolId + "/sub-1", unlocked))
                    .isTrue();
            assertThat(store.resources().create(SignInLockout.KIND, poolId, poolId + "/sub-2", locked))
                    .isTrue();

            assertThat(store.resources()
                            .find(SignInLockout.KIND, poolId + "/sub-1")
                            .map(Resource::value))
                    .contains(unlocked);
            assertThat(store.resources()
                            .find(SignInLockout.KIND, poolId + "/sub-2")
                            .map(Resource::value))
                    .contains(locked);
        }
    }
}
