package io.github.cognitoemulator.core.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every record of devices reads back equal from a database store, which keeps it as JSON. */
class DeviceRecordsRoundTripTest {

    private static final String POOL = "us-east-1_RoundTrip";

    private final JdbcStore store = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @AfterEach
    void close() {
        this.store.close();
    }

    private <T> void assertRoundTrip(ResourceKind<T> kind, String key, T value) {
        this.store.pools().create(EmulatorStoreContract.pool(POOL));

        assertThat(this.store.resources().create(kind, POOL, key, value)).isTrue();

        assertThat(this.store.resources().find(kind, key).orElseThrow().value()).isEqualTo(value);
    }

    @Test
    void aConfirmedDevice() {
        assertRoundTrip(
                Device.KIND,
                POOL + "/sub-1/us-east-1_4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                new Device(
                        "us-east-1_4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                        "laptop",
                        "00a1b2",
                        "c3d4e5",
                        true,
                        true,
                        Instant.parse("2024-03-05T09:07:02.123Z"),
                        Instant.parse("2024-03-06T09:07:02Z"),
                        Instant.parse("2024-03-07T09:07:02.5Z"),
                        List.of("4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "5f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f")));
    }

    @Test
    void aDeviceNeverConfirmed() {
        Instant now = Instant.parse("2024-03-05T09:07:02Z");
        assertRoundTrip(
                Device.KIND,
                POOL + "/sub-1/us-east-1_new",
                new Device("us-east-1_new", null, null, null, false, false, now, now, now, List.of()));
    }

    @Test
    void aUsersRoster() {
        assertRoundTrip(
                DeviceRoster.KIND,
                POOL + "/sub-1",
                new DeviceRoster("-AbCd1234", 3, List.of("4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f")));
    }
}
