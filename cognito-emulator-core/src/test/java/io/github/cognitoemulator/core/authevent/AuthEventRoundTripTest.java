package io.github.cognitoemulator.core.authevent;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Events read back equal from a database store, which keeps them as JSON. */
class AuthEventRoundTripTest {

    private static final String POOL = "us-east-1_RoundTrip";

    private final JdbcStore store = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @AfterEach
    void close() {
        this.store.close();
    }

    @Test
    void anEventWithFeedbackAndChallenges() {
        this.store.pools().create(EmulatorStoreContract.pool(POOL));
        AuthEvent event = new AuthEvent(
                "9a099d29-7a49-4f16-ae65-ae593cf159c1",
                AuthEvent.Type.SignIn,
                Instant.parse("2024-03-05T09:07:02.123Z"),
                AuthEvent.Response.Fail,
                List.of(AuthEvent.ChallengeOutcome.password(true), AuthEvent.ChallengeOutcome.mfa(false)),
                "token",
                new AuthEvent.Feedback(false, "Admin", Instant.parse("2024-03-06T09:07:02Z")));

        assertThat(this.store.resources().create(AuthEvent.KIND, POOL, POOL + "/sub/1-e", event))
                .isTrue();

        assertThat(this.store
                        .resources()
                        .find(AuthEvent.KIND, POOL + "/sub/1-e")
                        .orElseThrow()
                        .value())
                .isEqualTo(event);
    }
}
