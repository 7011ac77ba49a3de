package io.github.cognitoemulator.core.store.jdbc;

import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;

/** The store contract on PostgreSQL: a fresh database of the shared test server for every store. */
class PostgresStoreContractTest extends EmulatorStoreContract {

    @Override
    protected EmulatorStore newStore(int messageCapacity) {
        PostgresTestServer.Database database = PostgresTestServer.newDatabase();
        return JdbcStore.open(JdbcStore.Options.of(database.url(), database.username(), database.password())
                .withMessageCapacity(messageCapacity));
    }
}
