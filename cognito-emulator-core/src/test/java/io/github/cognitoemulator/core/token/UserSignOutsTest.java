package io.github.cognitoemulator.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.PausingStore;
import io.github.cognitoemulator.core.store.PausingStore.Operation;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserStatus;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserSignOutsTest {

    private static final String POOL = "us-east-1_SignOuts";

    private static final Instant EARLY = SignInFixture.START;

    private static final Instant LATE = SignInFixture.START.plusSeconds(10);

    private final PausingStore store = new PausingStore(new InMemoryStore());

    private final UserSignOuts signOuts = new UserSignOuts(this.store.resources());

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    UserSignOutsTest() {
        this.store.pools().create(EmulatorStoreContract.pool(POOL));
    }

    @AfterEach
    void stop() {
        this.executor.shutdownNow();
    }

    @Test
    void theLatestSignOutIsKept() {
        this.signOuts.signedOut(POOL, "sub-1", EARLY);
        this.signOuts.signedOut(POOL, "sub-1", LATE);
        this.signOuts.signedOut(POOL, "sub-1", EARLY);

        assertThat(this.signOuts.lastSignOut(POOL, "sub-1")).contains(LATE);
        assertThat(this.signOuts.lastSignOut(POOL, "sub-2")).isEmpty();
    }

    @Test
    void aSignOutInAPoolThatIsGoneIsDropped() {
        this.signOuts.signedOut("us-east-1_Gone", "sub-1", EARLY);

        assertThat(this.signOuts.lastSignOut("us-east-1_Gone", "sub-1")).isEmpty();
    }

    @Test
    void aDeletedUserIsForgotten() {
        this.signOuts.signedOut(POOL, "sub-1", EARLY);
        this.signOuts.signedOut(POOL, "sub-2", EARLY);

        this.signOuts.userDeleted(
                new User(POOL, "alice", "sub-1", Map.of(), UserStatus.CONFIRMED, true, EARLY, EARLY, null, null, 0));
        this.signOuts.userDeleted(
                new User(POOL, "nobody", "sub-3", Map.of(), UserStatus.CONFIRMED, true, EARLY, EARLY, null, null, 0));

        assertThat(this.signOuts.lastSignOut(POOL, "sub-1")).isEmpty();
        assertThat(this.signOuts.lastSignOut(POOL, "sub-2")).contains(EARLY);
    }

    @Test
    void twoRacingFirstSignOutsKeepTheLater() throws Exception {
        this.store.holdUntil(Operation.RESOURCE_WRITE, 2);

        Future<?> early = this.executor.submit(() -> this.signOuts.signedOut(POOL, "sub-1", EARLY));
        Future<?> late = this.executor.submit(() -> this.signOuts.signedOut(POOL, "sub-1", LATE));
        early.get(30, TimeUnit.SECONDS);
        late.get(30, TimeUnit.SECONDS);

        assertThat(this.signOuts.lastSignOut(POOL, "sub-1")).contains(LATE);
    }
}
