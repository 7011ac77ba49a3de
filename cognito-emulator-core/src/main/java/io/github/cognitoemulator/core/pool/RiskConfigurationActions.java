package io.github.cognitoemulator.core.pool;

import io.github.cognitoemulator.core.client.ClientStore;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * SetRiskConfiguration and DescribeRiskConfiguration: threat protection settings of a pool, and of single app clients
 * that override the pool's. The emulator assesses no risk; it keeps the settings and answers them back.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetRiskConfiguration.html">SetRiskConfiguration</a>
 */
public final class RiskConfigurationActions implements ActionFamily {

    /** Risk configurations, keyed {@code <pool id>/} for the pool and {@code <pool id>/<client id>} for a client. */
    public static final ResourceKind<RiskConfiguration> RISK_CONFIGURATION =
            ResourceKind.of("risk-configuration", RiskConfiguration.class);

    private final PoolStore pools;

    private final ClientStore clients;

    private final ResourceStore resources;

    private final Clock clock;

    /**
     * @param pools where pools are kept
     * @param clients where app clients are kept
     * @param resources where the configurations are kept
     * @param clock the source of modification times
     */
    public RiskConfigurationActions(PoolStore pools, ClientStore clients, ResourceStore resources, Clock clock) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.clients = Objects.requireNonNull(clients, "'clients' must not be null");
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("SetRiskConfiguration", SetRequest::parse, this::setRiskConfiguration);
        registry.add("DescribeRiskConfiguration", DescribeRequest::parse, this::describeRiskConfiguration);
    }

    Map<String, Object> setRiskConfiguration(SetRequest request, RequestContext context) {
        while (true) {
            String userPoolId = requireTarget(request.userPoolId(), request.clientId(), context);
            String key = key(userPoolId, request.clientId());
            Optional<Resource<RiskConfiguration>> current = this.resources.find(RISK_CONFIGURATION, key);
            RiskConfiguration value = new RiskConfiguration(
                    request.clientId(),
                    request.compromisedCredentials(),
                    request.accountTakeover(),
                    request.riskException(),
                    this.clock.instant());
            // A client sent without settings goes back to inheriting the pool's, so its own record goes.
            boolean inherit = request.clientId() != null && value.isEmpty();
            List<ResourceChange> changes;
            if (inherit) {
                changes = List.of(new ResourceChange.DeleteIfPresent(RISK_CONFIGURATION, key));
            } else {
                changes = List.of(current.<ResourceChange>map(
                                (resource) -> new ResourceChange.Replace<>(resource, value))
                        .orElseGet(() -> new ResourceChange.Create<>(RISK_CONFIGURATION, userPoolId, key, value)));
            }
            if (this.resources.write(changes)) {
                return response(userPoolId, inherit ? pool(userPoolId) : Optional.of(value));
            }
        }
    }

    Map<String, Object> describeRiskConfiguration(DescribeRequest request, RequestContext context) {
        String userPoolId = requireTarget(request.userPoolId(), request.clientId(), context);
        Optional<RiskConfiguration> configuration = Optional.empty();
        if (request.clientId() != null) {
            configuration = this.resources
                    .find(RISK_CONFIGURATION, key(userPoolId, request.clientId()))
                    .map(Resource::value);
        }
        return response(userPoolId, configuration.isPresent() ? configuration : pool(userPoolId));
    }

    private Optional<RiskConfiguration> pool(String userPoolId) {
        return this.resources.find(RISK_CONFIGURATION, key(userPoolId, null)).map(Resource::value);
    }

    /** Checks that the pool, and the client when one is named, exist; returns the pool id. */
    private String requireTarget(String userPoolId, @Nullable String clientId, RequestContext context) {
        UserPool pool = this.pools
                .findInRegion(userPoolId, context.region())
                .orElseThrow(() -> Errors.userPoolNotFound(userPoolId));
        if (clientId != null
                && this.clients
                        .find(clientId)
                        .filter((client) -> client.userPoolId().equals(pool.id()))
                        .isEmpty()) {
            throw Errors.clientNotFound(clientId);
        }
        return pool.id();
    }

    /** The changes that remove a deleted app client's own risk configuration. */
    public static List<ResourceChange> forgetClient(String userPoolId, String clientId) {
        return List.of(new ResourceChange.DeleteIfPresent(RISK_CONFIGURATION, key(userPoolId, clientId)));
    }

    private static String key(String userPoolId, @Nullable String clientId) {
        return userPoolId + "/" + ((clientId != null) ? clientId : "");
    }

    private static Map<String, Object> response(String userPoolId, Optional<RiskConfiguration> configuration) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("UserPoolId", userPoolId);
        configuration.ifPresent((value) -> {
            putIfPresent(shape, "ClientId", value.clientId());
            putIfPresent(shape, "CompromisedCredentialsRiskConfiguration", value.compromisedCredentials());
            putIfPresent(shape, "AccountTakeoverRiskConfiguration", value.accountTakeover());
            putIfPresent(shape, "RiskExceptionConfiguration", value.riskException());
            shape.put("LastModifiedDate", value.lastModifiedDate());
        });
        return Map.of("RiskConfiguration", shape);
    }

    private static void putIfPresent(Map<String, Object> shape, String member, @Nullable Object value) {
        if (value != null) {
            shape.put(member, value);
        }
    }

    /**
     * The threat protection settings of a pool or of one app client, each structure kept as it was given.
     *
     * @param clientId the client, {@code null} for the pool
     * @param compromisedCredentials {@code CompromisedCredentialsRiskConfiguration}
     * @param accountTakeover {@code AccountTakeoverRiskConfiguration}
     * @param riskException {@code RiskExceptionConfiguration}
     * @param lastModifiedDate when they were set
     */
    public record RiskConfiguration(
            @Nullable String clientId,
            @Nullable Map<String, Object> compromisedCredentials,
            @Nullable Map<String, Object> accountTakeover,
            @Nullable Map<String, Object> riskException,
            Instant lastModifiedDate) {

        boolean isEmpty() {
            return this.compromisedCredentials == null && this.accountTakeover == null && this.riskException == null;
        }
    }

    /**
     * A SetRiskConfiguration request.
     *
     * @param userPoolId the pool
     * @param clientId the client, {@code null} for the pool
     * @param compromisedCredentials {@code CompromisedCredentialsRiskConfiguration}
     * @param accountTakeover {@code AccountTakeoverRiskConfiguration}
     * @param riskException {@code RiskExceptionConfiguration}
     */
    record SetRequest(
            String userPoolId,
            @Nullable String clientId,
            @Nullable Map<String, Object> compromisedCredentials,
            @Nullable Map<String, Object> accountTakeover,
            @Nullable Map<String, Object> riskException) {

        static SetRequest parse(RequestReader in) {
            return new SetRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.string("ClientId", StringShape.length(1, 128)),
                    in.document("CompromisedCredentialsRiskConfiguration"),
                    in.document("AccountTakeoverRiskConfiguration"),
                    in.document("RiskExceptionConfiguration"));
        }
    }

    /**
     * A DescribeRiskConfiguration request.
     *
     * @param userPoolId the pool
     * @param clientId the client, {@code null} for the pool
     */
    record DescribeRequest(String userPoolId, @Nullable String clientId) {

        static DescribeRequest parse(RequestReader in) {
            return new DescribeRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.string("ClientId", StringShape.length(1, 128)));
        }
    }
}
