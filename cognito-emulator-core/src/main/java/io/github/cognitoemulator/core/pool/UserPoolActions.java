package io.github.cognitoemulator.core.pool;

import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.IntShape;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.support.PageTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * CreateUserPool, DescribeUserPool, ListUserPools and DeleteUserPool.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html">CreateUserPool</a>
 */
public final class UserPoolActions implements ActionFamily {

    private final PoolStore pools;

    private final PoolContents contents;

    private final Clock clock;

    private final Ids ids;

    private final String accountId;

    /**
     * @param pools where pools are kept
     * @param contents what lives inside a pool, counted for DescribeUserPool and removed with it
     * @param clock the source of creation and modification times
     * @param ids the source of pool ids
     * @param accountId the account named in pool ARNs
     */
    public UserPoolActions(PoolStore pools, PoolContents contents, Clock clock, Ids ids, String accountId) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.contents = Objects.requireNonNull(contents, "'contents' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
        this.accountId = Objects.requireNonNull(accountId, "'accountId' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("CreateUserPool", CreateUserPoolRequest::parse, this::createUserPool);
        registry.add("DescribeUserPool", UserPoolIdRequest::parse, this::describeUserPool);
        registry.add("ListUserPools", ListUserPoolsRequest::parse, this::listUserPools);
        registry.add("DeleteUserPool", UserPoolIdRequest::parse, this::deleteUserPool);
    }

    Map<String, Object> createUserPool(CreateUserPoolRequest request, RequestContext context) {
        List<SchemaAttribute> schema = checkedSchema(request);
        Instant now = this.clock.instant();
        UserPool pool;
        do {
            pool = newPool(this.ids.userPoolId(context.region()), request, schema, now, context);
        } while (!this.pools.create(pool));
        this.contents.created(pool.id());
        return Map.of("UserPool", UserPoolShapes.userPoolType(pool, 0));
    }

    /**
     * CreateUserPool under an id the caller chose instead of a generated one, for pools declared in configuration
     * whose ids must stay the same: the same parsing and checks, then a single attempt to create.
     *
     * @param userPoolId the id, in the region of {@code context}
     * @param input the CreateUserPool request, already validated against the service model
     * @return whether the pool was created; {@code false} when a pool with this id exists already
     * @throws io.github.cognitoemulator.core.error.CognitoException when CreateUserPool would refuse the request
     */
    public boolean createUserPoolWithId(String userPoolId, RequestReader input, RequestContext context) {
        CreateUserPoolRequest request = CreateUserPoolRequest.parse(input);
        input.validate();
        List<SchemaAttribute> schema = checkedSchema(request);
        Instant now = this.clock.instant();
        if (!this.pools.create(newPool(userPoolId, request, schema, now, context))) {
            return false;
        }
        this.contents.created(userPoolId);
        return true;
    }

    /** The pool's schema, once the settings that cannot go together have been refused. */
    private static List<SchemaAttribute> checkedSchema(CreateUserPoolRequest request) {
        if (!request.aliasAttributes().isEmpty()
                && !request.usernameAttributes().isEmpty()) {
            throw Errors.invalidParameter(
                    "Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.");
        }
        boolean smsMfa = !request.mfaConfiguration().equals("OFF");
        if (smsMfa && !request.settings().containsKey(UserPoolSettings.SMS_CONFIGURATION)) {
            throw Errors.invalidParameter(PoolConfiguration.MFA_NEEDS_SMS);
        }
        return buildSchema(request.customSchema());
    }

    private UserPool newPool(
            String id,
            CreateUserPoolRequest request,
            List<SchemaAttribute> schema,
            Instant now,
            RequestContext context) {
        return new UserPool(
                id,
                request.poolName(),
                "arn:aws:cognito-idp:" + context.region() + ":" + this.accountId + ":userpool/" + id,
                now,
                now,
                request.passwordPolicy(),
                schema,
                request.autoVerifiedAttributes(),
                request.aliasAttributes(),
                request.usernameAttributes(),
                request.usernameCaseSensitive(),
                request.mfaConfiguration(),
                request.deletionProtection(),
                new MfaSettings(!request.mfaConfiguration().equals("OFF"), false, null, null),
                request.settings());
    }

    Map<String, Object> describeUserPool(UserPoolIdRequest request, RequestContext context) {
        UserPool pool = this.pools
                .findInRegion(request.userPoolId(), context.region())
                .orElseThrow(() -> Errors.userPoolNotFound(request.userPoolId()));
        Map<String, Object> shape = UserPoolShapes.userPoolType(pool, this.contents.countUsers(pool.id()));
        shape.putAll(this.contents.describedMembers(pool.id()));
        return Map.of("UserPool", shape);
    }

    Map<String, Object> listUserPools(ListUserPoolsRequest request, RequestContext context) {
        List<UserPool> inRegion = this.pools.list().stream()
                .filter((pool) -> pool.region().equals(context.region()))
                .toList();
        PageTokens.Page<UserPool> page =
                PageTokens.page(inRegion, UserPool::id, request.nextToken(), request.maxResults());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put(
                "UserPools",
                page.items().stream().map(UserPoolShapes::userPoolDescription).toList());
        if (page.nextToken() != null) {
            response.put("NextToken", page.nextToken());
        }
        return response;
    }

    @Nullable
    Object deleteUserPool(UserPoolIdRequest request, RequestContext context) {
        UserPool pool = this.pools
                .findInRegion(request.userPoolId(), context.region())
                .orElseThrow(() -> Errors.userPoolNotFound(request.userPoolId()));
        if ("ACTIVE".equals(pool.deletionProtection())) {
            throw Errors.invalidParameter("The user pool cannot be deleted because deletion protection is activated.");
        }
        if (this.contents.hasDomain(pool.id())) {
            throw Errors.invalidParameter(
                    "User pool cannot be deleted. It has a domain configured that should be deleted first.");
        }
        this.contents.deleteAll(pool.id());
        return null;
    }

    private static List<SchemaAttribute> buildSchema(List<CreateUserPoolRequest.SchemaEntry> entries) {
        List<SchemaAttribute> schema = new ArrayList<>(SchemaAttribute.STANDARD);
        List<SchemaAttribute> custom = new ArrayList<>();
        for (CreateUserPoolRequest.SchemaEntry entry : entries) {
            int standard = indexOf(schema, entry.name());
            if (standard >= 0) {
                schema.set(standard, schema.get(standard).with(entry.mutable(), entry.required()));
                continue;
            }
            if (entry.required()) {
                throw Errors.invalidParameter("Required custom attributes are not supported currently.");
            }
            String name = (entry.developerOnly() ? "dev:" : "") + SchemaAttribute.CUSTOM_PREFIX + entry.name();
            if (indexOf(custom, name) >= 0) {
                throw Errors.invalidParameter("Existing attribute already has name " + name + ".");
            }
            custom.add(customAttribute(name, entry));
        }
        schema.addAll(custom);
        return schema;
    }

    /** The schema attribute a {@code Schema} or {@code CustomAttributes} entry adds, named {@code name}. */
    static SchemaAttribute customAttribute(String name, CreateUserPoolRequest.SchemaEntry entry) {
        boolean isString = entry.dataType().equals("String");
        boolean isNumber = entry.dataType().equals("Number");
        return new SchemaAttribute(
                name,
                entry.dataType(),
                entry.developerOnly(),
                entry.mutable(),
                false,
                isString ? orEmpty(entry.stringConstraints()) : null,
                isNumber ? orEmpty(entry.numberConstraints()) : null);
    }

    private static int indexOf(List<SchemaAttribute> schema, String name) {
        for (int i = 0; i < schema.size(); i++) {
            if (schema.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, String> orEmpty(@Nullable Map<String, String> constraints) {
        return (constraints != null) ? constraints : Map.of();
    }

    /**
     * A request that names only a pool.
     *
     * @param userPoolId the pool id
     */
    record UserPoolIdRequest(String userPoolId) {

        static UserPoolIdRequest parse(RequestReader in) {
            return new UserPoolIdRequest(in.requiredString("UserPoolId", Shapes.USER_POOL_ID));
        }
    }

    /**
     * A ListUserPools request.
     *
     * @param maxResults the page size, required, 1 to 60
     * @param nextToken the token of the page to return
     */
    record ListUserPoolsRequest(int maxResults, @Nullable String nextToken) {

        static ListUserPoolsRequest parse(RequestReader in) {
            String nextToken = in.string("NextToken", Shapes.PAGINATION_KEY);
            return new ListUserPoolsRequest(in.requiredInteger("MaxResults", IntShape.range(1, 60)), nextToken);
        }
    }
}
