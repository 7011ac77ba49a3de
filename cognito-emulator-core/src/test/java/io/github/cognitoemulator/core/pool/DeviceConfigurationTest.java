package io.github.cognitoemulator.core.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a pool's {@code DeviceConfiguration} reads: absent or empty means no tracking, either member turns it on. */
class DeviceConfigurationTest {

    private final InMemoryStore store = new InMemoryStore();

    private final EmulatorFixture fixture =
            EmulatorFixture.create(CognitoEmulator.builder().store(this.store));

    private Optional<DeviceConfiguration> configured(Map<String, Object> settings) {
        Map<String, Object> body = new LinkedHashMap<>(settings);
        body.put("PoolName", "pool");
        String poolId =
                this.fixture.call("CreateUserPool", body).requireSuccess().string("UserPool", "Id");
        return this.store.pools().find(poolId).orElseThrow().deviceConfiguration();
    }

    @Test
    void aPoolWithoutDeviceConfigurationTracksNoDevices() {
        assertThat(configured(Map.of())).isEmpty();
        assertThat(configured(Map.of("DeviceConfiguration", Map.of()))).isEmpty();
    }

    @Test
    void eitherMemberTurnsTrackingOn() {
        assertThat(configured(Map.of("DeviceConfiguration", Map.of("ChallengeRequiredOnNewDevice", true))))
                .contains(new DeviceConfiguration(true, false));
        assertThat(configured(Map.of("DeviceConfiguration", Map.of("DeviceOnlyRememberedOnUserPrompt", true))))
                .contains(new DeviceConfiguration(false, true));
        assertThat(configured(Map.of(
                        "DeviceConfiguration",
                        Map.of("ChallengeRequiredOnNewDevice", false, "DeviceOnlyRememberedOnUserPrompt", false))))
                .contains(new DeviceConfiguration(false, false));
    }
}
