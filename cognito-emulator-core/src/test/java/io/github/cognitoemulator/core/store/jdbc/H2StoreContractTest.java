package io.github.cognitoemulator.core.store.jdbc;

import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import java.util.concurrent.atomic.AtomicInteger;

/** The store contract on H2 in memory: a database of its own for every store, gone once the store closes. */
class H2StoreContractTest extends EmulatorStoreContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    protected EmulatorStore newStore(int messageCapacity) {
        return JdbcStore.open(JdbcStore.Options.of("jdbc:h2:mem:contract" + DATABASES.incrementAndGet(), "sa", "")
                .withMessageCapacity(messageCapacity));
    }
}
