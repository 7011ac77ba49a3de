package io.github.cognitoemulator.core.device;

import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;

class InMemoryConcurrentDeviceTest extends ConcurrentDeviceTest {

    @Override
    EmulatorStore backing() {
        return new InMemoryStore();
    }
}
