package io.github.cognitoemulator.core.store.memory;

import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The records of pools' small resources, in one sorted map keyed by kind and key. Reads take no lock; writes take
 * one, held only while a write's versions are checked and its changes applied, so that a write is all or nothing.
 */
final class InMemoryResourceStore implements ResourceStore {

    /** Separates a kind's name from a key, and sorts before every character a key can hold. */
    private static final char SEPARATOR = '\u0000';

    private final NavigableMap<String, Resource<?>> records = new ConcurrentSkipListMap<>();

    private final Predicate<String> poolExists;

    private final Object writeLock = new Object();

    /** @param poolExists whether a pool exists, checked under the write lock before a record is created for it */
    InMemoryResourceStore(Predicate<String> poolExists) {
        this.poolExists = poolExists;
    }

    @Override
    public <T> Optional<Resource<T>> find(ResourceKind<T> kind, String key) {
        return Optional.ofNullable(typed(kind, this.records.get(id(kind, key))));
    }

    @Override
    public <T> List<Resource<T>> list(ResourceKind<T> kind, @Nullable String userPoolId, String keyPrefix) {
        String from = id(kind, keyPrefix);
        return this.records.tailMap(from, true).entrySet().stream()
                .takeWhile((entry) -> entry.getKey().startsWith(from))
                .map((entry) -> typed(kind, entry.getValue()))
                .filter((resource) -> Objects.equals(resource.userPoolId(), userPoolId))
                .toList();
    }

    @Override
    public boolean write(List<? extends ResourceChange> changes) {
        synchronized (this.writeLock) {
            Map<String, @Nullable Resource<?>> staged = new HashMap<>();
            for (ResourceChange change : changes) {
                if (!stage(change, staged)) {
                    return false;
                }
            }
            staged.forEach((id, resource) -> {
                if (resource == null) {
                    this.records.remove(id);
                } else {
                    this.records.put(id, resource);
                }
            });
            return true;
        }
    }

    /** Removes every record of a pool; called once the pool itself is gone, so that none can be added after. */
    void deletePool(String userPoolId) {
        synchronized (this.writeLock) {
            this.records.values().removeIf((resource) -> userPoolId.equals(resource.userPoolId()));
        }
    }

    /** Removes every record, the account's own included. */
    void clear() {
        synchronized (this.writeLock) {
            this.records.clear();
        }
    }

    /** Checks one change against the records as the earlier changes of the same write leave them, and stages it. */
    private boolean stage(ResourceChange change, Map<String, @Nullable Resource<?>> staged) {
        if (change instanceof ResourceChange.Create<?> create) {
            String id = id(create.kind(), create.key());
            boolean poolGone = create.userPoolId() != null && !this.poolExists.test(create.userPoolId());
            if (current(id, staged) != null || poolGone) {
                return false;
            }
            staged.put(id, created(create));
            return true;
        }
        if (change instanceof ResourceChange.Replace<?> replace) {
            String id = id(replace.current().kind(), replace.current().key());
            if (!isCurrent(replace.current(), current(id, staged))) {
                return false;
            }
            staged.put(id, replaced(replace));
            return true;
        }
        if (change instanceof ResourceChange.Delete delete) {
            String id = id(delete.current().kind(), delete.current().key());
            if (!isCurrent(delete.current(), current(id, staged))) {
                return false;
            }
            staged.put(id, null);
            return true;
        }
        ResourceChange.DeleteIfPresent deleteIfPresent = (ResourceChange.DeleteIfPresent) change;
        staged.put(id(deleteIfPresent.kind(), deleteIfPresent.key()), null);
        return true;
    }

    private @Nullable Resource<?> current(String id, Map<String, @Nullable Resource<?>> staged) {
        return staged.containsKey(id) ? staged.get(id) : this.records.get(id);
    }

    private static boolean isCurrent(Resource<?> read, @Nullable Resource<?> stored) {
        return stored != null && stored.version() == read.version();
    }

    private static <T> Resource<T> created(ResourceChange.Create<T> create) {
        return new Resource<>(create.kind(), create.userPoolId(), create.key(), 1, create.value());
    }

    private static <T> Resource<T> replaced(ResourceChange.Replace<T> replace) {
        return replace.current().replacedBy(replace.value());
    }

    private static String id(ResourceKind<?> kind, String key) {
        return kind.name() + SEPARATOR + key;
    }

    @SuppressWarnings("unchecked")
    private static <T> @Nullable Resource<T> typed(ResourceKind<T> kind, @Nullable Resource<?> resource) {
        if (resource == null) {
            return null;
        }
        if (!resource.kind().equals(kind)) {
            throw new IllegalArgumentException(
                    "Record '" + resource.key() + "' is a " + resource.kind().name());
        }
        return (Resource<T>) resource;
    }
}
