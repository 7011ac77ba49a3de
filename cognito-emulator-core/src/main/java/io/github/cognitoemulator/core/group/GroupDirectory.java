package io.github.cognitoemulator.core.group;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.token.TokenGroups;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Groups and memberships in the {@link ResourceStore}. A membership is two records written in one write: a
 * {@link GroupMember} under the group and the user's {@link UserGroupNames}. Every write that depends on a group names
 * the version of the group it read (an addition replaces the group with itself), so a user is never added to a group
 * that is being deleted, and a deletion never leaves a membership behind.
 *
 * <p>Users live in another store, so a user deleted while being added to a group can leave a membership behind for
 * a moment: the addition removes it once it sees the user gone, and reads skip memberships of users that no longer
 * exist.
 */
public final class GroupDirectory {

    /** How many groups a pool may hold (Cognito's quota). */
    public static final int MAX_GROUPS_PER_POOL = 10_000;

    /** How many groups a user may belong to (Cognito's quota). */
    public static final int MAX_GROUPS_PER_USER = 100;

    /** How often a write is retried against concurrent ones before the caller is told to slow down. */
    private static final int MAX_ATTEMPTS = 100;

    private final ResourceStore resources;

    private final UserStore users;

    public GroupDirectory(ResourceStore resources, UserStore users) {
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
    }

    /** The group of the pool with this name. */
    public Optional<Group> find(String userPoolId, String groupName) {
        return findResource(userPoolId, groupName).map(Resource::value);
    }

    /** Every group of the pool, by name. */
    public List<Group> list(String userPoolId) {
        return this.resources.list(Group.KIND, userPoolId, userPoolId + "/").stream()
                .map(Resource::value)
                .sorted(Comparator.comparing(Group::groupName))
                .toList();
    }

    /**
     * Adds a group.
     *
     * @throws io.github.cognitoemulator.core.error.CognitoException {@code GroupExistsException} when the name is
     *     taken, {@code LimitExceededException} when the pool holds {@value #MAX_GROUPS_PER_POOL} groups
     */
    public void create(String userPoolId, Group group) {
        retrying(() -> {
            if (findResource(userPoolId, group.groupName()).isPresent()) {
                throw ErrorType.GROUP_EXISTS.exception(
                        "A group with the name " + group.groupName() + " already exists.");
            }
            List<ResourceChange> changes = new ArrayList<>();
            changes.add(new ResourceChange.Create<>(
                    Group.KIND, userPoolId, groupKey(userPoolId, group.groupName()), group));
            Optional<Resource<GroupCount>> count = this.resources.find(GroupCount.KIND, userPoolId);
            if (count.isEmpty()) {
                changes.add(new ResourceChange.Create<>(GroupCount.KIND, userPoolId, userPoolId, new GroupCount(1)));
            } else {
                int groups = count.get().value().groups();
                if (groups >= MAX_GROUPS_PER_POOL) {
                    throw ErrorType.LIMIT_EXCEEDED.exception(
                            "The user pool has reached its limit of " + MAX_GROUPS_PER_POOL + " groups.");
                }
                changes.add(new ResourceChange.Replace<>(count.get(), new GroupCount(groups + 1)));
            }
            return this.resources.write(changes);
        });
    }

    /**
     * Applies {@code change} to the freshest copy of a group and stores the result.
     *
     * @return the group as stored
     */
    public Group update(String userPoolId, String groupName, UnaryOperator<Group> change) {
        List<Group> updated = new ArrayList<>(1);
        retrying(() -> {
            Resource<Group> current = requireGroup(userPoolId, groupName);
            Group changed = change.apply(current.value());
            updated.clear();
            updated.add(changed);
            return this.resources.replace(current, changed);
        });
        return updated.get(0);
    }

    /** Removes a group and every membership in it. */
    public void delete(String userPoolId, String groupName) {
        retrying(() -> {
            Resource<Group> group = requireGroup(userPoolId, groupName);
            List<ResourceChange> changes = new ArrayList<>();
            changes.add(new ResourceChange.Delete(group));
            this.resources
                    .find(GroupCount.KIND, userPoolId)
                    .ifPresent((count) -> changes.add(new ResourceChange.Replace<>(
                            count, new GroupCount(count.value().groups() - 1))));
            for (Resource<GroupMember> member : members(userPoolId, groupName)) {
                changes.add(new ResourceChange.Delete(member));
                this.resources
                        .find(
                                UserGroupNames.KIND,
                                userKey(userPoolId, member.value().sub()))
                        .ifPresent((names) -> changes.add(without(names, groupName)));
            }
            return this.resources.write(changes);
        });
    }

    /**
     * Adds a user to a group; nothing changes when it is in the group already.
     *
     * @throws io.github.cognitoemulator.core.error.CognitoException {@code ResourceNotFoundException} when there is
     *     no such group, {@code LimitExceededException} when the user is in {@value #MAX_GROUPS_PER_USER} groups
     */
    public void addUser(String userPoolId, String groupName, User user) {
        retrying(() -> {
            Resource<Group> group = requireGroup(userPoolId, groupName);
            Optional<Resource<UserGroupNames>> names =
                    this.resources.find(UserGroupNames.KIND, userKey(userPoolId, user.sub()));
            List<String> current =
                    names.map((found) -> found.value().groupNames()).orElse(List.of());
            if (current.contains(groupName)) {
                return true;
            }
            if (current.size() >= MAX_GROUPS_PER_USER) {
                throw ErrorType.LIMIT_EXCEEDED.exception(
                        "A user can belong to at most " + MAX_GROUPS_PER_USER + " groups.");
            }
            TreeSet<String> joined = new TreeSet<>(current);
            joined.add(groupName);
            UserGroupNames updated = new UserGroupNames(user.sub(), List.copyOf(joined));
            List<ResourceChange> changes = new ArrayList<>();
            // Replacing the group with itself fails the write if the group was deleted or changed meanwhile.
            changes.add(new ResourceChange.Replace<>(group, group.value()));
            changes.add(new ResourceChange.Create<>(
                    GroupMember.KIND,
                    userPoolId,
                    memberKey(userPoolId, groupName, user.sub()),
                    new GroupMember(groupName, user.sub())));
            changes.add(
                    names.isPresent()
                            ? new ResourceChange.Replace<>(names.get(), updated)
                            : new ResourceChange.Create<>(
                                    UserGroupNames.KIND, userPoolId, userKey(userPoolId, user.sub()), updated));
            return this.resources.write(changes);
        });
        if (this.users.find(userPoolId, user.sub()).isEmpty()) {
            // The user was deleted while being added, after its memberships were removed: remove this one too.
            userDeleted(userPoolId, user.sub());
        }
    }

