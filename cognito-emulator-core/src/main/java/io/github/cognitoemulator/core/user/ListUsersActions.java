package io.github.cognitoemulator.core.user;

import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.IntShape;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.support.PageTokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * ListUsers, with Cognito's filter grammar, attribute selection and pagination.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUsers.html">ListUsers</a>
 */
public final class ListUsersActions implements ActionFamily {

    private final PoolStore pools;

    private final UserDirectory users;

    public ListUsersActions(PoolStore pools, UserDirectory users) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("ListUsers", ListUsersRequest::parse, this::listUsers);
    }

    Map<String, Object> listUsers(ListUsersRequest request, RequestContext context) {
        UserPool pool = this.pools
                .findInRegion(request.userPoolId(), context.region())
                .orElseThrow(() -> Errors.userPoolNotFound(request.userPoolId()));
        UserFilter filter = UserFilter.parse(request.filter());
        String from = (request.paginationToken() != null) ? PageTokens.keyOf(request.paginationToken()) : null;
        // One more than a page, to learn whether another page follows and where it starts.
        List<User> found = this.users.page(pool, filter, from, request.limit() + 1);
        PageTokens.Page<User> page = new PageTokens.Page<>(
                found.subList(0, Math.min(found.size(), request.limit())),
                (found.size() > request.limit())
                        ? PageTokens.tokenFor(found.get(request.limit()).username())
                        : null);
        Predicate<String> selected =
                (request.attributesToGet() == null || request.attributesToGet().isEmpty())
                        ? (name) -> true
                        : request.attributesToGet()::contains;
        Map<String, Object> response = new LinkedHashMap<>();
        response.put(
                "Users",
                page.items().stream()
                        .map((user) -> UserShapes.userType(user, selected))
                        .toList());
        if (page.nextToken() != null) {
            response.put("PaginationToken", page.nextToken());
        }
        return response;
    }

    /**
     * A ListUsers request.
     *
     * @param userPoolId the pool
     * @param attributesToGet the attributes to return, all when {@code null} or empty
     * @param limit the page size, 60 when not given
     * @param paginationToken the token of the page to return
     * @param filter the filter expression
     */
    record ListUsersRequest(
            String userPoolId,
            @Nullable List<String> attributesToGet,
            int limit,
            @Nullable String paginationToken,
            @Nullable String filter) {

        static ListUsersRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            List<String> attributes = in.stringList(
                    "AttributesToGet",
                    StringShape.length(1, 32).pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+"));
            Integer limit = in.integer("Limit", IntShape.range(0, 60));
            String token = in.string("PaginationToken", Shapes.PAGINATION_KEY);
            String filter = in.string("Filter", StringShape.length(0, 256));
            return new ListUsersRequest(
                    userPoolId, attributes, (limit != null && limit > 0) ? limit : 60, token, filter);
        }
    }
}
