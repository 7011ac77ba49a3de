package io.github.cognitoemulator.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConcurrentAdminCreateUserTest {

    private static final int THREADS = 8;

    private static final int ROUNDS = 50;

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void racingCreatesOfOneUsernameLeaveExactlyOneUser() throws Exception {
        EmulatorFixture fixture = EmulatorFixture.create();
        String poolId = fixture.createPool();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String body = "{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"user" + round + "\"}";
                List<Future<Reply>> replies = new ArrayList<>();
                for (int i = 0; i < THREADS; i++) {
                    replies.add(executor.submit(() -> {
                        start.await(5, TimeUnit.SECONDS);
                        return fixture.call("AdminCreateUser", body);
                    }));
                }
                List<String> outcomes = new ArrayList<>();
                for (Future<Reply> reply : replies) {
                    Reply answer = reply.get(10, TimeUnit.SECONDS);
                    outcomes.add((answer.status() == 200) ? "created" : answer.error());
                }

                assertThat(outcomes)
                        .as("round %d", round)
                        .containsOnlyOnce("created")
                        .filteredOn((outcome) -> !outcome.equals("created"))
                        .hasSize(THREADS - 1)
                        .containsOnly("400 UsernameExistsException: User account already exists");
            }
        } finally {
            executor.shutdownNow();
        }

        Reply listed = fixture.call("ListUsers", Map.of("UserPoolId", poolId));
        assertThat(listed.list("Users")).hasSize(ROUNDS);
    }
}
