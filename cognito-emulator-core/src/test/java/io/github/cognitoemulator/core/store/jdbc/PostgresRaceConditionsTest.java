package io.github.cognitoemulator.core.store.jdbc;

import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.RaceConditionsContract;

/** The races between concurrent requests on PostgreSQL. */
class PostgresRaceConditionsTest extends RaceConditionsContract {

    @Override
    protected EmulatorStore newStore() {
        PostgresTestServer.Database database = PostgresTestServer.newDatabase();
        return JdbcStore.open(JdbcStore.Options.of(database.url(), database.username(), database.password()));
    }
}
