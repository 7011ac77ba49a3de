package io.github.cognitoemulator.core.limit;

/** Tells whether any user pool of the account in a region serves managed login through its domain. */
@FunctionalInterface
public interface ManagedLoginPools {

    /** For an emulator that serves no user pool domains: no pool uses managed login. */
    ManagedLoginPools NONE = (region) -> false;

    /** Whether a user pool in {@code region} uses managed login. */
    boolean anyIn(String region);
}
