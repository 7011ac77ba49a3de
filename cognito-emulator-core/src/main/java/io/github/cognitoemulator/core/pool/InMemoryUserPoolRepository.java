package io.github.cognitoemulator.core.pool;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Keeps user pools in memory, for development and tests only: everything is gone when the JVM stops. */
public final class InMemoryUserPoolRepository implements UserPoolRepository {

    private final ConcurrentSkipListMap<String, UserPool> pools = new ConcurrentSkipListMap<>();

    @Override
    public void save(UserPool pool) {
        this.pools.put(pool.id(), pool);
    }

    @Override
    public Optional<UserPool> findById(String userPoolId) {
        return Optional.ofNullable(this.pools.get(userPoolId));
    }

    @Override
    public List<UserPool> findAll() {
        return List.copyOf(this.pools.values());
    }

    @Override
    public boolean delete(String userPoolId) {
        return this.pools.remove(userPoolId) != null;
    }
}
