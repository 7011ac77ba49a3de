package io.github.cognitoemulator.core.client;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Keeps app clients in memory, for development and tests only: everything is gone when the JVM stops. */
public final class InMemoryUserPoolClientRepository implements UserPoolClientRepository {

    private final ConcurrentSkipListMap<String, UserPoolClient> clients = new ConcurrentSkipListMap<>();

    @Override
    public void save(UserPoolClient client) {
        this.clients.put(client.clientId(), client);
    }

    @Override
    public Optional<UserPoolClient> findByClientId(String clientId) {
        return Optional.ofNullable(this.clients.get(clientId));
    }

    @Override
    public List<UserPoolClient> findByUserPoolId(String userPoolId) {
        return this.clients.values().stream()
                .filter((client) -> client.userPoolId().equals(userPoolId))
                .toList();
    }

    @Override
    public boolean delete(String clientId) {
        return this.clients.remove(clientId) != null;
    }

    @Override
    public void deleteAll(String userPoolId) {
        this.clients.values().removeIf((client) -> client.userPoolId().equals(userPoolId));
    }
}
