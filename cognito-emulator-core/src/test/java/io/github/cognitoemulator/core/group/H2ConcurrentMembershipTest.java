package io.github.cognitoemulator.core.group;

import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import java.util.UUID;

class H2ConcurrentMembershipTest extends ConcurrentMembershipTest {

    @Override
    EmulatorStore backing() {
        return JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
}
