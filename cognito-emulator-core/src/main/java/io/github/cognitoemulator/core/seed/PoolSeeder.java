package io.github.cognitoemulator.core.seed;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cognitoemulator.core.client.ClientStore;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.client.UserPoolClientActions;
import io.github.cognitoemulator.core.domain.DomainActions;
import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.SchemaAttribute;
import io.github.cognitoemulator.core.pool.UserPoolActions;
import io.github.cognitoemulator.core.protocol.AwsJsonProtocol;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.store.ResourceStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Brings declared pools into the emulator. Everything is created through the same validation and operations as the
 * API (CreateUserPool, CreateUserPoolClient, CreateGroup, AdminCreateUser, ...), so a setting Cognito refuses is
 * refused here with Cognito's message; only the pool and client ids are fixed instead of generated.
 *
 * <p>Seeding is idempotent: a pool, client, group, resource server, domain or user that exists already is left as it
 * is, so that state changed at run time survives a restart over a persistent store, and the pool settings apply only
 * when the pool is created. Nothing is read and then written: each item is created, and one found taken by a
 * concurrent seeder sharing the store counts as there, so several emulators may seed one database at once.
 */
public final class PoolSeeder {

    /** A region, an underscore and nine letters or digits: the ids Cognito makes ({@code us-east-1_AbC123xyZ}). */
    private static final Pattern POOL_ID = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+_[0-9A-Za-z]{9}");

    /** 26 lowercase letters or digits: the ids Cognito makes for app clients. */
    private static final Pattern CLIENT_ID = Pattern.compile("[0-9a-z]{26}");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final AwsJsonProtocol protocol;

    private final UserPoolActions poolActions;

    private final UserPoolClientActions clientActions;

    private final PoolStore pools;

    private final ClientStore clients;

    private final ResourceStore resources;

    /**
     * @param protocol validates requests against the service model and runs the actions
     * @param poolActions creates pools under fixed ids
     * @param clientActions creates app clients under fixed ids
     * @param pools the stored pools
     * @param clients the stored app clients
     * @param resources the stored resources, where a pool's domain is found
     */
    public PoolSeeder(
            AwsJsonProtocol protocol,
            UserPoolActions poolActions,
            UserPoolClientActions clientActions,
            PoolStore pools,
            ClientStore clients,
            ResourceStore resources) {
        this.protocol = Objects.requireNonNull(protocol, "'protocol' must not be null");
        this.poolActions = Objects.requireNonNull(poolActions, "'poolActions' must not be null");
        this.clientActions = Objects.requireNonNull(clientActions, "'clientActions' must not be null");
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.clients = Objects.requireNonNull(clients, "'clients' must not be null");
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
    }

    /**
     * Creates what the seeds declare and the store lacks, pool by pool in the given order. The seeds are first checked
     * against each other, so that a clash among them changes nothing.
     *
     * @throws SeedException naming the path of the first item that is invalid, clashes, or is refused
     */
    public void apply(List<PoolSeed> seeds) {
        checkDeclarations(seeds);
        for (int i = 0; i < seeds.size(); i++) {
            seedPool(seeds.get(i), "pools[" + i + "]");
        }
    }

    // Checks among the seeds, before anything is written.

