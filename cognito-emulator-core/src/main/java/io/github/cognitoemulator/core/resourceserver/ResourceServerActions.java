package io.github.cognitoemulator.core.resourceserver;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.IntShape;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.support.PageTokens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * CreateResourceServer, DescribeResourceServer, ListResourceServers, UpdateResourceServer and DeleteResourceServer.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateResourceServer.html">CreateResourceServer</a>
 */
public final class ResourceServerActions implements ActionFamily {

    /** Cognito's quota of resource servers per pool. */
    static final int MAX_RESOURCE_SERVERS = 25;

    private static final StringShape IDENTIFIER = StringShape.length(1, 256).pattern("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    private static final StringShape NAME = StringShape.length(1, 256).pattern("[\\w\\s+=,.@-]+");

    private static final StringShape SCOPE_NAME =
            StringShape.length(1, 256).pattern("[\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]+");

    private final PoolStore pools;

    private final ResourceStore resources;

    public ResourceServerActions(PoolStore pools, ResourceStore resources) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("CreateResourceServer", ResourceServerRequest::parse, this::createResourceServer);
        registry.add("DescribeResourceServer", IdentifierRequest::parse, this::describeResourceServer);
        registry.add("ListResourceServers", ListResourceServersRequest::parse, this::listResourceServers);
        registry.add("UpdateResourceServer", ResourceServerRequest::parse, this::updateResourceServer);
        registry.add("DeleteResourceServer", IdentifierRequest::parse, this::deleteResourceServer);
    }

    Map<String, Object> createResourceServer(ResourceServerRequest request, RequestContext context) {
        requirePool(request.userPoolId(), context);
        ResourceServer server = request.server();
        requireDistinctScopes(server);
        change(request.userPoolId(), (servers) -> {
            if (servers.find(server.identifier()).isPresent()) {
                throw Errors.invalidParameter("A resource server with identifier " + server.identifier()
                        + " already exists in this user pool.");
            }
            if (servers.servers().size() >= MAX_RESOURCE_SERVERS) {
                throw ErrorType.LIMIT_EXCEEDED.exception("Maximum number of resource servers (" + MAX_RESOURCE_SERVERS
                        + ") reached for user pool " + request.userPoolId() + ".");
            }
            return servers.with(server);
        });
        return Map.of("ResourceServer", resourceServerType(request.userPoolId(), server));
    }

    Map<String, Object> describeResourceServer(IdentifierRequest request, RequestContext context) {
        requirePool(request.userPoolId(), context);
        ResourceServer server = PoolResourceServers.of(this.resources, request.userPoolId()).stream()
                .filter((s) -> s.identifier().equals(request.identifier()))
                .findFirst()
                .orElseThrow(() -> notFound(request.userPoolId(), request.identifier()));
        return Map.of("ResourceServer", resourceServerType(request.userPoolId(), server));
    }

    Map<String, Object> listResourceServers(ListResourceServersRequest request, RequestContext context) {
        requirePool(request.userPoolId(), context);
        PageTokens.Page<ResourceServer> page = PageTokens.page(
                PoolResourceServers.of(this.resources, request.userPoolId()),
                ResourceServer::identifier,
                request.nextToken(),
                request.maxResults());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put(
                "ResourceServers",
                page.items().stream()
                        .map((server) -> resourceServerType(request.userPoolId(), server))
                        .toList());
        if (page.nextToken() != null) {
            response.put("NextToken", page.nextToken());
        }
        return response;
    }

    Map<String, Object> updateResourceServer(ResourceServerRequest request, RequestContext context) {
        requirePool(request.userPoolId(), context);
        ResourceServer server = request.server();
        requireDistinctScopes(server);
        change(request.userPoolId(), (servers) -> {
            if (servers.find(server.identifier()).isEmpty()) {
                throw notFound(request.userPoolId(), server.identifier());
            }
            return servers.with(server);
        });
        return Map.of("ResourceServer", resourceServerType(request.userPoolId(), server));
    }

    @Nullable
    Object deleteResourceServer(IdentifierRequest request, RequestContext context) {
        requirePool(request.userPoolId(), context);
        change(request.userPoolId(), (servers) -> {
            if (servers.find(request.identifier()).isEmpty()) {
                throw notFound(request.userPoolId(), request.identifier());
            }
            return servers.without(request.identifier());
        });
        return null;
    }

