package io.github.cognitoemulator.core.store;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the small records that live in a pool are kept (groups and memberships, resource servers, identity
 * providers, domains, branding, import jobs, tags, ...), each under a {@link ResourceKind}. A record belongs to a pool
 * and goes with it when the pool is deleted.
 *
 * <p>The only way to change records is {@link #write(List)}: a list of creates, replacements and deletions applied
 * together or not at all, each replacement and deletion naming the version it read. A caller that loses a race gets
 * {@code false}, reads again and decides again; nothing is read, modified and written back outside it.
 */
public interface ResourceStore {

    /** The record of {@code kind} with {@code key}. */
    <T> Optional<Resource<T>> find(ResourceKind<T> kind, String key);

    /**
     * The records of {@code kind} that {@code userPoolId} owns (the account's own when {@code null}) and whose key
     * starts with {@code keyPrefix}, by key.
     */
    <T> List<Resource<T>> list(ResourceKind<T> kind, @Nullable String userPoolId, String keyPrefix);

    /** The records of {@code kind} that {@code userPoolId} owns (the account's own when {@code null}), by key. */
    default <T> List<Resource<T>> list(ResourceKind<T> kind, @Nullable String userPoolId) {
        return list(kind, userPoolId, "");
    }

    /**
     * Applies every change at once, or none: {@code false}, with nothing changed, when a created key is taken, when a
     * replaced or deleted record is no longer at the version read, or when a created record's pool does not exist.
     */
    boolean write(List<? extends ResourceChange> changes);

    /** Creates one record, the account's when {@code userPoolId} is {@code null}; {@code false} when its key is taken or its pool is gone. */
    default <T> boolean create(ResourceKind<T> kind, @Nullable String userPoolId, String key, T value) {
        return write(List.of(new ResourceChange.Create<>(kind, userPoolId, key, value)));
    }

    /** Replaces one record; {@code false} when it changed or went since {@code current} was read. */
    default <T> boolean replace(Resource<T> current, T value) {
        return write(List.of(new ResourceChange.Replace<>(current, value)));
    }

    /** Deletes one record; {@code false} when it changed or went since {@code current} was read. */
    default boolean delete(Resource<?> current) {
        return write(List.of(new ResourceChange.Delete(current)));
    }
}
