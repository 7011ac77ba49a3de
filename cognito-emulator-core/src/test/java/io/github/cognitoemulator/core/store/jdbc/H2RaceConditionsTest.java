package io.github.cognitoemulator.core.store.jdbc;

import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.RaceConditionsContract;
import java.util.concurrent.atomic.AtomicInteger;

/** The races between concurrent requests on H2 in memory. */
class H2RaceConditionsTest extends RaceConditionsContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    protected EmulatorStore newStore() {
        return JdbcStore.open(JdbcStore.Options.of("jdbc:h2:mem:races" + DATABASES.incrementAndGet(), "sa", ""));
    }
}
