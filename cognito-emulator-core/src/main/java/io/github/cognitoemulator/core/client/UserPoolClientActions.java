package io.github.cognitoemulator.core.client;

import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.IntShape;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.support.PageTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * CreateUserPoolClient, DescribeUserPoolClient, UpdateUserPoolClient, ListUserPoolClients and DeleteUserPoolClient.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html">CreateUserPoolClient</a>
 */
public final class UserPoolClientActions implements ActionFamily {

    private final PoolStore pools;

    private final ClientContents contents;

    private final ClientStore clients;

    private final Clock clock;

    private final Ids ids;

    private final ClientSettingsRules rules;

    private final ResourceStore resources;

    private final ClientSecrets secrets;

    public UserPoolClientActions(
            PoolStore pools,
            ClientStore clients,
            ResourceStore resources,
            ClientContents contents,
            Clock clock,
            Ids ids) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.contents = Objects.requireNonNull(contents, "'contents' must not be null");
        this.clients = Objects.requireNonNull(clients, "'clients' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
        this.rules = new ClientSettingsRules(resources);
        this.resources = resources;
        this.secrets = new ClientSecrets(resources);
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("CreateUserPoolClient", CreateUserPoolClientRequest::parse, this::createUserPoolClient);
        registry.add("DescribeUserPoolClient", ClientIdRequest::parse, this::describeUserPoolClient);
        registry.add("ListUserPoolClients", ListUserPoolClientsRequest::parse, this::listUserPoolClients);
        registry.add("DeleteUserPoolClient", ClientIdRequest::parse, this::deleteUserPoolClient);
        registry.add("UpdateUserPoolClient", UpdateUserPoolClientRequest::parse, this::updateUserPoolClient);
    }

    Map<String, Object> createUserPoolClient(CreateUserPoolClientRequest request, RequestContext context) {
        String secret = checkedSecret(request, context);
        Instant now = this.clock.instant();
        UserPoolClient client = newClient(request, this.ids.clientId(), secret, now);
        while (!this.clients.create(client)) {
            // Either the pool was deleted meanwhile, or (most unlikely) the new id is taken.
            requirePoolStill(request.userPoolId());
            client = newClient(request, this.ids.clientId(), secret, now);
        }
        return Map.of("UserPoolClient", userPoolClientType(client, secret));
    }

    /**
     * CreateUserPoolClient under an id the caller chose instead of a generated one, for clients declared in
     * configuration whose ids must stay the same: the same parsing and checks, then a single attempt to create.
     *
     * @param clientId the id, unique across all pools
     * @param input the CreateUserPoolClient request, already validated against the service model
     * @return whether the client was created; {@code false} when a client with this id exists already, in any pool
     * @throws io.github.cognitoemulator.core.error.CognitoException when CreateUserPoolClient would refuse the request
     */
    public boolean createUserPoolClientWithId(String clientId, RequestReader input, RequestContext context) {
        CreateUserPoolClientRequest request = CreateUserPoolClientRequest.parse(input);
        input.validate();
        String secret = checkedSecret(request, context);
        if (this.clients.create(newClient(request, clientId, secret, this.clock.instant()))) {
            return true;
        }
        requirePoolStill(request.userPoolId());
        return false;
    }

    /** Checks a new client's settings against its pool and each other, and returns its secret, if any. */
    private @Nullable String checkedSecret(CreateUserPoolClientRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        checkFlowsAndLifetimes(request);
        String secret = request.clientSecret();
        if (secret == null && request.generateSecret()) {
            secret = this.ids.clientSecret();
        }
        this.rules.check(pool, request.oauth(), secret != null, true);
        return secret;
    }

    private void requirePoolStill(String userPoolId) {
        if (this.pools.find(userPoolId).isEmpty()) {
            throw Errors.userPoolNotFound(userPoolId);
        }
    }

