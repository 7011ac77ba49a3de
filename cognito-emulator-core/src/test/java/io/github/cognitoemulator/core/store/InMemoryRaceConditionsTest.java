package io.github.cognitoemulator.core.store;

import io.github.cognitoemulator.core.store.memory.InMemoryStore;

class InMemoryRaceConditionsTest extends RaceConditionsContract {

    @Override
    protected EmulatorStore newStore() {
        return new InMemoryStore();
    }
}
