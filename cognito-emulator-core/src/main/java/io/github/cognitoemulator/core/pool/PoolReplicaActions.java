package io.github.cognitoemulator.core.pool;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.support.PageTokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * CreateUserPoolReplica, ListUserPoolReplicas, UpdateUserPoolReplica and DeleteUserPoolReplica. The emulator records
 * a pool's secondary replicas and describes them as Cognito does, with the pool's own region as the primary; it
 * does not serve the pool from the replicas' regions.
 *
 * <p>These operations are newer than the service model the generic validator reads, so their model constraints
 * (region name length, status values) are checked here.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolReplica.html">CreateUserPoolReplica</a>
 */
public final class PoolReplicaActions implements ActionFamily {

    /** A pool's secondary replicas, keyed {@code <pool id>/<region>}. */
    static final ResourceKind<PoolReplica> REPLICA = ResourceKind.of("pool-replica", PoolReplica.class);

    /** How many secondary replicas a pool may have in the emulator; the API reference states no number. */
    static final int MAX_SECONDARY_REPLICAS = 5;

    private static final StringShape REGION_NAME = StringShape.length(5, 32);

    private static final int PAGE_SIZE = 60;

    private final PoolStore pools;

    private final ResourceStore resources;

    private final String accountId;

    /**
     * @param pools where pools are kept
     * @param resources where replicas are recorded
     * @param accountId the account named in replica ARNs
     */
    public PoolReplicaActions(PoolStore pools, ResourceStore resources, String accountId) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.accountId = Objects.requireNonNull(accountId, "'accountId' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("CreateUserPoolReplica", CreateRequest::parse, this::createUserPoolReplica);
        registry.add("ListUserPoolReplicas", ListRequest::parse, this::listUserPoolReplicas);
        registry.add("UpdateUserPoolReplica", UpdateRequest::parse, this::updateUserPoolReplica);
        registry.add("DeleteUserPoolReplica", ReplicaRequest::parse, this::deleteUserPoolReplica);
    }

    Map<String, Object> createUserPoolReplica(CreateRequest request, RequestContext context) {
        while (true) {
            UserPool pool = this.pools.require(request.userPoolId(), context.region());
            if (request.regionName().equals(pool.region())) {
                throw Errors.invalidParameter("A replica cannot be created in the primary region " + pool.region()
                        + " of user pool " + pool.id() + ".");
            }
            List<Resource<PoolReplica>> replicas = this.resources.list(REPLICA, pool.id(), pool.id() + "/");
            if (replicas.stream()
                    .anyMatch((replica) -> replica.value().regionName().equals(request.regionName()))) {
                throw Errors.invalidParameter(
                        "User pool " + pool.id() + " already has a replica in region " + request.regionName() + ".");
            }
            if (replicas.size() >= MAX_SECONDARY_REPLICAS) {
                throw ErrorType.LIMIT_EXCEEDED.exception(
                        "User pool " + pool.id() + " cannot have more than " + MAX_SECONDARY_REPLICAS + " replicas.");
            }
            PoolReplica replica = new PoolReplica(request.regionName(), "ACTIVE", request.tags());
            if (this.resources.create(REPLICA, pool.id(), key(pool.id(), request.regionName()), replica)) {
                // The replica is usable at once here; Cognito answers while it is still being created.
                return Map.of("UserPoolReplica", shape(pool, request.regionName(), "CREATING", "SECONDARY"));
            }
        }
    }

