package io.github.cognitoemulator.core.user;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps users in memory, for development and tests only: everything is gone when the JVM stops. */
public final class InMemoryUserRepository implements UserRepository {

    private final Map<String, Map<String, User>> usersByPool = new ConcurrentHashMap<>();

    @Override
    public void save(User user) {
        this.usersByPool
                .computeIfAbsent(user.userPoolId(), (id) -> new ConcurrentHashMap<>())
                .put(user.sub(), user);
    }

    @Override
    public Optional<User> findBySub(String userPoolId, String sub) {
        return Optional.ofNullable(pool(userPoolId).get(sub));
    }

    @Override
    public List<User> findAll(String userPoolId) {
        return List.copyOf(pool(userPoolId).values());
    }

    @Override
    public boolean delete(String userPoolId, String sub) {
        return pool(userPoolId).remove(sub) != null;
    }

    @Override
    public long count(String userPoolId) {
        return pool(userPoolId).size();
    }

    @Override
    public void deleteAll(String userPoolId) {
        this.usersByPool.remove(userPoolId);
    }

    private Map<String, User> pool(String userPoolId) {
        return this.usersByPool.getOrDefault(userPoolId, Map.of());
    }
}
