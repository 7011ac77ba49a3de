package io.github.cognitoemulator.core.group;

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
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import io.github.cognitoemulator.core.user.UserShapes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * CreateGroup, GetGroup, UpdateGroup, DeleteGroup, ListGroups, AdminAddUserToGroup, AdminRemoveUserFromGroup,
 * AdminListGroupsForUser and ListUsersInGroup.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateGroup.html">CreateGroup</a>
 */
public final class GroupActions implements ActionFamily {

    /** Group names: the model's {@code GroupNameType}. */
    static final StringShape GROUP_NAME = StringShape.length(1, 128).pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");

    /** The most items a page of any group listing holds, and its size when the request names none. */
    static final int MAX_PAGE_SIZE = 60;

    private final PoolStore pools;

    private final UserDirectory users;

    private final GroupDirectory groups;

    private final Clock clock;

    public GroupActions(PoolStore pools, UserDirectory users, GroupDirectory groups, Clock clock) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.groups = Objects.requireNonNull(groups, "'groups' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("CreateGroup", GroupSettingsRequest::parse, this::createGroup);
        registry.add("GetGroup", GroupRequest::parse, this::getGroup);
        registry.add("UpdateGroup", GroupSettingsRequest::parse, this::updateGroup);
        registry.add("DeleteGroup", GroupRequest::parse, this::deleteGroup);
        registry.add("ListGroups", ListGroupsRequest::parse, this::listGroups);
        registry.add("AdminAddUserToGroup", MembershipRequest::parse, this::adminAddUserToGroup);
        registry.add("AdminRemoveUserFromGroup", MembershipRequest::parse, this::adminRemoveUserFromGroup);
        registry.add("AdminListGroupsForUser", ListGroupsForUserRequest::parse, this::adminListGroupsForUser);
        registry.add("ListUsersInGroup", ListUsersInGroupRequest::parse, this::listUsersInGroup);
    }

    Map<String, Object> createGroup(GroupSettingsRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        Instant now = this.clock.instant();
        var group = new Group(
                request.groupName(), request.description(), request.roleArn(), request.precedence(), now, now);
        this.groups.create(pool.id(), group);
        return Map.of("Group", groupType(pool, group));
    }

    Map<String, Object> getGroup(GroupRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        return Map.of("Group", groupType(pool, requireGroup(pool, request.groupName())));
    }

    /** Changes the settings the request names and keeps the others. */
    Map<String, Object> updateGroup(GroupSettingsRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        Instant now = this.clock.instant();
        Group updated = this.groups.update(
                pool.id(),
                request.groupName(),
                (current) -> new Group(
                        current.groupName(),
                        (request.description() != null) ? request.description() : current.description(),
                        (request.roleArn() != null) ? request.roleArn() : current.roleArn(),
                        (request.precedence() != null) ? request.precedence() : current.precedence(),
                        current.creationDate(),
                        now));
        return Map.of("Group", groupType(pool, updated));
    }

    @Nullable
    Object deleteGroup(GroupRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        this.groups.delete(pool.id(), request.groupName());
        return null;
    }

    Map<String, Object> listGroups(ListGroupsRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        return groupPage(pool, this.groups.list(pool.id()), request.nextToken(), request.limit());
    }

    @Nullable
    Object adminAddUserToGroup(MembershipRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        requireGroup(pool, request.groupName());
        User user = requireUser(pool, request.username());
        this.groups.addUser(pool.id(), request.groupName(), user);
        return null;
    }

    @Nullable
    Object adminRemoveUserFromGroup(MembershipRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        requireGroup(pool, request.groupName());
        User user = requireUser(pool, request.username());
        this.groups.removeUser(pool.id(), request.groupName(), user);
        return null;
    }

    Map<String, Object> adminListGroupsForUser(ListGroupsForUserRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        User user = requireUser(pool, request.username());
        return groupPage(pool, this.groups.groupsOf(pool.id(), user.sub()), request.nextToken(), request.limit());
    }

    /** The group's users, ordered by {@code sub}; members whose user was deleted meanwhile are skipped. */
    Map<String, Object> listUsersInGroup(ListUsersInGroupRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        requireGroup(pool, request.groupName());
        List<String> subs = this.groups.memberSubs(pool.id(), request.groupName());
        String from = (request.nextToken() != null) ? PageTokens.keyOf(request.nextToken()) : "";
        List<Map<String, Object>> users = new ArrayList<>();
        String next = null;
        for (String sub : subs) {
            if (sub.compareTo(from) < 0) {
                continue;
            }
            if (users.size() == request.limit()) {
                next = sub;
                break;
            }
            this.users.findBySub(pool, sub).ifPresent((user) -> users.add(UserShapes.userType(user, (name) -> true)));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("Users", users);
        if (next != null) {
            response.put("NextToken", PageTokens.tokenFor(next));
        }
        return response;
    }

    private static Map<String, Object> groupPage(UserPool pool, List<Group> groups, @Nullable String token, int limit) {
        PageTokens.Page<Group> page = PageTokens.page(groups, Group::groupName, token, limit);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put(
                "Groups",
                page.items().stream().map((group) -> groupType(pool, group)).toList());
        if (page.nextToken() != null) {
            response.put("NextToken", page.nextToken());
        }
        return response;
    }

    /** {@code GroupType}, without the members the group has no value for. */
    static Map<String, Object> groupType(UserPool pool, Group group) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("GroupName", group.groupName());
        shape.put("UserPoolId", pool.id());
        if (group.description() != null) {
            shape.put("Description", group.description());
        }
        if (group.roleArn() != null) {
            shape.put("RoleArn", group.roleArn());
        }
        if (group.precedence() != null) {
            shape.put("Precedence", group.precedence());
        }
        shape.put("LastModifiedDate", group.lastModifiedDate());
        shape.put("CreationDate", group.creationDate());
        return shape;
    }

