package io.github.cognitoemulator.core.device;

import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import java.util.UUID;

class H2ConcurrentDeviceTest extends ConcurrentDeviceTest {

    @Override
    EmulatorStore backing() {
        return JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
}
