package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/** Several administrators creating the same user at the same moment. */
class ConcurrentUserCreationTests extends CognitoUseCase {

    private static final int CALLERS = 4;

    private static final int ROUNDS = 20;

    private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS);

    @AfterEach
    void stopCallers() {
        this.callers.shutdownNow();
    }

    @Test
    void exactlyOneOfTheRacingCreatesWinsAndTheOthersSeeTheUsernameTaken() throws Exception {
        String poolId = createPool();

        for (int round = 0; round < ROUNDS; round++) {
            String username = "racer" + round;
            // The barrier releases all callers together so their requests overlap inside the emulator.
            CyclicBarrier start = new CyclicBarrier(CALLERS);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int caller = 0; caller < CALLERS; caller++) {
                outcomes.add(this.callers.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        createUser(poolId, username);
                        return "created";
                    } catch (UsernameExistsException ex) {
                        return ex.awsErrorDetails().errorMessage();
                    }
                }));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(30, TimeUnit.SECONDS));
            }

            assertThat(results)
                    .as("round %d", round)
                    .containsOnlyOnce("created")
                    .filteredOn((result) -> !result.equals("created"))
                    .hasSize(CALLERS - 1)
                    .containsOnly("User account already exists");
        }
        assertThat(cognito().listUsers((request) -> request.userPoolId(poolId)).users())
                .hasSize(ROUNDS);
    }
}
