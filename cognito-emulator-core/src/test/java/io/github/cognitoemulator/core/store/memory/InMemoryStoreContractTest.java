package io.github.cognitoemulator.core.store.memory;

import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;

class InMemoryStoreContractTest extends EmulatorStoreContract {

    @Override
    protected EmulatorStore newStore(int messageCapacity) {
        return new InMemoryStore(messageCapacity);
    }
}
