package io.github.cognitoemulator.core.selfservice;

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

/**
 * A verification code goes out when an update changes an address, judged against the stored user the change was
 * applied to, not against the copy read when the request came in.
 */
class ConcurrentAttributeChangeTest {

    private final PausingStore store = new PausingStore(new InMemoryStore());

    private final SignInFixture fixture = SignInFixture.create(this.store);

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        this.executor.shutdownNow();
    }

    @Test
    void twoRacingChangesToTheSameEmailSendOneCode() throws Exception {
        String poolId = this.fixture.createPool(Map.of("AutoVerifiedAttributes", List.of("email")));
        AppClient client = this.fixture.createPasswordClient(poolId);
        this.fixture.createConfirmedUser(
                poolId, "alice", SignInFixture.PASSWORD, "email", "alice@example.com", "email_verified", "true");
        String accessToken = SignInFixture.tokens(this.fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD))
                .accessToken();
        Callable<Reply> update = () -> this.fixture.call(
                "UpdateUserAttributes",
                Map.of(
                        "AccessToken",
                        accessToken,
                        "UserAttributes",
                        List.of(Map.of("Name", "email", "Value", "alice@example.org"))));
        this.store.holdUntil(Operation.USER_WRITE, 2);

        List<Future<Reply>> futures = new ArrayList<>();
        futures.add(this.executor.submit(update));
        futures.add(this.executor.submit(update));
        List<Reply> replies = new ArrayList<>();
        for (Future<Reply> future : futures) {
            replies.add(future.get(30, TimeUnit.SECONDS).requireSuccess());
        }

        // The update that landed second changed nothing, so it sends nothing.
        assertThat(replies)
                .extracting((reply) -> reply.at("CodeDeliveryDetailsList") != null)
                .containsExactlyInAnyOrder(true, false);
        assertThat(this.fixture.attributesOf(poolId, "alice"))
                .containsEntry("email", "alice@example.org")
                .containsEntry("email_verified", "false");
    }
}
