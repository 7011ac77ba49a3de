package io.github.cognitoemulator.core.resourceserver;

import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every resource server of one pool, kept as one record so that a change checks the pool's limit and the uniqueness of
 * identifiers against exactly the servers it replaces.
 *
 * @param servers the servers, ordered by identifier
 */
public record PoolResourceServers(List<ResourceServer> servers) {

    /** The kind of record, keyed by pool id. */
    public static final ResourceKind<PoolResourceServers> KIND =
            ResourceKind.of("resource-servers", PoolResourceServers.class);

    public PoolResourceServers {
        servers = servers.stream()
                .sorted(Comparator.comparing(ResourceServer::identifier))
                .toList();
    }

    /** The resource servers of a pool, none when it has no record yet. */
    public static List<ResourceServer> of(ResourceStore resources, String userPoolId) {
        return resources.find(KIND, userPoolId).map((r) -> r.value().servers()).orElse(List.of());
    }

    /** Whether {@code fullName} ({@code identifier/scope}) is a scope of one of the pool's resource servers. */
    public static boolean definesScope(ResourceStore resources, String userPoolId, String fullName) {
        return of(resources, userPoolId).stream().anyMatch((server) -> server.defines(fullName));
    }

    /** The server with {@code identifier}. */
    Optional<ResourceServer> find(String identifier) {
        return this.servers.stream()
                .filter((server) -> server.identifier().equals(identifier))
                .findFirst();
    }

    /** These servers with {@code server} in place of the one with its identifier, or added. */
    PoolResourceServers with(ResourceServer server) {
        List<ResourceServer> updated = new ArrayList<>(without(server.identifier()).servers);
        updated.add(server);
        return new PoolResourceServers(updated);
    }

    /** These servers without the one with {@code identifier}. */
    PoolResourceServers without(String identifier) {
        return new PoolResourceServers(this.servers.stream()
                .filter((server) -> !server.identifier().equals(identifier))
                .toList());
    }

    /** The stored record of a pool. */
    static Optional<Resource<PoolResourceServers>> read(ResourceStore resources, String userPoolId) {
        return resources.find(KIND, userPoolId);
    }
}