    static void checkDeclarations(List<PoolSeed> seeds) {
        Map<String, String> poolPaths = new HashMap<>();
        Map<String, String> clientPaths = new HashMap<>();
        for (int i = 0; i < seeds.size(); i++) {
            PoolSeed pool = seeds.get(i);
            String path = "pools[" + i + "]";
            if (!POOL_ID.matcher(pool.id()).matches()) {
                throw clash(
                        path + ".id",
                        "'" + pool.id() + "' is not a user pool id: a region, an underscore and nine letters or"
                                + " digits, for example us-east-1_AbC123xyZ");
            }
            unique(poolPaths, pool.id(), path + ".id", "User pool id");
            for (int j = 0; j < pool.customAttributes().size(); j++) {
                String name = pool.customAttributes().get(j).name();
                // CreateUserPool reads a Schema entry with a standard name as a change to that standard attribute.
                if (SchemaAttribute.STANDARD.stream()
                        .anyMatch((standard) -> standard.name().equals(name))) {
                    throw clash(
                            path + ".customAttributes[" + j + "].name",
                            "'" + name + "' is a standard attribute; a custom attribute needs a name of its own");
                }
            }
            for (int j = 0; j < pool.clients().size(); j++) {
                String id = pool.clients().get(j).id();
                String clientPath = path + ".clients[" + j + "].id";
                if (!CLIENT_ID.matcher(id).matches()) {
                    throw clash(
                            clientPath,
                            "'" + id + "' is not an app client id: 26 lowercase letters or digits, as Cognito makes"
                                    + " them");
                }
                unique(clientPaths, id, clientPath, "App client id");
            }
            Function<String, String> usernameKey = Boolean.TRUE.equals(pool.usernameCaseSensitive())
                    ? Function.identity()
                    : (name) -> name.toLowerCase(Locale.ROOT);
            uniqueNames(pool.groups(), GroupSeed::name, path + ".groups", "name", "Group", Function.identity());
            uniqueNames(
                    pool.resourceServers(),
                    ResourceServerSeed::identifier,
                    path + ".resourceServers",
                    "identifier",
                    "Resource server",
                    Function.identity());
            uniqueNames(pool.users(), UserSeed::username, path + ".users", "username", "Username", usernameKey);
            for (int k = 0; k < pool.users().size(); k++) {
                UserSeed user = pool.users().get(k);
                if ((user.password() == null) == (user.temporaryPassword() == null)) {
                    throw clash(
                            path + ".users[" + k + "]",
                            "Exactly one of password (a confirmed user) and temporaryPassword (a user who must"
                                    + " choose a new password) must be given");
                }
            }
        }
    }

