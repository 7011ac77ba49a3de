package io.github.cognitoemulator.core.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PasskeyRecordsRoundTripTest {

    private static final String POOL = "us-east-1_passkeys";

    private static JdbcStore store() {
        JdbcStore store = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        store.pools().create(EmulatorStoreContract.pool(POOL));
        return store;
    }

    @Test
    void aPasskeyRoundTripsThroughTheDatabase() {
        try (JdbcStore store = store()) {
            var passkey = new PasskeyCredential(
                    POOL,
                    "sub-1",
                    "Y3JlZGVudGlhbA",
                    "example.com",
                    "AAAAAAAAAAAAAAAAAAAAAAAQY3JlZA",
                    4_294_967_295L,
                    true,
                    false,
                    null,
                    List.of("hybrid", "internal"),
                    "Passkey",
                    Instant.parse("2024-03-05T09:07:02.123Z"));
            String key = POOL + "/sub-1/Y3JlZGVudGlhbA";

            assertThat(store.resources().create(Passkeys.CREDENTIALS, POOL, key, passkey))
                    .isTrue();

            assertThat(store.resources()
                            .find(Passkeys.CREDENTIALS, key)
                            .orElseThrow()
                            .value())
                    .isEqualTo(passkey);
        }
    }

    @Test
    void aPendingRegistrationRoundTripsThroughTheDatabase() {
        try (JdbcStore store = store()) {
            var pending = new RegistrationChallenge(
                    POOL,
                    "sub-1",
                    "client",
                    "Y2hhbGxlbmdl",
                    "example.com",
                    "required",
                    Instant.parse("2024-03-05T09:10:02Z"));

            assertThat(store.resources().create(Passkeys.REGISTRATIONS, POOL, POOL + "/sub-1", pending))
                    .isTrue();

            assertThat(store.resources()
                            .find(Passkeys.REGISTRATIONS, POOL + "/sub-1")
                            .orElseThrow()
                            .value())
                    .isEqualTo(pending);
        }
    }

    @Test
    void anAssertionKeepsEverythingButTheCounterAndBackupState() {
        var passkey = new PasskeyCredential(
                POOL,
                "s",
                "id",
                "rp",
                "data",
                1,
                true,
                false,
                "platform",
                List.of("internal"),
                "Passkey",
                Instant.EPOCH);

        assertThat(passkey.used(5, true))
                .isEqualTo(new PasskeyCredential(
                        POOL,
                        "s",
                        "id",
                        "rp",
                        "data",
                        5,
                        true,
                        true,
                        "platform",
                        List.of("internal"),
                        "Passkey",
                        Instant.EPOCH));
    }
}
