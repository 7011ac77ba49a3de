package io.github.cognitoemulator.core.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The MFA state of a user reads back equal from a database store, which keeps it as JSON. */
class UserMfaRoundTripTest {

    private static final String POOL = "us-east-1_RoundTrip";

    private final JdbcStore store = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @AfterEach
    void close() {
        this.store.close();
    }

    private void assertRoundTrip(UserMfa value) {
        this.store.pools().create(EmulatorStoreContract.pool(POOL));
        String key = UserMfaDirectory.key(POOL, value.sub());

        assertThat(this.store.resources().create(UserMfaDirectory.USER_MFA, POOL, key, value))
                .isTrue();

        assertThat(this.store
                        .resources()
                        .find(UserMfaDirectory.USER_MFA, key)
                        .orElseThrow()
                        .value())
                .isEqualTo(value);
    }

    @Test
    void everythingSet() {
        assertRoundTrip(new UserMfa(
                POOL,
                "sub-1",
                "PENDINGSECRETPENDINGSECRET234567",
                "VERIFIEDSECRETVERIFIEDSECRET2345",
                "phone",
                56_666_666L,
                true,
                true,
                true,
                MfaFactor.EMAIL_OTP));
    }

    @Test
    void nothingSet() {
        assertRoundTrip(UserMfa.none(POOL, "sub-2"));
    }

    @Test
    void theKeyIsThePoolAndTheSub() {
        assertThat(UserMfaDirectory.key(POOL, "sub-1")).isEqualTo(POOL + "/sub-1");
    }
}
