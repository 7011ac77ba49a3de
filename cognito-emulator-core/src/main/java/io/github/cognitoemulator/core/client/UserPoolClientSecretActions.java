package io.github.cognitoemulator.core.client;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.support.Redacted;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * AddUserPoolClientSecret, ListUserPoolClientSecrets and DeleteUserPoolClientSecret: up to two active secrets per
 * confidential client, for rotation without downtime.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AddUserPoolClientSecret.html">AddUserPoolClientSecret</a>
 */
public final class UserPoolClientSecretActions implements ActionFamily {

    /** Cognito's limit of active secrets per app client. */
    static final int MAX_SECRETS = 2;

    private final PoolStore pools;

    private final ClientStore clients;

    private final ResourceStore resources;

    private final ClientSecrets secrets;

    private final Clock clock;

    private final Ids ids;

    public UserPoolClientSecretActions(
            PoolStore pools, ClientStore clients, ResourceStore resources, Clock clock, Ids ids) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.clients = Objects.requireNonNull(clients, "'clients' must not be null");
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.secrets = new ClientSecrets(resources);
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("AddUserPoolClientSecret", AddSecretRequest::parse, this::addUserPoolClientSecret);
        registry.add(
                "ListUserPoolClientSecrets",
                UserPoolClientActions.ClientIdRequest::parse,
                this::listUserPoolClientSecrets);
        registry.add("DeleteUserPoolClientSecret", DeleteSecretRequest::parse, this::deleteUserPoolClientSecret);
    }

    Map<String, Object> addUserPoolClientSecret(AddSecretRequest request, RequestContext context) {
        UserPoolClient client = requireClient(request.userPoolId(), request.clientId(), context);
        if (!client.hasSecret()) {
            throw Errors.invalidParameter("Client " + client.clientId() + " is not configured with a client secret.");
        }
        String value = (request.clientSecret() != null) ? request.clientSecret() : this.ids.clientSecret();
        Instant now = this.clock.instant();
        ClientSecret added;
        while (true) {
            Optional<Resource<ClientSecretList>> stored = this.secrets.stored(client);
            List<ClientSecret> active = this.secrets.active(client);
            if (active.size() >= MAX_SECRETS) {
                throw ErrorType.LIMIT_EXCEEDED.exception("Client " + client.clientId() + " already has the maximum"
                        + " number of " + MAX_SECRETS + " client secrets.");
            }
            added = new ClientSecret(freeId(client.clientId(), now, active), value, now);
            List<ClientSecret> updated = new ArrayList<>(active);
            updated.add(added);
            if (write(client, stored, updated)) {
                break;
            }
            client = requireClient(request.userPoolId(), request.clientId(), context);
        }
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("ClientSecretId", added.clientSecretId());
        // Cognito shows a secret only when it generated it: the caller knows its own.
        if (request.clientSecret() == null) {
            descriptor.put("ClientSecretValue", value);
        }
        descriptor.put("ClientSecretCreateDate", added.createDate());
        return Map.of("ClientSecretDescriptor", descriptor);
    }

    Map<String, Object> listUserPoolClientSecrets(
            UserPoolClientActions.ClientIdRequest request, RequestContext context) {
        UserPoolClient client = requireClient(request.userPoolId(), request.clientId(), context);
        return Map.of(
                "ClientSecrets",
                this.secrets.active(client).stream()
                        .map((secret) -> Map.of(
                                "ClientSecretId", secret.clientSecretId(),
                                "ClientSecretCreateDate", secret.createDate()))
                        .toList());
    }

    @Nullable
    Object deleteUserPoolClientSecret(DeleteSecretRequest request, RequestContext context) {
        while (true) {
            UserPoolClient client = requireClient(request.userPoolId(), request.clientId(), context);
            Optional<Resource<ClientSecretList>> stored = this.secrets.stored(client);
            List<ClientSecret> active = this.secrets.active(client);
            List<ClientSecret> remaining = active.stream()
                    .filter((secret) -> !secret.clientSecretId().equals(request.clientSecretId()))
                    .toList();
            if (remaining.size() == active.size()) {
                throw ErrorType.RESOURCE_NOT_FOUND.exception(
                        "Client secret " + request.clientSecretId() + " does not exist.");
            }
            if (remaining.isEmpty()) {
                throw Errors.invalidParameter("The last client secret of a client cannot be deleted.");
            }
            if (write(client, stored, remaining)) {
                return null;
            }
        }
    }

    /** The id of a secret created {@code now}: a later millisecond when a secret of that millisecond exists. */
    private static String freeId(String clientId, Instant now, List<ClientSecret> active) {
        Instant at = now;
        while (true) {
            String id = ClientSecret.idOf(clientId, at);
            if (active.stream().noneMatch((secret) -> secret.clientSecretId().equals(id))) {
                return id;
            }
            at = at.plusMillis(1);
        }
    }

    private boolean write(
            UserPoolClient client, Optional<Resource<ClientSecretList>> stored, List<ClientSecret> secrets) {
        ClientSecretList list = new ClientSecretList(secrets);
        ResourceChange change = stored.isPresent()
                ? new ResourceChange.Replace<>(stored.get(), list)
                : new ResourceChange.Create<>(
                        ClientSecretList.KIND,
                        client.userPoolId(),
                        ClientSecrets.key(client.userPoolId(), client.clientId()),
                        list);
        return this.resources.write(List.of(change));
    }

    private UserPoolClient requireClient(String userPoolId, String clientId, RequestContext context) {
        if (this.pools.findInRegion(userPoolId, context.region()).isEmpty()) {
            throw Errors.userPoolNotFound(userPoolId);
        }
        return this.clients
                .find(clientId)
                .filter((client) -> client.userPoolId().equals(userPoolId))
                .orElseThrow(() -> Errors.clientNotFound(clientId));
    }

    /**
     * An AddUserPoolClientSecret request.
     *
     * @param userPoolId the pool
     * @param clientId the client
     * @param clientSecret a secret of the caller's choosing, or {@code null} for a generated one
     */
    record AddSecretRequest(
            String userPoolId, String clientId, @Nullable String clientSecret) {

        static AddSecretRequest parse(RequestReader in) {
            return new AddSecretRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("ClientId", Shapes.CLIENT_ID),
                    in.string("ClientSecret", Shapes.CLIENT_SECRET));
        }

        /** A description without the secret. */
        @Override
        public String toString() {
            return "AddSecretRequest[userPoolId=" + this.userPoolId + ", clientId=" + this.clientId + ", clientSecret="
                    + Redacted.secret(this.clientSecret) + "]";
        }
    }

    /**
     * A DeleteUserPoolClientSecret request.
     *
     * @param userPoolId the pool
     * @param clientId the client
     * @param clientSecretId the secret to delete
     */
    record DeleteSecretRequest(String userPoolId, String clientId, String clientSecretId) {

        static DeleteSecretRequest parse(RequestReader in) {
            return new DeleteSecretRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("ClientId", Shapes.CLIENT_ID),
                    in.requiredString("ClientSecretId", StringShape.length(1, 128)));
        }
    }
}
