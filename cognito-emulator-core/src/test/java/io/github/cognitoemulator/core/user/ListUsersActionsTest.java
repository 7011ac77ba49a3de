package io.github.cognitoemulator.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListUsersActionsTest {

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final String poolId = this.fixture.createPool();

    @BeforeEach
    void createUsers() {
        this.fixture
                .createUser(this.poolId, "carol", "email", "carol@example.com", "given_name", "Carol")
                .requireSuccess();
        this.fixture
                .createUser(this.poolId, "alice", "email", "alice@example.com", "given_name", "Alice")
                .requireSuccess();
        this.fixture
                .createUser(this.poolId, "bob", "email", "bob@example.org", "given_name", "Bob")
                .requireSuccess();
        this.fixture
                .call(
                        "AdminSetUserPassword",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "Username",
                                "bob",
                                "Password",
                                "N3w-Password",
                                "Permanent",
                                true))
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
    void withoutFilterEveryUserIsListed() {
        assertThat(usernames(listUsers(Map.of()))).containsExactlyInAnyOrder("alice", "bob", "carol");
        assertThat(usernames(listUsers(Map.of("Filter", "")))).hasSize(3);
    }

    @Test
    void filterSelectsMatchingUsers() {
        assertThat(usernames(listUsers(Map.of("Filter", "email ^= \"alice\"")))).containsExactly("alice");
        assertThat(usernames(listUsers(Map.of("Filter", "email ^= \"bob@example.org\""))))
                .containsExactly("bob");
        assertThat(usernames(listUsers(Map.of("Filter", "given_name = \"Carol\""))))
                .containsExactly("carol");
        assertThat(usernames(listUsers(Map.of("Filter", "cognito:user_status = \"confirmed\""))))
                .containsExactly("bob");
        assertThat(usernames(listUsers(Map.of("Filter", "email = \"nobody@example.com\""))))
                .isEmpty();
    }

    @Test
    void badFilterIsRejected() {
        Reply reply = this.fixture.call(
                "ListUsers", Map.of("UserPoolId", this.poolId, "Filter", "email = alice@example.com"));

        assertThat(reply.error()).isEqualTo("400 InvalidParameterException: Error while parsing filter.");
    }

    @Test
    void attributesToGetLimitsTheAttributesReturned() {
        Reply reply = listUsers(Map.of("Filter", "username = \"alice\"", "AttributesToGet", List.of("given_name")));

        List<Map<String, Object>> users = reply.list("Users");
        assertThat(users).hasSize(1);
        assertThat(users.get(0).get("Attributes")).isEqualTo(List.of(Map.of("Name", "given_name", "Value", "Alice")));
    }

    @Test
    void pagesCoverEveryUserOnce() {
        List<String> listed = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("Limit", 2);
            if (token != null) {
                request.put("PaginationToken", token);
            }
            Reply page = listUsers(request);
            listed.addAll(usernames(page));
            token = page.string("PaginationToken");
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(2);
        assertThat(listed).containsExactlyInAnyOrder("alice", "bob", "carol");
    }

    @Test
    void listingAnUnknownPoolIsNotFound() {
        assertThat(this.fixture
                        .call("ListUsers", Map.of("UserPoolId", "us-east-1_nope12345"))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_nope12345 does not exist.");
    }
}
