package io.github.cognitoemulator.core.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.protocol.AwsJsonProtocol;
import io.github.cognitoemulator.core.protocol.ProtocolRequest;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupActionsTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/admins";

    private static final double START = SignInFixture.START.getEpochSecond();

    private final SignInFixture fixture = SignInFixture.create();

    private final String poolId = this.fixture.createPool();

    private Reply call(String action, Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("UserPoolId", this.poolId);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return this.fixture.call(action, body);
    }

    private void createGroup(String name, Object... settings) {
        List<Object> body = new ArrayList<>(List.of("GroupName", name));
        body.addAll(List.of(settings));
        call("CreateGroup", body.toArray()).requireSuccess();
    }

    private void add(String username, String group) {
        call("AdminAddUserToGroup", "Username", username, "GroupName", group).requireSuccess();
    }

    private static List<String> names(Reply reply, String member) {
        return reply.list(member).stream()
                .map((item) -> (String) item.get(member.equals("Users") ? "Username" : "GroupName"))
                .toList();
    }

    @Test
    void createGroupReturnsEveryMemberGiven() {
        Reply reply = call(
                "CreateGroup",
                "GroupName",
                "admins",
                "Description",
                "Administrators",
                "RoleArn",
                ROLE,
                "Precedence",
                0);

        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> group = reply.map("Group");
        assertThat(group)
                .containsOnlyKeys(
                        "GroupName",
                        "UserPoolId",
                        "Description",
                        "RoleArn",
                        "Precedence",
                        "LastModifiedDate",
                        "CreationDate")
                .containsEntry("GroupName", "admins")
                .containsEntry("UserPoolId", this.poolId)
                .containsEntry("Description", "Administrators")
                .containsEntry("RoleArn", ROLE)
                .containsEntry("Precedence", 0);
        assertThat(((Number) group.get("CreationDate")).doubleValue()).isEqualTo(START);
        assertThat(((Number) group.get("LastModifiedDate")).doubleValue()).isEqualTo(START);
    }

    @Test
    void aGroupWithoutSettingsLeavesThemOut() {
        Map<String, Object> group =
                call("CreateGroup", "GroupName", "plain").requireSuccess().map("Group");

        assertThat(group).containsOnlyKeys("GroupName", "UserPoolId", "LastModifiedDate", "CreationDate");
        assertThat(call("GetGroup", "GroupName", "plain").requireSuccess().map("Group"))
                .isEqualTo(group);
    }

    @Test
    void aGroupNameIsTakenOnceAndIsCaseSensitive() {
        createGroup("admins", "Description", "first");

        assertThat(call("CreateGroup", "GroupName", "admins", "Description", "second")
                        .error())
                .isEqualTo("400 GroupExistsException: A group with the name admins already exists.");
        assertThat(call("GetGroup", "GroupName", "admins").string("Group", "Description"))
                .isEqualTo("first");
        assertThat(call("CreateGroup", "GroupName", "Admins").status()).isEqualTo(200);
    }

    @Test
    void anUnknownGroupIsNotFoundByAnyAction() {
        this.fixture.createUser(this.poolId, "alice");
        String notFound = "400 ResourceNotFoundException: Group not found.";

        assertThat(call("GetGroup", "GroupName", "nope").error()).isEqualTo(notFound);
        assertThat(call("UpdateGroup", "GroupName", "nope", "Precedence", 1).error())
                .isEqualTo(notFound);
        assertThat(call("DeleteGroup", "GroupName", "nope").error()).isEqualTo(notFound);
        assertThat(call("ListUsersInGroup", "GroupName", "nope").error()).isEqualTo(notFound);
        assertThat(call("AdminAddUserToGroup", "GroupName", "nope", "Username", "alice")
                        .error())
                .isEqualTo(notFound);
        assertThat(call("AdminRemoveUserFromGroup", "GroupName", "nope", "Username", "alice")
                        .error())
                .isEqualTo(notFound);
    }

    @Test
    void anUnknownPoolIsNotFound() {
        String other = "us-east-1_Nope";
        String expected = "400 ResourceNotFoundException: User pool " + other + " does not exist.";
        for (String action : List.of(
                "CreateGroup",
                "GetGroup",
                "UpdateGroup",
                "DeleteGroup",
                "ListUsersInGroup",
                "AdminAddUserToGroup",
                "AdminRemoveUserFromGroup")) {
            assertThat(this.fixture
                            .call(action, Map.of("UserPoolId", other, "GroupName", "g", "Username", "alice"))
                            .error())
                    .as(action)
                    .isEqualTo(expected);
        }
        assertThat(this.fixture.call("ListGroups", Map.of("UserPoolId", other)).error())
                .isEqualTo(expected);
        assertThat(this.fixture
                        .call("AdminListGroupsForUser", Map.of("UserPoolId", other, "Username", "alice"))
                        .error())
                .isEqualTo(expected);
    }

    @Test
    void anUnknownUserIsNotFound() {
        createGroup("admins");
        String expected = "400 UserNotFoundException: User does not exist.";

        assertThat(call("AdminAddUserToGroup", "GroupName", "admins", "Username", "ghost")
                        .error())
                .isEqualTo(expected);
        assertThat(call("AdminRemoveUserFromGroup", "GroupName", "admins", "Username", "ghost")
                        .error())
                .isEqualTo(expected);
        assertThat(call("AdminListGroupsForUser", "Username", "ghost").error()).isEqualTo(expected);
    }

    @Test
    void updateGroupChangesWhatItNamesAndKeepsTheRest() {
        createGroup("admins", "Description", "Administrators", "RoleArn", ROLE, "Precedence", 3);
        this.fixture.clock().advance(Duration.ofSeconds(30));

        Map<String, Object> updated = call("UpdateGroup", "GroupName", "admins", "Precedence", 1)
                .requireSuccess()
                .map("Group");

        assertThat(updated)
                .containsEntry("Description", "Administrators")
                .containsEntry("RoleArn", ROLE)
                .containsEntry("Precedence", 1);
        assertThat(((Number) updated.get("CreationDate")).doubleValue()).isEqualTo(START);
        assertThat(((Number) updated.get("LastModifiedDate")).doubleValue()).isEqualTo(START + 30);
        assertThat(call("GetGroup", "GroupName", "admins").map("Group")).isEqualTo(updated);

        Map<String, Object> again = call(
                        "UpdateGroup",
                        "GroupName",
                        "admins",
                        "Description",
                        "Admins",
                        "RoleArn",
                        "arn:aws:iam::123456789012:role/other")
                .requireSuccess()
                .map("Group");
        assertThat(again)
                .containsEntry("Description", "Admins")
                .containsEntry("RoleArn", "arn:aws:iam::123456789012:role/other")
                .containsEntry("Precedence", 1);
    }

    @Test
    void deleteGroupRemovesItAndItsMemberships() {
        this.fixture.createUser(this.poolId, "alice");
        createGroup("admins");
        createGroup("staff");
        add("alice", "admins");
        add("alice", "staff");

        assertThat(call("DeleteGroup", "GroupName", "admins").status()).isEqualTo(200);

        assertThat(call("DeleteGroup", "GroupName", "admins").error())
                .isEqualTo("400 ResourceNotFoundException: Group not found.");
        assertThat(names(call("AdminListGroupsForUser", "Username", "alice"), "Groups"))
                .containsExactly("staff");
        // A new group of the same name starts empty.
        createGroup("admins");
        assertThat(call("ListUsersInGroup", "GroupName", "admins").list("Users"))
                .isEmpty();
        assertThat(names(call("AdminListGroupsForUser", "Username", "alice"), "Groups"))
                .containsExactly("staff");
    }

    @Test
    void deleteGroupAnswersAnEmptyObject() {
        createGroup("admins");

        assertThat(call("DeleteGroup", "GroupName", "admins").body()).isEqualTo("{}");
    }

    @Test
    void listGroupsPagesByName() {
        for (String name : List.of("c", "a", "e", "b", "d")) {
            createGroup(name);
        }

        Reply first = call("ListGroups", "Limit", 2);
        assertThat(names(first, "Groups")).containsExactly("a", "b");
        Reply second = call("ListGroups", "Limit", 2, "NextToken", first.string("NextToken"));
        assertThat(names(second, "Groups")).containsExactly("c", "d");
        Reply third = call("ListGroups", "Limit", 2, "NextToken", second.string("NextToken"));
        assertThat(names(third, "Groups")).containsExactly("e");
        assertThat(third.json()).doesNotContainKey("NextToken");
    }

    @Test
    void listGroupsWithoutALimitReturnsSixty() {
        for (int i = 0; i < 61; i++) {
            createGroup(String.format("g%02d", i));
        }

        Reply all = call("ListGroups");
        assertThat(all.list("Groups")).hasSize(60);
        assertThat(names(call("ListGroups", "NextToken", all.string("NextToken")), "Groups"))
                .containsExactly("g60");
        assertThat(call("ListGroups", "Limit", 0).list("Groups")).hasSize(60);
        assertThat(call("ListGroups", "Limit", 60).list("Groups")).hasSize(60);
        assertThat(call("ListGroups", "Limit", 59).list("Groups")).hasSize(59);
    }

    @Test
    void everyGroupActionNeedsASignature() {
        for (String action : List.of(
                "CreateGroup",
                "GetGroup",
                "UpdateGroup",
                "DeleteGroup",
                "ListGroups",
                "AdminAddUserToGroup",
                "AdminRemoveUserFromGroup",
                "AdminListGroupsForUser",
                "ListUsersInGroup")) {
            ProtocolResponse response = this.fixture
                    .emulator()
                    .handle(new ProtocolRequest(
                            AwsJsonProtocol.TARGET_PREFIX + action,
                            ("{\"UserPoolId\":\"" + this.poolId + "\",\"GroupName\":\"g\"}")
                                    .getBytes(StandardCharsets.UTF_8),
                            null,
                            null,
                            false));
            assertThat(response.status()).as(action).isEqualTo(400);
            assertThat(response.bodyAsString()).as(action).contains("MissingAuthenticationTokenException");
        }
        assertThat(call("ListGroups").list("Groups")).isEmpty();
    }

    @Test
    void anEmptyPoolListsNoGroups() {
        Reply reply = call("ListGroups");

        assertThat(reply.body()).isEqualTo("{\"Groups\":[]}");
    }

    @Test
    void aForeignPaginationTokenIsRefused() {
        assertThat(call("ListGroups", "NextToken", "bm90LW91cnM").error())
                .isEqualTo("400 InvalidParameterException: Invalid pagination token.");
    }

    @Test
    void groupsBelongToTheirPool() {
        createGroup("admins");
        String otherPool = this.fixture.createPool();

        assertThat(this.fixture
                        .call("GetGroup", Map.of("UserPoolId", otherPool, "GroupName", "admins"))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: Group not found.");
        assertThat(this.fixture
                        .call("ListGroups", Map.of("UserPoolId", otherPool))
                        .list("Groups"))
                .isEmpty();
        assertThat(this.fixture
                        .call("CreateGroup", Map.of("UserPoolId", otherPool, "GroupName", "admins"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void membershipsCanBeListedFromBothSides() {
        this.fixture.createUser(this.poolId, "alice", "email", "alice@example.com");
        this.fixture.createUser(this.poolId, "bob");
        createGroup("admins");
        createGroup("staff");
        add("alice", "staff");
        add("alice", "admins");
        add("bob", "staff");

        assertThat(names(call("AdminListGroupsForUser", "Username", "alice"), "Groups"))
                .containsExactly("admins", "staff");
        assertThat(call("AdminListGroupsForUser", "Username", "alice")
                        .list("Groups")
                        .get(0))
                .isEqualTo(call("GetGroup", "GroupName", "admins").map("Group"));
        assertThat(names(call("ListUsersInGroup", "GroupName", "staff"), "Users"))
                .containsExactlyInAnyOrder("alice", "bob");
        Map<String, Object> alice =
                call("ListUsersInGroup", "GroupName", "admins").list("Users").get(0);
        assertThat(alice)
                .containsOnlyKeys(
                        "Username", "Attributes", "UserCreateDate", "UserLastModifiedDate", "Enabled", "UserStatus")
                .containsEntry("Username", "alice")
                .containsEntry("Enabled", true)
                .containsEntry("UserStatus", "FORCE_CHANGE_PASSWORD");
        assertThat(alice.get("Attributes").toString()).contains("alice@example.com");
    }

    @Test
    void addingTwiceKeepsOneMembershipAndRemovingTwiceIsFine() {
        this.fixture.createUser(this.poolId, "alice");
        createGroup("admins");

        add("alice", "admins");
        assertThat(call("AdminAddUserToGroup", "Username", "alice", "GroupName", "admins")
                        .body())
                .isEqualTo("{}");

        assertThat(call("ListUsersInGroup", "GroupName", "admins").list("Users"))
                .hasSize(1);
        assertThat(call("AdminRemoveUserFromGroup", "Username", "alice", "GroupName", "admins")
                        .body())
                .isEqualTo("{}");
        assertThat(call("AdminRemoveUserFromGroup", "Username", "alice", "GroupName", "admins")
                        .status())
                .isEqualTo(200);
        assertThat(call("ListUsersInGroup", "GroupName", "admins").list("Users"))
                .isEmpty();
        assertThat(call("AdminListGroupsForUser", "Username", "alice").list("Groups"))
                .isEmpty();
    }

    @Test
    void removingOneGroupKeepsTheOthers() {
        this.fixture.createUser(this.poolId, "alice");
        createGroup("a");
        createGroup("b");
        createGroup("c");
        add("alice", "a");
        add("alice", "b");
        add("alice", "c");

        call("AdminRemoveUserFromGroup", "Username", "alice", "GroupName", "b").requireSuccess();

        assertThat(names(call("AdminListGroupsForUser", "Username", "alice"), "Groups"))
                .containsExactly("a", "c");
        assertThat(call("ListUsersInGroup", "GroupName", "b").list("Users")).isEmpty();
        assertThat(call("ListUsersInGroup", "GroupName", "a").list("Users")).hasSize(1);
    }

    @Test
    void aUserIsFoundByAliasToo() {
        String pool = this.fixture.createPool(Map.of("UsernameAttributes", List.of("email")));
        this.fixture.createUser(pool, "carol@example.com", "email", "carol@example.com");
        this.fixture
                .call("CreateGroup", Map.of("UserPoolId", pool, "GroupName", "g"))
                .requireSuccess();

        this.fixture
                .call(
                        "AdminAddUserToGroup",
                        Map.of("UserPoolId", pool, "GroupName", "g", "Username", "carol@example.com"))
                .requireSuccess();

        assertThat(this.fixture
                        .call("AdminListGroupsForUser", Map.of("UserPoolId", pool, "Username", "carol@example.com"))
                        .list("Groups"))
                .hasSize(1);
    }

    @Test
    void deletingAUserRemovesItsMemberships() {
        this.fixture.createUser(this.poolId, "alice");
        this.fixture.createUser(this.poolId, "bob");
        createGroup("admins");
        add("alice", "admins");
        add("bob", "admins");

        call("AdminDeleteUser", "Username", "alice").requireSuccess();

        assertThat(names(call("ListUsersInGroup", "GroupName", "admins"), "Users"))
                .containsExactly("bob");
        // A new user of the same name is a new user, in no group.
        this.fixture.createUser(this.poolId, "alice");
        assertThat(call("AdminListGroupsForUser", "Username", "alice").list("Groups"))
                .isEmpty();
        assertThat(names(call("ListUsersInGroup", "GroupName", "admins"), "Users"))
                .containsExactly("bob");
    }

    @Test
    void listUsersInGroupPages() {
        createGroup("staff");
        for (int i = 0; i < 5; i++) {
            this.fixture.createUser(this.poolId, "user" + i);
            add("user" + i, "staff");
        }

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Reply page = (token == null)
                    ? call("ListUsersInGroup", "GroupName", "staff", "Limit", 2)
                    : call("ListUsersInGroup", "GroupName", "staff", "Limit", 2, "NextToken", token);
            assertThat(page.list("Users")).hasSizeLessThanOrEqualTo(2);
            seen.addAll(names(page, "Users"));
            token = page.string("NextToken");
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrder("user0", "user1", "user2", "user3", "user4");
        assertThat(call("ListUsersInGroup", "GroupName", "staff", "Limit", 5).json())
                .doesNotContainKey("NextToken");
        assertThat(call("ListUsersInGroup", "GroupName", "staff", "Limit", 4).string("NextToken"))
                .isNotNull();
        assertThat(call("ListUsersInGroup", "GroupName", "staff").list("Users")).hasSize(5);
    }

    @Test
    void adminListGroupsForUserPages() {
        this.fixture.createUser(this.poolId, "alice");
        for (String name : List.of("a", "b", "c")) {
            createGroup(name);
            add("alice", name);
        }

        Reply first = call("AdminListGroupsForUser", "Username", "alice", "Limit", 2);
        assertThat(names(first, "Groups")).containsExactly("a", "b");
        Reply second =
                call("AdminListGroupsForUser", "Username", "alice", "Limit", 2, "NextToken", first.string("NextToken"));
        assertThat(names(second, "Groups")).containsExactly("c");
        assertThat(second.json()).doesNotContainKey("NextToken");
    }

    @Test
    void aUserBelongsToAtMostOneHundredGroups() {
        this.fixture.createUser(this.poolId, "alice");
        for (int i = 0; i <= GroupDirectory.MAX_GROUPS_PER_USER; i++) {
            createGroup("g" + i);
        }
        for (int i = 0; i < GroupDirectory.MAX_GROUPS_PER_USER; i++) {
            add("alice", "g" + i);
        }

        assertThat(call("AdminAddUserToGroup", "Username", "alice", "GroupName", "g100")
                        .error())
                .isEqualTo("400 LimitExceededException: A user can belong to at most 100 groups.");
        assertThat(call("ListUsersInGroup", "GroupName", "g100").list("Users")).isEmpty();
        // Adding to a group the user is in already is still fine.
        add("alice", "g5");
        call("AdminRemoveUserFromGroup", "Username", "alice", "GroupName", "g5").requireSuccess();
        add("alice", "g100");
    }

    @Test
    void aPoolHoldsAtMostTenThousandGroups() {
        for (int i = 0; i < GroupDirectory.MAX_GROUPS_PER_POOL; i++) {
            createGroup("g" + i);
        }

        assertThat(call("CreateGroup", "GroupName", "one-too-many").error())
                .isEqualTo("400 LimitExceededException: The user pool has reached its limit of 10000 groups.");
        assertThat(call("GetGroup", "GroupName", "one-too-many").status()).isEqualTo(400);

        call("DeleteGroup", "GroupName", "g0").requireSuccess();
        assertThat(call("CreateGroup", "GroupName", "one-too-many").status()).isEqualTo(200);
    }
}
