package io.github.cognitoemulator.core.group;

import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;

class InMemoryConcurrentMembershipTest extends ConcurrentMembershipTest {

    @Override
    EmulatorStore backing() {
        return new InMemoryStore();
    }
}
