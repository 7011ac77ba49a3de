package io.github.cognitoemulator.core.store;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One part of an atomic {@link ResourceStore#write(java.util.List) write}. */
public sealed interface ResourceChange {

    /**
     * Adds a record whose key must not be taken yet; it gets version 1. A {@code null} pool makes it a record of the
     * account.
     */
    record Create<T>(ResourceKind<T> kind, @Nullable String userPoolId, String key, T value) implements ResourceChange {

        public Create {
            Objects.requireNonNull(kind, "'kind' must not be null");
            Objects.requireNonNull(key, "'key' must not be null");
            Objects.requireNonNull(value, "'value' must not be null");
        }
    }

    /** Replaces {@code current}, which must still be the stored version, with {@code value}. */
    record Replace<T>(Resource<T> current, T value) implements ResourceChange {

        public Replace {
            Objects.requireNonNull(current, "'current' must not be null");
            Objects.requireNonNull(value, "'value' must not be null");
        }
    }

    /** Removes {@code current}, which must still be the stored version. */
    record Delete(Resource<?> current) implements ResourceChange {

        public Delete {
            Objects.requireNonNull(current, "'current' must not be null");
        }
    }

    /** Removes the record with this key if there is one, whatever its version. */
    record DeleteIfPresent(ResourceKind<?> kind, String key) implements ResourceChange {

        public DeleteIfPresent {
            Objects.requireNonNull(kind, "'kind' must not be null");
            Objects.requireNonNull(key, "'key' must not be null");
        }
    }
}
