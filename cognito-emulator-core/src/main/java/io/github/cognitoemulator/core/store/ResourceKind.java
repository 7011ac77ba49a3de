package io.github.cognitoemulator.core.store;

import java.util.Objects;

/**
 * A kind of small record that lives in a pool and is kept in the {@link ResourceStore}: groups, resource servers,
 * identity providers, domains and the like. The value type must be a record (or enum, list or map of them) that a
 * plain JSON mapper writes and reads back equal, because database stores keep it as JSON.
 *
 * @param name the kind's name, unique among kinds; it is stored with every record of the kind
 * @param type the Java type of the records
 * @param <T> the Java type of the records
 */
public record ResourceKind<T>(String name, Class<T> type) {

    public ResourceKind {
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(type, "'type' must not be null");
    }

    /** A kind called {@code name} whose records are {@code type}s. */
    public static <T> ResourceKind<T> of(String name, Class<T> type) {
        return new ResourceKind<>(name, type);
    }
}
