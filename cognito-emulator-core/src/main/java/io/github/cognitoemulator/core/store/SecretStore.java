package io.github.cognitoemulator.core.store;

import java.util.function.Supplier;

/**
 * Where the emulator's own secrets are kept (for example the key behind the simulated SRP salts of unknown users),
 * so that every instance sharing a store answers alike, before and after a restart.
 */
public interface SecretStore {

    /** The secret called {@code name}, created from {@code generator} on first use; racing callers get one value. */
    byte[] secret(String name, Supplier<byte[]> generator);
}
