package io.github.cognitoemulator.core.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Memberships go with their user and group, and a membership left behind by a race never shows. */
class MembershipCleanUpTest {

    private final InMemoryStore store = new InMemoryStore();

    private final SignInFixture fixture = SignInFixture.create(this.store);

    private final String poolId = this.fixture.createPool();

    private Reply call(String action, Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("UserPoolId", this.poolId);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return this.fixture.call(action, body);
    }

    private String subOf(String username) {
        return this.fixture.attributesOf(this.poolId, username).get("sub");
    }

    @Test
    void aUserDeletingItselfLeavesItsGroups() {
        AppClient client = this.fixture.createPasswordClient(this.poolId);
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        call("CreateGroup", "GroupName", "admins").requireSuccess();
        call("AdminAddUserToGroup", "GroupName", "admins", "Username", "alice").requireSuccess();
        String accessToken = SignInFixture.tokens(this.fixture.signIn(client.id(), "alice", SignInFixture.PASSWORD))
                .accessToken();

        this.fixture.call("DeleteUser", Map.of("AccessToken", accessToken)).requireSuccess();

        assertThat(call("ListUsersInGroup", "GroupName", "admins").list("Users"))
                .isEmpty();
        assertThat(this.store.resources().list(GroupMember.KIND, this.poolId)).isEmpty();
        assertThat(this.store.resources().list(UserGroupNames.KIND, this.poolId))
                .isEmpty();
    }

    @Test
    void deletingAGroupUpdatesEveryMembersList() {
        this.fixture.createUser(this.poolId, "alice");
        this.fixture.createUser(this.poolId, "bob");
        for (String group : List.of("admins", "staff")) {
            call("CreateGroup", "GroupName", group).requireSuccess();
            call("AdminAddUserToGroup", "GroupName", group, "Username", "alice").requireSuccess();
        }
        call("AdminAddUserToGroup", "GroupName", "admins", "Username", "bob").requireSuccess();

        call("DeleteGroup", "GroupName", "admins").requireSuccess();

        assertThat(this.store.resources().find(UserGroupNames.KIND, this.poolId + "/" + subOf("alice")))
                .hasValueSatisfying(
                        (names) -> assertThat(names.value().groupNames()).containsExactly("staff"));
        assertThat(this.store.resources().find(UserGroupNames.KIND, this.poolId + "/" + subOf("bob")))
                .isEmpty();
        assertThat(this.store.resources().list(GroupMember.KIND, this.poolId))
                .extracting((member) -> member.value().groupName())
                .containsExactly("staff");
        assertThat(this.store
                        .resources()
                        .find(GroupCount.KIND, this.poolId)
                        .orElseThrow()
                        .value())
                .isEqualTo(new GroupCount(1));
    }

    @Test
    void aMembershipOfAUserThatIsGoneNeverShows() {
        call("CreateGroup", "GroupName", "staff").requireSuccess();
        // A race lost to a user deletion can leave a membership behind for a moment: the reads skip it.
        for (String sub : List.of("00000000-0000-0000-0000-000000000000", "ffffffff-0000-0000-0000-000000000000")) {
            this.store
                    .resources()
                    .create(
                            GroupMember.KIND,
                            this.poolId,
                            this.poolId + "/staff " + sub,
                            new GroupMember("staff", sub));
        }
        this.fixture.createUser(this.poolId, "alice");
        this.fixture.createUser(this.poolId, "bob");
        call("AdminAddUserToGroup", "GroupName", "staff", "Username", "alice").requireSuccess();
        call("AdminAddUserToGroup", "GroupName", "staff", "Username", "bob").requireSuccess();

        assertThat(call("ListUsersInGroup", "GroupName", "staff").list("Users"))
                .extracting((user) -> user.get("Username"))
                .containsExactlyInAnyOrder("alice", "bob");
        Reply first = call("ListUsersInGroup", "GroupName", "staff", "Limit", 1);
        assertThat(first.list("Users")).hasSize(1);
        Reply second =
                call("ListUsersInGroup", "GroupName", "staff", "Limit", 1, "NextToken", first.string("NextToken"));
        assertThat(second.list("Users")).hasSize(1);
        assertThat(List.of(
                        first.list("Users").get(0).get("Username"),
                        second.list("Users").get(0).get("Username")))
                .containsExactlyInAnyOrder("alice", "bob");
    }

    @Test
    void aUsersListNamingAGroupThatIsGoneShowsOnlyTheOthers() {
        this.fixture.createUser(this.poolId, "alice");
        call("CreateGroup", "GroupName", "staff").requireSuccess();
        call("AdminAddUserToGroup", "GroupName", "staff", "Username", "alice").requireSuccess();
        var names = this.store
                .resources()
                .find(UserGroupNames.KIND, this.poolId + "/" + subOf("alice"))
                .orElseThrow();
        this.store.resources().replace(names, new UserGroupNames(names.value().sub(), List.of("gone", "staff")));

        assertThat(call("AdminListGroupsForUser", "Username", "alice").list("Groups"))
                .extracting((group) -> group.get("GroupName"))
                .containsExactly("staff");
    }
}
