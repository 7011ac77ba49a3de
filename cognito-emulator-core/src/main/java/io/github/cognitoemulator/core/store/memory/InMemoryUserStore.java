package io.github.cognitoemulator.core.store.memory;

import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserFilter;
import io.github.cognitoemulator.core.user.UserStore;
import io.github.cognitoemulator.core.user.UserWriteConflict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Users in memory, indexed so that a lookup by key or {@code sub} takes constant time and ListUsers filters read an
 * index instead of the pool. Writes to one pool take that pool's lock; reads take none, and re-check what an index
 * points to, so a read racing a write sees either the old user or the new one.
 */
final class InMemoryUserStore implements UserStore {

    private final Map<String, PoolUsers> pools = new ConcurrentHashMap<>();

    private final Predicate<String> poolExists;

    private final BiConsumer<String, String> onDelete;

    /**
     * @param poolExists whether a pool exists, so that no user is added to a deleted pool
     * @param onDelete told the pool and {@code sub} of each deleted user, to remove what the user owns elsewhere
     */
    InMemoryUserStore(Predicate<String> poolExists, BiConsumer<String, String> onDelete) {
        this.poolExists = poolExists;
        this.onDelete = onDelete;
    }

    @Override
    public Optional<User> find(String userPoolId, String sub) {
        PoolUsers pool = this.pools.get(userPoolId);
        return (pool != null) ? Optional.ofNullable(pool.bySub.get(sub)) : Optional.empty();
    }

    @Override
    public Optional<User> findByKey(String userPoolId, String key) {
        PoolUsers pool = this.pools.get(userPoolId);
        if (pool == null) {
            return Optional.empty();
        }
        String sub = pool.byKey.get(key);
        if (sub == null) {
            return Optional.empty();
        }
        User user = pool.bySub.get(sub);
        // The index may be a step ahead of the user map during a write; the user must still hold the key.
        return (user != null && pool.keysBySub.getOrDefault(sub, List.of()).contains(key))
                ? Optional.of(user)
                : Optional.empty();
    }

    @Override
    public void write(List<UserChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        String userPoolId = changes.get(0).userPoolId();
        if (changes.stream().anyMatch((change) -> !change.userPoolId().equals(userPoolId))) {
            throw new IllegalArgumentException("One write changes the users of one pool");
        }
        PoolUsers pool = this.pools.computeIfAbsent(userPoolId, (id) -> new PoolUsers());
        List<String> deleted = new ArrayList<>();
        pool.lock.lock();
        try {
            if (!this.poolExists.test(userPoolId)) {
                throw UserWriteConflict.stale();
            }
            check(pool, changes);
            for (UserChange change : changes) {
                if (change instanceof UserChange.Create create) {
                    pool.put(create.user(), create.keys());
                } else if (change instanceof UserChange.Replace replace) {
                    pool.put(replace.updated(), replace.keys());
                } else {
                    pool.remove(change.sub());
                    deleted.add(change.sub());
                }
            }
        } finally {
            pool.lock.unlock();
        }
        deleted.forEach((sub) -> this.onDelete.accept(userPoolId, sub));
    }

    /** Refuses the whole write before any of it is applied, as a database transaction would roll back. */
    private static void check(PoolUsers pool, List<UserChange> changes) {
        // Keys released and claimed within this write, so that one write may move a key from one user to another.
        Map<String, String> claimed = new HashMap<>();
        Set<String> released = new HashSet<>();
        Set<String> touched = new HashSet<>();
        for (UserChange change : changes) {
            String sub = change.sub();
            if (!touched.add(sub)) {
                throw new IllegalArgumentException("One write changes a user once");
            }
            User stored = pool.bySub.get(sub);
            boolean stale = (change instanceof UserChange.Create)
                    ? stored != null
                    : stored == null || stored.version() != change.expectedVersion();
            if (stale) {
                throw UserWriteConflict.stale();
            }
            if (!(change instanceof UserChange.Create)) {
                released.addAll(pool.keysBySub.getOrDefault(sub, List.of()));
            }
        }
        for (UserChange change : changes) {
            String sub = change.sub();
            for (String key : change.keys()) {
                String holder = pool.byKey.get(key);
                boolean heldByOther = holder != null && !holder.equals(sub) && !released.contains(key);
                String claimant = claimed.putIfAbsent(key, sub);
                if (heldByOther || (claimant != null && !claimant.equals(sub))) {
                    throw UserWriteConflict.keyTaken(key);
                }
            }
        }
    }