    Map<String, Object> listUserPoolReplicas(ListRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(shape(pool, pool.region(), "ACTIVE", "PRIMARY"));
        for (Resource<PoolReplica> replica : this.resources.list(REPLICA, pool.id(), pool.id() + "/")) {
            all.add(shape(pool, replica.value().regionName(), replica.value().status(), "SECONDARY"));
        }
        // The primary comes first, then the secondaries by region; the position keys the pages.
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            positions.add(i);
        }
        PageTokens.Page<Integer> page = PageTokens.page(
                positions, (position) -> String.format("%04d", position), request.nextToken(), PAGE_SIZE);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("UserPoolReplicas", page.items().stream().map(all::get).toList());
        if (page.nextToken() != null) {
            response.put("NextToken", page.nextToken());
        }
        return response;
    }

    Map<String, Object> updateUserPoolReplica(UpdateRequest request, RequestContext context) {
        while (true) {
            UserPool pool = this.pools.require(request.userPoolId(), context.region());
            Resource<PoolReplica> current = secondary(pool, request.regionName());
            PoolReplica updated = new PoolReplica(
                    current.value().regionName(),
                    request.status(),
                    current.value().tags());
            if (this.resources.replace(current, updated)) {
                return Map.of("UserPoolReplica", shape(pool, request.regionName(), request.status(), "SECONDARY"));
            }
        }
    }

    Map<String, Object> deleteUserPoolReplica(ReplicaRequest request, RequestContext context) {
        while (true) {
            UserPool pool = this.pools.require(request.userPoolId(), context.region());
            Resource<PoolReplica> current = secondary(pool, request.regionName());
            if (this.resources.delete(current)) {
                return Map.of("UserPoolReplica", shape(pool, request.regionName(), "DELETING", "SECONDARY"));
            }
        }
    }

    /** The secondary replica of {@code pool} in {@code region}; the primary cannot be changed or removed this way. */
    private Resource<PoolReplica> secondary(UserPool pool, String region) {
        if (region.equals(pool.region())) {
            throw Errors.invalidParameter("The primary replica of user pool " + pool.id() + " in region " + region
                    + " cannot be changed or deleted.");
        }
        Optional<Resource<PoolReplica>> replica = this.resources.find(REPLICA, key(pool.id(), region));
        return replica.orElseThrow(() -> ErrorType.RESOURCE_NOT_FOUND.exception(
                "User pool " + pool.id() + " has no replica in region " + region + "."));
    }

    private Map<String, Object> shape(UserPool pool, String region, String status, String role) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("RegionName", region);
        shape.put("Status", status);
        shape.put("Role", role);
        shape.put("UserPoolArn", "arn:aws:cognito-idp:" + region + ":" + this.accountId + ":userpool/" + pool.id());
        return shape;
    }

    private static String key(String userPoolId, String region) {
        return userPoolId + "/" + region;
    }

    /**
     * A secondary replica of a pool.
     *
     * @param regionName the region it is in
     * @param status {@code ACTIVE} or {@code INACTIVE}
     * @param tags the replica's own tags, as given at its creation
     */
    record PoolReplica(String regionName, String status, Map<String, String> tags) {}

    /**
     * A CreateUserPoolReplica request.
     *
     * @param userPoolId the pool
     * @param regionName the region of the new replica
     * @param tags the replica's tags
     */
    record CreateRequest(String userPoolId, String regionName, Map<String, String> tags) {

        static CreateRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            String regionName = in.requiredString("RegionName", REGION_NAME);
            Map<String, String> tags = in.stringMap("UserPoolTags");
            return new CreateRequest(userPoolId, regionName, (tags != null) ? tags : Map.of());
        }
    }

    /**
     * A ListUserPoolReplicas request.
     *
     * @param userPoolId the pool
     * @param nextToken the token of the page to return
     */
    record ListRequest(String userPoolId, @Nullable String nextToken) {

        static ListRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            return new ListRequest(userPoolId, in.string("NextToken", Shapes.PAGINATION_KEY));
        }
    }

    /**
     * An UpdateUserPoolReplica request.
     *
     * @param userPoolId the pool
     * @param regionName the replica's region
     * @param status {@code ACTIVE} or {@code INACTIVE}
     */
    record UpdateRequest(String userPoolId, String regionName, String status) {

        static UpdateRequest parse(RequestReader in) {
            return new UpdateRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("RegionName", REGION_NAME),
                    in.requiredString("Status", StringShape.oneOf("ACTIVE", "INACTIVE")));
        }
    }

    /**
     * A DeleteUserPoolReplica request.
     *
     * @param userPoolId the pool
     * @param regionName the replica's region
     */
    record ReplicaRequest(String userPoolId, String regionName) {

        static ReplicaRequest parse(RequestReader in) {
            return new ReplicaRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID), in.requiredString("RegionName", REGION_NAME));
        }
    }
}