    /**
     * UpdateUserPoolClient: every setting is given again, and one left out returns to its default, as Cognito does;
     * only the name, when left out, stays.
     */
    Map<String, Object> updateUserPoolClient(UpdateUserPoolClientRequest request, RequestContext context) {
        CreateUserPoolClientRequest settings = request.settings();
        UserPool pool = this.pools.require(settings.userPoolId(), context.region());
        checkFlowsAndLifetimes(settings);
        ClientIdRequest id = new ClientIdRequest(settings.userPoolId(), request.clientId());
        while (true) {
            UserPoolClient current = requireClient(id, context);
            this.rules.check(pool, settings.oauth(), current.hasSecret(), false);
            UserPoolClient updated = new UserPoolClient(
                    current.userPoolId(),
                    (request.clientName() != null) ? request.clientName() : current.clientName(),
                    current.clientId(),
                    current.clientSecret(),
                    current.creationDate(),
                    this.clock.instant(),
                    settings.tokenValidity(),
                    settings.explicitAuthFlows(),
                    settings.preventUserExistenceErrors(),
                    settings.enableTokenRevocation(),
                    settings.authSessionValidity(),
                    settings.settings());
            if (this.clients.replace(current, updated)) {
                return Map.of("UserPoolClient", userPoolClientType(updated, this.secrets.shown(updated)));
            }
        }
    }

    private static void checkFlowsAndLifetimes(CreateUserPoolClientRequest request) {
        if (request.explicitAuthFlows() != null
                && request.explicitAuthFlows().stream().noneMatch(ExplicitAuthFlow::isLegacy)
                && !request.explicitAuthFlows().isEmpty()
                && !request.explicitAuthFlows().contains(ExplicitAuthFlow.ALLOW_REFRESH_TOKEN_AUTH)) {
            throw Errors.invalidParameter("REFRESH_TOKEN_AUTH should always be allowed.");
        }
        if (!request.tokenValidity().inAllowedRange()) {
            throw Errors.invalidParameter("Invalid range for token validity.");
        }
    }

    private static UserPoolClient newClient(
            CreateUserPoolClientRequest request, String clientId, @Nullable String secret, Instant now) {
        return new UserPoolClient(
                request.userPoolId(),
                request.clientName(),
                clientId,
                secret,
                now,
                now,
                request.tokenValidity(),
                request.explicitAuthFlows(),
                request.preventUserExistenceErrors(),
                request.enableTokenRevocation(),
                request.authSessionValidity(),
                request.settings());
    }

    Map<String, Object> describeUserPoolClient(ClientIdRequest request, RequestContext context) {
        UserPoolClient client = requireClient(request, context);
        return Map.of("UserPoolClient", userPoolClientType(client, this.secrets.shown(client)));
    }

    Map<String, Object> listUserPoolClients(ListUserPoolClientsRequest request, RequestContext context) {
        this.pools.require(request.userPoolId(), context.region());
        PageTokens.Page<UserPoolClient> page = PageTokens.page(
                this.clients.list(request.userPoolId()),
                UserPoolClient::clientId,
                request.nextToken(),
                request.maxResults());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put(
                "UserPoolClients",
                page.items().stream()
                        .map((client) -> Map.of(
                                "ClientId", client.clientId(),
                                "ClientName", client.clientName(),
                                "UserPoolId", client.userPoolId()))
                        .toList());
        if (page.nextToken() != null) {
            response.put("NextToken", page.nextToken());
        }
        return response;
    }

    @Nullable
    Object deleteUserPoolClient(ClientIdRequest request, RequestContext context) {
        UserPoolClient client = requireClient(request, context);
        this.clients.delete(client.clientId());
        List<ResourceChange> leftBehind = new ArrayList<>();
        leftBehind.add(new ResourceChange.DeleteIfPresent(
                ClientSecretList.KIND, ClientSecrets.key(client.userPoolId(), client.clientId())));
        leftBehind.addAll(this.contents.forget(client.userPoolId(), client.clientId()));
        this.resources.write(leftBehind);
        return null;
    }