    private static <T> void uniqueNames(
            List<T> items,
            Function<T, String> name,
            String path,
            String member,
            String what,
            Function<String, String> key) {
        Map<String, String> paths = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            unique(paths, key.apply(name.apply(items.get(i))), path + "[" + i + "]." + member, what);
        }
    }

    private static void unique(Map<String, String> paths, String key, String path, String what) {
        String first = paths.putIfAbsent(key, path);
        if (first != null) {
            throw clash(path, what + " '" + key + "' is declared twice; first at " + first);
        }
    }

    private static SeedException clash(String path, String reason) {
        return new SeedException(path, reason, null, null);
    }

    // One pool.

    private void seedPool(PoolSeed seed, String path) {
        RequestContext context =
                new RequestContext(seed.region(), "seed", RequestContext.cognitoIssuerBaseUrl(seed.region()));
        if (this.pools.find(seed.id()).isEmpty()) {
            boolean created = run(
                    path,
                    () -> this.poolActions.createUserPoolWithId(
                            seed.id(), this.protocol.validatedInput("CreateUserPool", createUserPool(seed)), context));
            if (created && seed.mfa() != null) {
                call(path + ".mfa", "SetUserPoolMfaConfig", setUserPoolMfaConfig(seed), context);
            }
        }
        for (int i = 0; i < seed.resourceServers().size(); i++) {
            seedResourceServer(seed, seed.resourceServers().get(i), path + ".resourceServers[" + i + "]", context);
        }
        for (int i = 0; i < seed.groups().size(); i++) {
            GroupSeed group = seed.groups().get(i);
            ignoring(
                    ErrorType.GROUP_EXISTS,
                    path + ".groups[" + i + "]",
                    "CreateGroup",
                    createGroup(seed, group),
                    context);
        }
        for (int i = 0; i < seed.clients().size(); i++) {
            seedClient(seed, seed.clients().get(i), path + ".clients[" + i + "]", context);
        }
        if (seed.domain() != null) {
            seedDomain(seed, seed.domain(), path + ".domain", context);
        }
        for (int i = 0; i < seed.users().size(); i++) {
            seedUser(seed, seed.users().get(i), path + ".users[" + i + "]", context);
        }
    }

    private void seedResourceServer(PoolSeed pool, ResourceServerSeed server, String path, RequestContext context) {
        if (resourceServerExists(pool, server, path, context)) {
            return;
        }
        try {
            call(path, "CreateResourceServer", createResourceServer(pool, server), context);
        } catch (SeedException ex) {
            if (!resourceServerExists(pool, server, path, context)) {
                throw ex;
            }
        }
    }

    private boolean resourceServerExists(
            PoolSeed pool, ResourceServerSeed server, String path, RequestContext context) {
        ObjectNode describe = poolRequest(pool).put("Identifier", server.identifier());
        return !ignoring(ErrorType.RESOURCE_NOT_FOUND, path, "DescribeResourceServer", describe, context);
    }

    private void seedClient(PoolSeed pool, ClientSeed client, String path, RequestContext context) {
        if (clientIsThere(pool, client, path)) {
            return;
        }
        boolean created = run(
                path,
                () -> this.clientActions.createUserPoolClientWithId(
                        client.id(),
                        this.protocol.validatedInput("CreateUserPoolClient", createUserPoolClient(pool, client, path)),
                        context));
        if (!created && !clientIsThere(pool, client, path)) {
            // Taken and gone again meanwhile: try once more, as on a first start.
            seedClient(pool, client, path, context);
        }
    }

    /** Whether the client exists in the pool; a clash when its id belongs to a client of another pool. */
    private boolean clientIsThere(PoolSeed pool, ClientSeed client, String path) {
        Optional<UserPoolClient> existing = this.clients.find(client.id());
        if (existing.isPresent() && !existing.get().userPoolId().equals(pool.id())) {
            throw clash(
                    path + ".id",
                    "App client id '" + client.id() + "' is taken by a client of user pool "
                            + existing.get().userPoolId());
        }
        return existing.isPresent();
    }

    private void seedDomain(PoolSeed pool, String domain, String path, RequestContext context) {
        if (hasDomain(pool)) {
            return;
        }
        ObjectNode request = poolRequest(pool).put("Domain", domain);
        try {
            call(path, "CreateUserPoolDomain", request, context);
        } catch (SeedException ex) {
            if (!domain.equals(
                    DomainActions.poolMembers(this.resources, pool.id()).get("Domain"))) {
                throw ex;
            }
        }
    }

    private boolean hasDomain(PoolSeed pool) {
        return DomainActions.poolMembers(this.resources, pool.id()).containsKey("Domain");
    }

    private void seedUser(PoolSeed pool, UserSeed user, String path, RequestContext context) {
        ObjectNode identity = poolRequest(pool).put("Username", user.username());
        if (!ignoring(ErrorType.USER_NOT_FOUND, path, "AdminGetUser", identity, context)) {
            return;
        }
        for (int i = 0; i < user.groups().size(); i++) {
            ObjectNode group = poolRequest(pool).put("GroupName", user.groups().get(i));
            call(path + ".groups[" + i + "]", "GetGroup", group, context);
        }
        String createPath = (user.temporaryPassword() != null) ? path + ".temporaryPassword" : path;
        try {
            call(createPath, "AdminCreateUser", adminCreateUser(pool, user), context);
        } catch (SeedException ex) {
            // A seeder racing this one may have created the user meanwhile, and the store may report its username or
            // one of its aliases as the taken key; only a user of that name now there counts as already seeded.
            boolean taken = ex.errorType() == ErrorType.USERNAME_EXISTS || ex.errorType() == ErrorType.ALIAS_EXISTS;
            if (taken && !ignoring(ErrorType.USER_NOT_FOUND, path, "AdminGetUser", identity, context)) {
                return;
            }
            throw (ex.errorType() == ErrorType.INVALID_PASSWORD) ? ex : at(path, ex);
        }
        if (user.password() != null) {
            ObjectNode setPassword =
                    identity.deepCopy().put("Password", user.password()).put("Permanent", true);
            try {
                call(path + ".password", "AdminSetUserPassword", setPassword, context);
            } catch (SeedException ex) {
                // Not left behind with an unknown password, so that the corrected seed creates it again.
                call(path, "AdminDeleteUser", identity, context);
                throw ex;
            }
        }
        if (Boolean.FALSE.equals(user.enabled())) {
            call(path + ".enabled", "AdminDisableUser", identity, context);
        }
        for (int i = 0; i < user.groups().size(); i++) {
            ObjectNode membership =
                    identity.deepCopy().put("GroupName", user.groups().get(i));
            call(path + ".groups[" + i + "]", "AdminAddUserToGroup", membership, context);
        }
    }

    private static SeedException at(String path, SeedException ex) {
        return new SeedException(path, ex.reason(), ex.errorType(), ex.getCause());
    }

    // Running actions.

    private void call(String path, String action, ObjectNode request, RequestContext context) {
        run(path, () -> this.protocol.call(action, request, context));
    }

    /** Runs the action; {@code true} when it failed with {@code expected}, which is then no failure. */
    private boolean ignoring(
            ErrorType expected, String path, String action, ObjectNode request, RequestContext context) {
        try {
            call(path, action, request, context);
            return false;
        } catch (SeedException ex) {
            if (ex.errorType() == expected) {
                return true;
            }
            throw ex;
        }
    }

    private static <T> T run(String path, Step<T> step) {
        try {
            return step.run();
        } catch (CognitoException ex) {
            String message =
                    (ex.getMessage() != null) ? ex.getMessage() : ex.type().wireName();
            throw new SeedException(path, message, ex.type(), ex);
        }
    }

    @FunctionalInterface
    private interface Step<T> {

        T run();
    }

    // Requests, as an SDK would send them.

    private static ObjectNode poolRequest(PoolSeed pool) {
        return JSON.objectNode().put("UserPoolId", pool.id());
    }

    static ObjectNode createUserPool(PoolSeed seed) {
        ObjectNode request = JSON.objectNode().put("PoolName", seed.name());
        strings(request, "UsernameAttributes", seed.usernameAttributes());
        strings(request, "AliasAttributes", seed.aliasAttributes());
        strings(request, "AutoVerifiedAttributes", seed.autoVerifiedAttributes());
        if (seed.usernameCaseSensitive() != null) {
            request.putObject("UsernameConfiguration").put("CaseSensitive", seed.usernameCaseSensitive());
        }
        PasswordPolicySeed policy = seed.passwordPolicy();
        if (policy != null) {
            ObjectNode members = request.putObject("Policies").putObject("PasswordPolicy");
            putIfSet(members, "MinimumLength", policy.minimumLength());
            putIfSet(members, "RequireUppercase", policy.requireUppercase());
            putIfSet(members, "RequireLowercase", policy.requireLowercase());
            putIfSet(members, "RequireNumbers", policy.requireNumbers());
            putIfSet(members, "RequireSymbols", policy.requireSymbols());
            putIfSet(members, "TemporaryPasswordValidityDays", policy.temporaryPasswordValidityDays());
            putIfSet(members, "PasswordHistorySize", policy.passwordHistorySize());
        }
        if (!seed.customAttributes().isEmpty()) {
            ArrayNode schema = request.putArray("Schema");
            for (CustomAttributeSeed attribute : seed.customAttributes()) {
                ObjectNode entry = schema.addObject().put("Name", attribute.name());
                entry.put("AttributeDataType", (attribute.type() != null) ? attribute.type() : "String");
                putIfSet(entry, "Mutable", attribute.mutable());
                putIfSet(entry, "DeveloperOnlyAttribute", attribute.developerOnly());
                if (attribute.minLength() != null || attribute.maxLength() != null) {
                    ObjectNode bounds = entry.putObject("StringAttributeConstraints");
                    putIfSet(bounds, "MinLength", text(attribute.minLength()));
                    putIfSet(bounds, "MaxLength", text(attribute.maxLength()));
                }
                if (attribute.minValue() != null || attribute.maxValue() != null) {
                    ObjectNode bounds = entry.putObject("NumberAttributeConstraints");
                    putIfSet(bounds, "MinValue", text(attribute.minValue()));
                    putIfSet(bounds, "MaxValue", text(attribute.maxValue()));
                }
            }
        }
        if (seed.adminCreateUserOnly() != null) {
            request.putObject("AdminCreateUserConfig").put("AllowAdminCreateUserOnly", seed.adminCreateUserOnly());
        }
        if (seed.deletionProtection() != null) {
            request.put("DeletionProtection", seed.deletionProtection() ? "ACTIVE" : "INACTIVE");
        }
        return request;
    }

    private static ObjectNode setUserPoolMfaConfig(PoolSeed seed) {
        MfaSeed mfa = Objects.requireNonNull(seed.mfa());
        ObjectNode request = poolRequest(seed);
        putIfSet(request, "MfaConfiguration", mfa.configuration());
        if (mfa.softwareToken() != null) {
            request.putObject("SoftwareTokenMfaConfiguration").put("Enabled", mfa.softwareToken());
        }
        return request;
    }

    private static ObjectNode createResourceServer(PoolSeed pool, ResourceServerSeed server) {
        ObjectNode request =
                poolRequest(pool).put("Identifier", server.identifier()).put("Name", server.name());
        if (!server.scopes().isEmpty()) {
            ArrayNode scopes = request.putArray("Scopes");
            server.scopes()
                    .forEach((name, description) ->
                            scopes.addObject().put("ScopeName", name).put("ScopeDescription", description));
        }
        return request;
    }

    private static ObjectNode createGroup(PoolSeed pool, GroupSeed group) {
        ObjectNode request = poolRequest(pool).put("GroupName", group.name());
        putIfSet(request, "Description", group.description());
        putIfSet(request, "Precedence", group.precedence());
        putIfSet(request, "RoleArn", group.roleArn());
        return request;
    }

    static ObjectNode createUserPoolClient(PoolSeed pool, ClientSeed client, String path) {
        ObjectNode request = poolRequest(pool).put("ClientName", client.name());
        putIfSet(request, "ClientSecret", client.secret());
        strings(request, "ExplicitAuthFlows", client.explicitAuthFlows());
        ObjectNode units = JSON.objectNode();
        validity(request, units, "AccessToken", client.accessTokenValidity(), path + ".accessTokenValidity");
        validity(request, units, "IdToken", client.idTokenValidity(), path + ".idTokenValidity");
        validity(request, units, "RefreshToken", client.refreshTokenValidity(), path + ".refreshTokenValidity");
        if (!units.isEmpty()) {
            request.set("TokenValidityUnits", units);
        }
        strings(request, "CallbackURLs", client.callbackUrls());
        strings(request, "LogoutURLs", client.logoutUrls());
        putIfSet(request, "DefaultRedirectURI", client.defaultRedirectUri());
        strings(request, "AllowedOAuthFlows", client.allowedOAuthFlows());
        strings(request, "AllowedOAuthScopes", client.allowedOAuthScopes());
        Boolean userPoolClient = client.allowedOAuthFlowsUserPoolClient();
        if (userPoolClient == null && !client.allowedOAuthFlows().isEmpty()) {
            userPoolClient = true;
        }
        putIfSet(request, "AllowedOAuthFlowsUserPoolClient", userPoolClient);
        strings(request, "SupportedIdentityProviders", client.supportedIdentityProviders());
        putIfSet(request, "PreventUserExistenceErrors", client.preventUserExistenceErrors());
        putIfSet(request, "EnableTokenRevocation", client.enableTokenRevocation());
        strings(request, "ReadAttributes", client.readAttributes());
        strings(request, "WriteAttributes", client.writeAttributes());
        return request;
    }

    /**
     * Puts a token lifetime as {@code <token>Validity} in the largest unit that measures it exactly, and that unit in
     * {@code TokenValidityUnits}.
     */
    private static void validity(
            ObjectNode request, ObjectNode units, String token, @Nullable Duration validity, String path) {
        if (validity == null) {
            return;
        }
        if (validity.isNegative() || validity.getNano() != 0) {
            throw clash(path, "A token validity must be a positive whole number of seconds but was " + validity);
        }
        long seconds = validity.getSeconds();
        String unit = "seconds";
        long amount = seconds;
        if (seconds != 0 && seconds % 86400 == 0) {
            unit = "days";
            amount = seconds / 86400;
        } else if (seconds != 0 && seconds % 3600 == 0) {
            unit = "hours";
            amount = seconds / 3600;
        } else if (seconds != 0 && seconds % 60 == 0) {
            unit = "minutes";
            amount = seconds / 60;
        }
        request.put(token + "Validity", amount);
        units.put(token, unit);
    }

    private static ObjectNode adminCreateUser(PoolSeed pool, UserSeed user) {
        ObjectNode request = poolRequest(pool).put("Username", user.username()).put("MessageAction", "SUPPRESS");
        putIfSet(request, "TemporaryPassword", user.temporaryPassword());
        if (!user.attributes().isEmpty()) {
            ArrayNode attributes = request.putArray("UserAttributes");
            user.attributes()
                    .forEach((name, value) ->
                            attributes.addObject().put("Name", name).put("Value", value));
        }
        return request;
    }

    private static void strings(ObjectNode request, String member, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = request.putArray(member);
            values.forEach(array::add);
        }
    }

    private static @Nullable String text(@Nullable Integer value) {
        return (value != null) ? value.toString() : null;
    }

    private static void putIfSet(ObjectNode request, String member, @Nullable Object value) {
        if (value instanceof String text) {
            request.put(member, text);
        } else if (value instanceof Integer number) {
            request.put(member, number);
        } else if (value instanceof Boolean flag) {
            request.put(member, flag);
        }
    }
}
