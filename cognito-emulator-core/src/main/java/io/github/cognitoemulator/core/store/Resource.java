package io.github.cognitoemulator.core.store;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One record of the {@link ResourceStore}, as read.
 *
 * @param kind what kind of record it is
 * @param userPoolId the pool that owns it, and with which it is removed; {@code null} for a record of the account as
 *     a whole (provisioned limits), which no pool deletion removes
 * @param key its key, unique within its kind across all pools; pool-scoped kinds start it with the pool id
 * @param version 1 when created, one more at each replacement, so that a writer can tell whether it read the latest
 * @param value the record itself
 * @param <T> the Java type of the record
 */
public record Resource<T>(ResourceKind<T> kind, @Nullable String userPoolId, String key, long version, T value) {

    public Resource {
        Objects.requireNonNull(kind, "'kind' must not be null");
        Objects.requireNonNull(key, "'key' must not be null");
        Objects.requireNonNull(value, "'value' must not be null");
    }

    /** This record with {@code value} in place of its own and the next version. */
    public Resource<T> replacedBy(T value) {
        return new Resource<>(this.kind, this.userPoolId, this.key, this.version + 1, value);
    }
}
