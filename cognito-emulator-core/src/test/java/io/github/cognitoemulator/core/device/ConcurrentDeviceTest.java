package io.github.cognitoemulator.core.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.PausingStore;
import io.github.cognitoemulator.core.store.PausingStore.Operation;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Devices under concurrent changes, each race lined up at the resource store's write so that it happens every run:
 * the per-user cap holds and the roster counts exactly the devices there are.
 */
abstract class ConcurrentDeviceTest {

    private static final Instant T0 = Instant.parse("2024-03-05T09:07:02Z");

    private final EmulatorStore backing = backing();

    private final PausingStore store = new PausingStore(this.backing);

    private final UserPool pool = EmulatorStoreContract.pool("us-east-1_Devices00");

    private final User user = EmulatorStoreContract.user(this.pool.id(), "alice");

    private final DeviceRegistry devices =
            new DeviceRegistry(this.store.resources(), new Ids(new java.util.Random()), 2);

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    {
        this.backing.pools().create(this.pool);
    }

    /** The store the races run against. */
    abstract EmulatorStore backing();

    @AfterEach
    void stop() {
        this.executor.shutdownNow();
        this.backing.close();
    }

    private List<Object> race(Callable<Object> first, Callable<Object> second) throws Exception {
        this.store.holdUntil(Operation.RESOURCE_WRITE, 2);
        List<Future<Object>> futures = List.of(this.executor.submit(first), this.executor.submit(second));
        List<Object> results = new ArrayList<>();
        for (Future<Object> future : futures) {
            try {
                results.add(future.get(30, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException ex) {
                results.add(ex.getCause());
            }
        }
        return results;
    }

    private int counted() {
        return this.backing
                .resources()
                .find(DeviceRoster.KIND, this.pool.id() + "/" + this.user.sub())
                .orElseThrow()
                .value()
                .devices();
    }

    private List<Device> stored() {
        return this.devices.list(this.pool.id(), this.user.sub());
    }

    @Test
    void twoSignInsFromNewDevicesAtTheCapKeepTheUserAtTheCap() throws Exception {
        this.devices.track(this.pool, this.user, T0);

        List<Object> results = race(
                () -> this.devices.track(this.pool, this.user, T0.plusSeconds(1)),
                () -> this.devices.track(this.pool, this.user, T0.plusSeconds(2)));

        assertThat(results).allMatch((result) -> result instanceof DeviceRegistry.NewDevice);
        assertThat(stored()).hasSize(2);
        assertThat(counted()).isEqualTo(2);
        // Both new devices share the user's one group key.
        assertThat(results)
                .extracting((result) -> ((DeviceRegistry.NewDevice) result).deviceGroupKey())
                .containsOnly(
                        this.devices.groupKey(this.pool.id(), this.user.sub()).orElseThrow());
    }

    @Test
    void theFirstTwoSignInsOfAUserShareOneGroupKey() throws Exception {
        List<Object> results = race(
                () -> this.devices.track(this.pool, this.user, T0),
                () -> this.devices.track(this.pool, this.user, T0.plusSeconds(1)));

        assertThat(results)
                .extracting((result) -> ((DeviceRegistry.NewDevice) result).deviceGroupKey())
                .containsOnly(
                        this.devices.groupKey(this.pool.id(), this.user.sub()).orElseThrow());
        assertThat(stored()).hasSize(2);
        assertThat(counted()).isEqualTo(2);
    }

    @Test
    void forgettingADeviceWhileItIsConfirmedLeavesItForgotten() throws Exception {
        String deviceKey = this.devices.track(this.pool, this.user, T0).deviceKey();

        List<Object> results = race(
                () -> this.devices.confirm(this.pool.id(), this.user.sub(), deviceKey, "laptop", "00", "0a", true, T0),
                () -> {
                    this.devices.forget(this.pool.id(), this.user.sub(), deviceKey);
                    return "forgotten";
                });

        // The confirmation either landed first (and the forgetting removed it) or found the device gone.
        assertThat(results.get(0) instanceof Device
                        || (results.get(0) instanceof CognitoException ex
                                && ex.getMessage().equals("Device does not exist.")))
                .as(String.valueOf(results.get(0)))
                .isTrue();
        assertThat(results.get(1)).isEqualTo("forgotten");
        assertThat(stored()).isEmpty();
        assertThat(counted()).isZero();
    }
}
