package io.github.cognitoemulator.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ListUsers page sizes, the search index after changes, and the attributes listed by default. */
class ListUsersPagingTest {

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final String poolId = this.fixture.createPool();

    @BeforeEach
    void createUsers() {
        this.fixture
                .createUser(this.poolId, "alice", "email", "alice@example.com", "given_name", "Alice")
                .requireSuccess();
        this.fixture
                .createUser(this.poolId, "bob", "email", "bob@example.com", "given_name", "Bob")
                .requireSuccess();
    }

    private Reply listUsers(Map<String, ?> request) {
        Map<String, Object> body = new LinkedHashMap<>(request);
        body.put("UserPoolId", this.poolId);
        return this.fixture.call("ListUsers", body).requireSuccess();
    }

    private static List<String> usernames(Reply reply) {
        return reply.list("Users").stream()
                .map((user) -> (String) user.get("Username"))
                .toList();
    }

    @Test
    void pageThatHoldsTheLastUserHasNoToken() {
        Reply reply = listUsers(Map.of("Limit", 2));

        assertThat(usernames(reply)).containsExactly("alice", "bob");
        assertThat(reply.at("PaginationToken")).isNull();
    }

    @Test
    void limitOfZeroMeansTheDefaultPageSize() {
        Reply reply = listUsers(Map.of("Limit", 0));

        assertThat(usernames(reply)).containsExactly("alice", "bob");
        assertThat(reply.at("PaginationToken")).isNull();
    }

    @Test
    void everyAttributeIsListedWhenNoneAreAsked() {
        Reply reply = listUsers(Map.of("Filter", "username = \"alice\""));

        Map<String, Object> alice = reply.list("Users").get(0);
        assertThat(alice.get("Attributes").toString()).contains("email", "given_name", "sub");
        assertThat(listUsers(Map.of("Filter", "username = \"alice\"", "AttributesToGet", List.of()))
                        .list("Users")
                        .get(0)
                        .get("Attributes")
                        .toString())
                .contains("email", "given_name", "sub");
    }

    @Test
    void changedAttributeIsNoLongerFoundByItsOldValue() {
        this.fixture
                .call(
                        "AdminUpdateUserAttributes",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "Username",
                                "alice",
                                "UserAttributes",
                                EmulatorFixture.attributes("email", "ally@example.com", "given_name", "")))
                .requireSuccess();

        assertThat(usernames(listUsers(Map.of("Filter", "email = \"alice@example.com\""))))
                .isEmpty();
        assertThat(usernames(listUsers(Map.of("Filter", "email ^= \"alice\"")))).isEmpty();
        assertThat(usernames(listUsers(Map.of("Filter", "given_name = \"Alice\""))))
                .isEmpty();
        assertThat(usernames(listUsers(Map.of("Filter", "email = \"ally@example.com\""))))
                .containsExactly("alice");
    }

    @Test
    void deletedUserIsNoLongerFound() {
        this.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(usernames(listUsers(Map.of("Filter", "email ^= \"alice\"")))).isEmpty();
        assertThat(usernames(listUsers(Map.of()))).containsExactly("bob");
    }
}