    @Override
    public List<User> list(String userPoolId, @Nullable UserFilter filter, @Nullable String fromUsername, int limit) {
        PoolUsers pool = this.pools.get(userPoolId);
        if (pool == null || limit <= 0) {
            return List.of();
        }
        if (filter == null) {
            NavigableMap<String, String> from =
                    (fromUsername != null) ? pool.byUsername.tailMap(fromUsername, true) : pool.byUsername;
            List<User> page = new ArrayList<>();
            for (String sub : from.values()) {
                User user = pool.bySub.get(sub);
                if (user != null) {
                    page.add(user);
                    if (page.size() == limit) {
                        break;
                    }
                }
            }
            return page;
        }
        return pool.search(filter).stream()
                .map(pool.bySub::get)
                .filter(Objects::nonNull)
                .filter(filter)
                .filter((user) -> fromUsername == null || user.username().compareTo(fromUsername) >= 0)
                .sorted(Comparator.comparing(User::username))
                .limit(limit)
                .toList();
    }

    @Override
    public long count(String userPoolId) {
        PoolUsers pool = this.pools.get(userPoolId);
        return (pool != null) ? pool.bySub.size() : 0;
    }

    /** Forgets every user of a pool. */
    void deletePool(String userPoolId) {
        this.pools.remove(userPoolId);
    }

    /** The users of one pool and their indexes. */
    private static final class PoolUsers {

        final ReentrantLock lock = new ReentrantLock();

        final Map<String, User> bySub = new ConcurrentHashMap<>();

        final Map<String, String> byKey = new ConcurrentHashMap<>();

        final Map<String, List<String>> keysBySub = new ConcurrentHashMap<>();

        final NavigableMap<String, String> byUsername = new ConcurrentSkipListMap<>();

        /**
         * Per searchable attribute: each user's value with its {@code sub}, ordered by value then sub for prefix
         * scans. An entry refers to the user's own strings rather than joining them into a new one, which at
         * 100,000 users saves some 80 bytes per user and attribute.
         */
        final Map<String, NavigableSet<SearchEntry>> search = new ConcurrentHashMap<>();

        void put(User user, List<String> keys) {
            User previous = this.bySub.get(user.sub());
            if (previous != null) {
                unindex(previous);
            }
            for (String key : keys) {
                this.byKey.put(key, user.sub());
            }
            this.keysBySub.put(user.sub(), List.copyOf(keys));
            this.bySub.put(user.sub(), user);
            this.byUsername.put(user.username(), user.sub());
            for (String attribute : UserFilter.SEARCHABLE) {
                String value = UserFilter.searchValue(user, attribute);
                if (value != null) {
                    this.search
                            .computeIfAbsent(attribute, (name) -> new ConcurrentSkipListSet<>())
                            .add(new SearchEntry(value, user.sub()));
                }
            }
        }

        void remove(String sub) {
            User previous = this.bySub.remove(sub);
            if (previous != null) {
                unindex(previous);
            }
        }

        private void unindex(User user) {
            for (String key : this.keysBySub.getOrDefault(user.sub(), List.of())) {
                this.byKey.remove(key, user.sub());
            }
            this.keysBySub.remove(user.sub());
            this.byUsername.remove(user.username(), user.sub());
            for (String attribute : UserFilter.SEARCHABLE) {
                String value = UserFilter.searchValue(user, attribute);
                NavigableSet<SearchEntry> index = this.search.get(attribute);
                if (value != null && index != null) {
                    index.remove(new SearchEntry(value, user.sub()));
                }
            }
        }

        /** The subs whose value for the filter's attribute equals, or starts with, the filter's value. */
        List<String> search(UserFilter filter) {
            NavigableSet<SearchEntry> index = this.search.get(filter.attribute());
            if (index == null) {
                return List.of();
            }
            String value = UserFilter.normalizedValue(filter.attribute(), filter.value());
            List<String> subs = new ArrayList<>();
            // The smallest entry with this value: no sub sorts before the empty string.
            for (SearchEntry entry : index.tailSet(new SearchEntry(value, ""), true)) {
                if (filter.prefix()
                        ? !entry.value().startsWith(value)
                        : !entry.value().equals(value)) {
                    break;
                }
                subs.add(entry.sub());
            }
            return subs;
        }
    }

    /** A user's value of a searchable attribute, and the user's {@code sub}; ordered by value, then sub. */
    private record SearchEntry(String value, String sub) implements Comparable<SearchEntry> {

        @Override
        public int compareTo(SearchEntry other) {
            int byValue = this.value.compareTo(other.value);
            return (byValue != 0) ? byValue : this.sub.compareTo(other.sub);
        }
    }
}