    private UserPoolClient requireClient(ClientIdRequest request, RequestContext context) {
        this.pools.require(request.userPoolId(), context.region());
        return this.clients
                .find(request.clientId())
                .filter((client) -> client.userPoolId().equals(request.userPoolId()))
                .orElseThrow(() -> Errors.clientNotFound(request.clientId()));
    }

    /**
     * {@code UserPoolClientType}: members that were never set are left out, as Cognito does.
     *
     * @param shownSecret the secret to show, the oldest active one
     */
    static Map<String, Object> userPoolClientType(UserPoolClient client, @Nullable String shownSecret) {
        Map<String, Object> shape = new TreeMap<>(client.settings());
        shape.put("UserPoolId", client.userPoolId());
        shape.put("ClientName", client.clientName());
        shape.put("ClientId", client.clientId());
        if (shownSecret != null) {
            shape.put("ClientSecret", shownSecret);
        }
        shape.put("CreationDate", client.creationDate());
        shape.put("LastModifiedDate", client.lastModifiedDate());
        TokenValidity validity = client.tokenValidity();
        shape.put(
                "RefreshTokenValidity",
                (validity.refreshToken() != null && validity.refreshToken() != 0) ? validity.refreshToken() : 30);
        if (validity.accessToken() != null) {
            shape.put("AccessTokenValidity", validity.accessToken());
        }
        if (validity.idToken() != null) {
            shape.put("IdTokenValidity", validity.idToken());
        }
        Map<String, String> units = new TreeMap<>();
        if (validity.accessTokenUnit() != null) {
            units.put("AccessToken", validity.accessTokenUnit());
        }
        if (validity.idTokenUnit() != null) {
            units.put("IdToken", validity.idTokenUnit());
        }
        if (validity.refreshTokenUnit() != null) {
            units.put("RefreshToken", validity.refreshTokenUnit());
        }
        shape.put("TokenValidityUnits", units);
        if (client.explicitAuthFlows() != null) {
            shape.put(
                    "ExplicitAuthFlows",
                    client.explicitAuthFlows().stream().map(Enum::name).toList());
        }
        if (client.preventUserExistenceErrors() != null) {
            shape.put("PreventUserExistenceErrors", client.preventUserExistenceErrors());
        }
        shape.put("EnableTokenRevocation", client.enableTokenRevocation());
        shape.put("AuthSessionValidity", client.authSessionValidity());
        return shape;
    }

    /**
     * A request naming a pool and one of its clients.
     *
     * @param userPoolId the pool
     * @param clientId the client
     */
    record ClientIdRequest(String userPoolId, String clientId) {

        static ClientIdRequest parse(RequestReader in) {
            return new ClientIdRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("ClientId", Shapes.CLIENT_ID));
        }
    }

    /**
     * An UpdateUserPoolClient request.
     *
     * @param clientId the client
     * @param clientName the new name, or {@code null} to keep the name
     * @param settings every other setting, defaults where left out
     */
    record UpdateUserPoolClientRequest(
            String clientId, @Nullable String clientName, CreateUserPoolClientRequest settings) {

        static UpdateUserPoolClientRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            String clientId = in.requiredString("ClientId", Shapes.CLIENT_ID);
            String clientName = CreateUserPoolClientRequest.optionalClientName(in);
            CreateUserPoolClientRequest settings = CreateUserPoolClientRequest.parseSettings(
                    in, userPoolId, (clientName != null) ? clientName : "", false, null);
            return new UpdateUserPoolClientRequest(clientId, clientName, settings);
        }
    }

    /**
     * A ListUserPoolClients request.
     *
     * @param userPoolId the pool
     * @param maxResults the page size, 1 to 60, default 60
     * @param nextToken the token of the page to return
     */
    record ListUserPoolClientsRequest(
            String userPoolId, int maxResults, @Nullable String nextToken) {

        static ListUserPoolClientsRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            Integer maxResults = in.integer("MaxResults", IntShape.range(1, 60));
            String nextToken = in.string("NextToken", Shapes.PAGINATION_KEY);
            return new ListUserPoolClientsRequest(userPoolId, (maxResults != null) ? maxResults : 60, nextToken);
        }
    }
}