    /** Cognito refuses a server that names one scope twice. */
    private static void requireDistinctScopes(ResourceServer server) {
        if (server.scopes() == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (ResourceServer.Scope scope : server.scopes()) {
            if (!names.add(scope.scopeName())) {
                throw Errors.invalidParameter("Duplicate scopes are not allowed: " + scope.scopeName());
            }
        }
    }

    /** Applies {@code update} to the pool's servers as last stored, again whenever another writer came first. */
    private void change(String userPoolId, UnaryOperator<PoolResourceServers> update) {
        while (true) {
            Optional<Resource<PoolResourceServers>> current = PoolResourceServers.read(this.resources, userPoolId);
            PoolResourceServers before = current.map(Resource::value).orElse(new PoolResourceServers(List.of()));
            PoolResourceServers after = update.apply(before);
            boolean written = current.isPresent()
                    ? this.resources.replace(current.get(), after)
                    : this.resources.create(PoolResourceServers.KIND, userPoolId, userPoolId, after);
            if (written) {
                return;
            }
            if (this.pools.find(userPoolId).isEmpty()) {
                throw Errors.userPoolNotFound(userPoolId);
            }
        }
    }

    private void requirePool(String userPoolId, RequestContext context) {
        if (this.pools.findInRegion(userPoolId, context.region()).isEmpty()) {
            throw Errors.userPoolNotFound(userPoolId);
        }
    }

    private static RuntimeException notFound(String userPoolId, String identifier) {
        return ErrorType.RESOURCE_NOT_FOUND.exception(
                "Resource server " + identifier + " does not exist in pool " + userPoolId + ".");
    }

    /** {@code ResourceServerType}; {@code Scopes} only when the server has a list of them. */
    static Map<String, Object> resourceServerType(String userPoolId, ResourceServer server) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("UserPoolId", userPoolId);
        shape.put("Identifier", server.identifier());
        shape.put("Name", server.name());
        if (server.scopes() != null) {
            shape.put(
                    "Scopes",
                    server.scopes().stream()
                            .map((scope) -> Map.of(
                                    "ScopeName", scope.scopeName(), "ScopeDescription", scope.scopeDescription()))
                            .toList());
        }
        return shape;
    }

    /**
     * A CreateResourceServer or UpdateResourceServer request: both give the whole server.
     *
     * @param userPoolId the pool
     * @param server the server as requested
     */
    record ResourceServerRequest(String userPoolId, ResourceServer server) {

        static ResourceServerRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            String identifier = in.requiredString("Identifier", IDENTIFIER);
            String name = in.requiredString("Name", NAME);
            List<RequestReader> scopeReaders = in.structureList("Scopes", 0, 100);
            List<ResourceServer.Scope> scopes = null;
            if (scopeReaders != null) {
                scopes = new ArrayList<>();
                for (RequestReader scope : scopeReaders) {
                    scopes.add(new ResourceServer.Scope(
                            scope.requiredString("ScopeName", SCOPE_NAME),
                            scope.requiredString("ScopeDescription", StringShape.length(1, 256))));
                }
            }
            return new ResourceServerRequest(userPoolId, new ResourceServer(identifier, name, scopes));
        }
    }

    /**
     * A request naming a pool and one of its resource servers.
     *
     * @param userPoolId the pool
     * @param identifier the server
     */
    record IdentifierRequest(String userPoolId, String identifier) {

        static IdentifierRequest parse(RequestReader in) {
            return new IdentifierRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID), in.requiredString("Identifier", IDENTIFIER));
        }
    }

    /**
     * A ListResourceServers request.
     *
     * @param userPoolId the pool
     * @param maxResults the page size, 1 to 50, default 50
     * @param nextToken the token of the page to return
     */
    record ListResourceServersRequest(
            String userPoolId, int maxResults, @Nullable String nextToken) {

        static ListResourceServersRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            Integer maxResults = in.integer("MaxResults", IntShape.range(1, 50));
            String nextToken = in.string("NextToken", Shapes.PAGINATION_KEY);
            return new ListResourceServersRequest(userPoolId, (maxResults != null) ? maxResults : 50, nextToken);
        }
    }
}
