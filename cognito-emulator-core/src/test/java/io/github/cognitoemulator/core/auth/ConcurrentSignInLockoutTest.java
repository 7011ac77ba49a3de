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
 * Wrong passwords sent at the same moment each count: they all read the user's count before any writes it, lined up
 * at the resource store's write so that the race happens every run.
 */
class ConcurrentSignInLockoutTest {

    private static final int ATTEMPTS = 4;

    private final ExecutorService executor = Executors.newFixedThreadPool(ATTEMPTS);

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
            assertThat(attempt.get(30, TimeUnit.SECONDS))
                    .isEqualTo("400 NotAuthorizedException: Incorrect username or password.");
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