    private Group requireGroup(UserPool pool, String groupName) {
        return this.groups.find(pool.id(), groupName).orElseThrow(GroupDirectory::groupNotFound);
    }

    private User requireUser(UserPool pool, String username) {
        return this.users.resolve(pool, username).orElseThrow(Errors::userNotFound);
    }

    /** The page size a request asks for: 0 or none means the largest. */
    private static int pageSize(@Nullable Integer limit) {
        return (limit != null && limit > 0) ? limit : MAX_PAGE_SIZE;
    }

    private static @Nullable Integer readLimit(RequestReader in) {
        return in.integer("Limit", IntShape.range(0, MAX_PAGE_SIZE));
    }

    private static @Nullable String readNextToken(RequestReader in) {
        return in.string("NextToken", Shapes.PAGINATION_KEY);
    }

    /**
     * A request naming a pool and a group.
     *
     * @param userPoolId the pool
     * @param groupName the group
     */
    record GroupRequest(String userPoolId, String groupName) {

        static GroupRequest parse(RequestReader in) {
            return new GroupRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID), in.requiredString("GroupName", GROUP_NAME));
        }
    }

    /**
     * A CreateGroup or UpdateGroup request.
     *
     * @param userPoolId the pool
     * @param groupName the group
     * @param description the description, or {@code null}
     * @param roleArn the IAM role, or {@code null}
     * @param precedence the precedence, or {@code null}
     */
    record GroupSettingsRequest(
            String userPoolId,
            String groupName,
            @Nullable String description,
            @Nullable String roleArn,
            @Nullable Integer precedence) {

        static GroupSettingsRequest parse(RequestReader in) {
            return new GroupSettingsRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("GroupName", GROUP_NAME),
                    in.string("Description", StringShape.length(0, 2048)),
                    in.string("RoleArn", StringShape.length(20, 2048)),
                    in.integer("Precedence", IntShape.range(0, Integer.MAX_VALUE)));
        }
    }

    /**
     * A ListGroups request.
     *
     * @param userPoolId the pool
     * @param limit the page size
     * @param nextToken the token of the page to return, or {@code null} for the first
     */
    record ListGroupsRequest(
            String userPoolId, int limit, @Nullable String nextToken) {

        static ListGroupsRequest parse(RequestReader in) {
            return new ListGroupsRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID), pageSize(readLimit(in)), readNextToken(in));
        }
    }

    /**
     * An AdminAddUserToGroup or AdminRemoveUserFromGroup request.
     *
     * @param userPoolId the pool
     * @param username the username, alias or sub
     * @param groupName the group
     */
    record MembershipRequest(String userPoolId, String username, String groupName) {

        static MembershipRequest parse(RequestReader in) {
            return new MembershipRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("Username", Shapes.USERNAME),
                    in.requiredString("GroupName", GROUP_NAME));
        }
    }

    /**
     * An AdminListGroupsForUser request.
     *
     * @param userPoolId the pool
     * @param username the username, alias or sub
     * @param limit the page size
     * @param nextToken the token of the page to return, or {@code null} for the first
     */
    record ListGroupsForUserRequest(
            String userPoolId,
            String username,
            int limit,
            @Nullable String nextToken) {

        static ListGroupsForUserRequest parse(RequestReader in) {
            return new ListGroupsForUserRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("Username", Shapes.USERNAME),
                    pageSize(readLimit(in)),
                    readNextToken(in));
        }
    }

    /**
     * A ListUsersInGroup request.
     *
     * @param userPoolId the pool
     * @param groupName the group
     * @param limit the page size
     * @param nextToken the token of the page to return, or {@code null} for the first
     */
    record ListUsersInGroupRequest(
            String userPoolId,
            String groupName,
            int limit,
            @Nullable String nextToken) {

        static ListUsersInGroupRequest parse(RequestReader in) {
            return new ListUsersInGroupRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("GroupName", GROUP_NAME),
                    pageSize(readLimit(in)),
                    readNextToken(in));
        }
    }
}