    /**
     * Removes a user from a group; nothing changes when it is not in it.
     *
     * @throws io.github.cognitoemulator.core.error.CognitoException {@code ResourceNotFoundException} when there is
     *     no such group
     */
    public void removeUser(String userPoolId, String groupName, User user) {
        retrying(() -> {
            requireGroup(userPoolId, groupName);
            Optional<Resource<GroupMember>> member =
                    this.resources.find(GroupMember.KIND, memberKey(userPoolId, groupName, user.sub()));
            Optional<Resource<UserGroupNames>> names =
                    this.resources.find(UserGroupNames.KIND, userKey(userPoolId, user.sub()));
            List<ResourceChange> changes = new ArrayList<>();
            member.ifPresent((found) -> changes.add(new ResourceChange.Delete(found)));
            names.filter((found) -> found.value().groupNames().contains(groupName))
                    .ifPresent((found) -> changes.add(without(found, groupName)));
            return changes.isEmpty() || this.resources.write(changes);
        });
    }

    /** The groups of a user, by name. */
    public List<Group> groupsOf(String userPoolId, String sub) {
        return this.resources
                .find(UserGroupNames.KIND, userKey(userPoolId, sub))
                .map((names) -> names.value().groupNames())
                .orElse(List.of())
                .stream()
                .map((name) -> find(userPoolId, name))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The {@code sub}s of a group's members, sorted, including any whose user was just deleted. */
    public List<String> memberSubs(String userPoolId, String groupName) {
        return members(userPoolId, groupName).stream()
                .map((member) -> member.value().sub())
                .sorted()
                .toList();
    }

    /** Removes the memberships of a deleted user. */
    public void userDeleted(User user) {
        userDeleted(user.userPoolId(), user.sub());
    }

    private void userDeleted(String userPoolId, String sub) {
        retrying(() -> {
            Optional<Resource<UserGroupNames>> names =
                    this.resources.find(UserGroupNames.KIND, userKey(userPoolId, sub));
            if (names.isEmpty()) {
                return true;
            }
            List<ResourceChange> changes = new ArrayList<>();
            changes.add(new ResourceChange.Delete(names.get()));
            for (String groupName : names.get().value().groupNames()) {
                changes.add(
                        new ResourceChange.DeleteIfPresent(GroupMember.KIND, memberKey(userPoolId, groupName, sub)));
            }
            return this.resources.write(changes);
        });
    }

    /** The groups of a user as its tokens name them; a {@link TokenGroups}. */
    public List<TokenGroups.Group> tokenGroups(String userPoolId, String sub) {
        return groupsOf(userPoolId, sub).stream()
                .map((group) -> new TokenGroups.Group(group.groupName(), group.precedence(), group.roleArn()))
                .toList();
    }

    private List<Resource<GroupMember>> members(String userPoolId, String groupName) {
        return this.resources.list(GroupMember.KIND, userPoolId, groupKey(userPoolId, groupName) + " ");
    }

    private Optional<Resource<Group>> findResource(String userPoolId, String groupName) {
        return this.resources.find(Group.KIND, groupKey(userPoolId, groupName));
    }

    private Resource<Group> requireGroup(String userPoolId, String groupName) {
        return findResource(userPoolId, groupName).orElseThrow(GroupDirectory::groupNotFound);
    }

    /** Cognito's answer for a group that does not exist. */
    static io.github.cognitoemulator.core.error.CognitoException groupNotFound() {
        return ErrorType.RESOURCE_NOT_FOUND.exception("Group not found.");
    }

    /** The user's group list without {@code groupName}, or its removal when nothing is left. */
    private static ResourceChange without(Resource<UserGroupNames> names, String groupName) {
        List<String> left = names.value().groupNames().stream()
                .filter((name) -> !name.equals(groupName))
                .toList();
        return left.isEmpty()
                ? new ResourceChange.Delete(names)
                : new ResourceChange.Replace<>(
                        names, new UserGroupNames(names.value().sub(), left));
    }

    private static String groupKey(String userPoolId, String groupName) {
        return userPoolId + "/" + groupName;
    }

    private static String memberKey(String userPoolId, String groupName, String sub) {
        return groupKey(userPoolId, groupName) + " " + sub;
    }

    private static String userKey(String userPoolId, String sub) {
        return userPoolId + "/" + sub;
    }

    /** Runs a read-decide-write attempt until its write lands; an attempt returns {@code false} when it lost a race. */
    private static void retrying(BooleanSupplier attempt) {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            if (attempt.getAsBoolean()) {
                return;
            }
        }
        throw ErrorType.TOO_MANY_REQUESTS.exception("Rate exceeded");
    }
}
