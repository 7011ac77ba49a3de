package io.github.cognitoemulator.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-user cap on devices and which device makes room for a new one. */
class DeviceRegistryTest {

    private static final Instant T0 = Instant.parse("2024-03-05T09:07:02Z");

    private final InMemoryStore store = new InMemoryStore();

    private final UserPool pool = EmulatorStoreContract.pool("us-east-1_Devices00");

    private final User user = EmulatorStoreContract.user(this.pool.id(), "alice");

    private final DeviceRegistry devices = new DeviceRegistry(this.store.resources(), new Ids(new Random(5)), 3);

    {
        this.store.pools().create(this.pool);
    }

    private String track(int second) {
        return this.devices.track(this.pool, this.user, T0.plusSeconds(second)).deviceKey();
    }

    private void confirm(String deviceKey) {
        this.devices.confirm(this.pool.id(), this.user.sub(), deviceKey, null, "00", "0a", true, T0);
    }

    private List<String> keys() {
        return this.devices.list(this.pool.id(), this.user.sub()).stream()
                .map(Device::deviceKey)
                .toList();
    }

    private int counted() {
        return this.store
                .resources()
                .find(DeviceRoster.KIND, this.pool.id() + "/" + this.user.sub())
                .orElseThrow()
                .value()
                .devices();
    }

    @Test
    void theDefaultCapIsAHundredDevices() {
        assertThat(DeviceRegistry.MAX_DEVICES_PER_USER).isEqualTo(100);
    }

    @Test
    void upToTheCapEveryDeviceIsKept() {
        String first = track(0);
        String second = track(1);
        String third = track(2);

        assertThat(keys()).containsExactlyInAnyOrder(first, second, third);
        assertThat(counted()).isEqualTo(3);
        assertThat(this.devices.groupKey(this.pool.id(), this.user.sub())).isPresent();
    }

    @Test
    void pastTheCapADeviceNeverConfirmedMakesRoomFirst() {
        String first = track(0);
        String second = track(1);
        String third = track(2);
        confirm(first);
        confirm(third);

        String fourth = track(3);

        assertThat(keys()).containsExactlyInAnyOrder(first, third, fourth).doesNotContain(second);
        assertThat(counted()).isEqualTo(3);
    }

    @Test
    void whenEveryDeviceIsConfirmedTheOneUsedLeastRecentlyMakesRoom() {
        String first = track(0);
        String second = track(1);
        String third = track(2);
        confirm(first);
        confirm(second);
        confirm(third);
        this.devices.authenticated(this.pool.id(), this.user.sub(), first, T0.plusSeconds(10));

        String fourth = track(11);

        assertThat(keys()).containsExactlyInAnyOrder(first, third, fourth);
        assertThat(counted()).isEqualTo(3);
    }

    @Test
    void notingASignInWithAForgottenDeviceChangesNothing() {
        String first = track(0);
        this.devices.forget(this.pool.id(), this.user.sub(), first);

        this.devices.authenticated(this.pool.id(), this.user.sub(), first, T0.plusSeconds(10));

        assertThat(keys()).isEmpty();
        assertThat(counted()).isZero();
    }

    @Test
    void aDeviceKeepsTheLatestTwentySignInsForItsRefreshTokens() {
        String deviceKey = track(0);
        for (int i = 0; i <= Device.MAX_REFRESH_ORIGINS; i++) {
            this.devices.bindRefreshToken(this.pool.id(), this.user.sub(), deviceKey, "origin-" + i);
        }

        List<String> origins = this.devices
                .find(this.pool.id(), this.user.sub(), deviceKey)
                .orElseThrow()
                .refreshOrigins();

        assertThat(Device.MAX_REFRESH_ORIGINS).isEqualTo(20);
        assertThat(origins).hasSize(20).startsWith("origin-1").endsWith("origin-20");
    }

    @Test
    void bindingARefreshTokenToAForgottenDeviceChangesNothing() {
        String deviceKey = track(0);
        this.devices.forget(this.pool.id(), this.user.sub(), deviceKey);

        this.devices.bindRefreshToken(this.pool.id(), this.user.sub(), deviceKey, "origin");

        assertThat(keys()).isEmpty();
    }

    @Test
    void theSignInsOfForgottenAndEvictedDevicesStayBound() {
        String first = track(0);
        this.devices.bindRefreshToken(this.pool.id(), this.user.sub(), first, "origin-first");
        String second = track(1);
        this.devices.bindRefreshToken(this.pool.id(), this.user.sub(), second, "origin-second");
        track(2);

        assertThat(this.devices.isBoundToADevice(this.pool.id(), this.user.sub(), "origin-first"))
                .isTrue();
        assertThat(this.devices.isBoundToADevice(this.pool.id(), this.user.sub(), "origin-none"))
                .isFalse();
        this.devices.forget(this.pool.id(), this.user.sub(), second);
        track(3);
        track(4);
        // At the cap, the device used least recently, the first, made room.
        assertThat(keys()).doesNotContain(first, second).hasSize(3);
        assertThat(this.devices.isBoundToADevice(this.pool.id(), this.user.sub(), "origin-first"))
                .isTrue();
        assertThat(this.devices.isBoundToADevice(this.pool.id(), this.user.sub(), "origin-second"))
                .isTrue();
    }

    @Test
    void aRosterRemembersTheLatestTwoHundredForgottenSignIns() {
        var roster = new DeviceRoster("-AbCd1234", 1, List.of());
        List<String> origins = new java.util.ArrayList<>();
        for (int i = 0; i <= DeviceRoster.MAX_FORGOTTEN_ORIGINS; i++) {
            origins.add("origin-" + i);
        }
        var device = new Device("us-east-1_0", null, null, null, false, false, T0, T0, T0, origins);

        DeviceRoster after = roster.after(0, List.of(device));

        assertThat(DeviceRoster.MAX_FORGOTTEN_ORIGINS).isEqualTo(200);
        assertThat(after.devices()).isZero();
        assertThat(after.deviceGroupKey()).isEqualTo("-AbCd1234");
        assertThat(after.forgottenOrigins()).hasSize(200).startsWith("origin-1").endsWith("origin-200");
    }

    @Test
    void aWriteThatNeverLandsEndsInCognitosThrottlingError() {
        ResourceStore refusing = new ResourceStore() {
            @Override
            public <T> Optional<Resource<T>> find(ResourceKind<T> kind, String key) {
                return DeviceRegistryTest.this.store.resources().find(kind, key);
            }

            @Override
            public <T> List<Resource<T>> list(ResourceKind<T> kind, String userPoolId, String keyPrefix) {
                return DeviceRegistryTest.this.store.resources().list(kind, userPoolId, keyPrefix);
            }

            @Override
            public boolean write(List<? extends ResourceChange> changes) {
                return false;
            }
        };
        var throttled = new DeviceRegistry(refusing, new Ids(new Random(6)), 3);

        assertThatThrownBy(() -> throttled.track(this.pool, this.user, T0))
                .isInstanceOf(CognitoException.class)
                .hasMessage("Rate exceeded");
    }

    @Test
    void theDeviceKeyIsTheRegionAndAUuid() {
        assertThat(track(0)).matches("us-east-1_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void forgettingAnUnknownDeviceIsNotFound() {
        assertThatThrownBy(() -> this.devices.forget(this.pool.id(), this.user.sub(), "us-east-1_0"))
                .isInstanceOf(CognitoException.class)
                .hasMessage("Device does not exist.");
    }
}
