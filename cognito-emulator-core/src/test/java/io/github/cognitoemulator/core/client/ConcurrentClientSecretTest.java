package io.github.cognitoemulator.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.store.PausingStore;
import io.github.cognitoemulator.core.store.PausingStore.Operation;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two secrets added at once to a client that has room for one more: one is added, the other hits the limit. */
class ConcurrentClientSecretTest {

    private final PausingStore store = new PausingStore(new InMemoryStore());

    private final SignInFixture fixture = SignInFixture.create(this.store);

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        this.executor.shutdownNow();
    }

    @Test
    void twoRacingAddsStayWithinTheLimit() throws Exception {
        String poolId = this.fixture.createPool();
        AppClient client = this.fixture.createClient(poolId, Map.of("GenerateSecret", true));
        Callable<Reply> add = () ->
                this.fixture.call("AddUserPoolClientSecret", Map.of("UserPoolId", poolId, "ClientId", client.id()));
        this.store.holdUntil(Operation.RESOURCE_WRITE, 2);

        List<Future<Reply>> futures = new ArrayList<>();
        futures.add(this.executor.submit(add));
        futures.add(this.executor.submit(add));
        List<String> outcomes = new ArrayList<>();
        for (Future<Reply> future : futures) {
            Reply reply = future.get(30, TimeUnit.SECONDS);
            outcomes.add((reply.status() == 200) ? "added" : reply.error());
        }

        assertThat(outcomes)
                .containsExactlyInAnyOrder(
                        "added",
                        "400 LimitExceededException: Client " + client.id()
                                + " already has the maximum number of 2 client secrets.");
        assertThat(this.fixture
                        .call("ListUserPoolClientSecrets", Map.of("UserPoolId", poolId, "ClientId", client.id()))
                        .list("ClientSecrets"))
                .hasSize(2);
    }
}
