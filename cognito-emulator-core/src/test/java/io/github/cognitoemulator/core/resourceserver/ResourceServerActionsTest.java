package io.github.cognitoemulator.core.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResourceServerActionsTest {

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final String poolId = this.fixture.createPool();

    private Reply create(String identifier, Object... scopeNames) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("UserPoolId", this.poolId);
        body.put("Identifier", identifier);
        body.put("Name", "Orders API");
        if (scopeNames.length > 0) {
            List<Map<String, Object>> scopes = new ArrayList<>();
            for (Object name : scopeNames) {
                scopes.add(Map.of("ScopeName", name, "ScopeDescription", "Allows " + name));
            }
            body.put("Scopes", scopes);
        }
        return this.fixture.call("CreateResourceServer", body);
    }

    private Reply describe(String identifier) {
        return this.fixture.call("DescribeResourceServer", Map.of("UserPoolId", this.poolId, "Identifier", identifier));
    }

    @Test
    void createdServerIsReturnedAndDescribed() {
        Reply created = create("https://orders.example.com", "read", "write").requireSuccess();

        assertThat(created.map("ResourceServer"))
                .isEqualTo(Map.of(
                        "UserPoolId",
                        this.poolId,
                        "Identifier",
                        "https://orders.example.com",
                        "Name",
                        "Orders API",
                        "Scopes",
                        List.of(
                                Map.of("ScopeName", "read", "ScopeDescription", "Allows read"),
                                Map.of("ScopeName", "write", "ScopeDescription", "Allows write"))));
        assertThat(describe("https://orders.example.com").requireSuccess().json())
                .isEqualTo(created.json());
    }

    @Test
    void serverWithoutScopesHasNoScopesMember() {
        Reply created = create("orders").requireSuccess();

        assertThat(created.map("ResourceServer")).doesNotContainKey("Scopes");
    }

    @Test
    void identifierIsUniqueInAPoolButNotAcrossPools() {
        create("orders").requireSuccess();

        assertThat(create("orders").error())
                .isEqualTo(
                        "400 InvalidParameterException: A resource server with identifier orders already exists in this"
                                + " user pool.");
        String otherPool = this.fixture.createPool();
        assertThat(this.fixture
                        .call(
                                "CreateResourceServer",
                                Map.of("UserPoolId", otherPool, "Identifier", "orders", "Name", "Orders"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aPoolHoldsAtMostTwentyFiveServers() {
        for (int i = 0; i < 25; i++) {
            create("server" + (char) ('a' + i)).requireSuccess();
        }

        assertThat(create("one-too-many").error())
                .isEqualTo("400 LimitExceededException: Maximum number of resource servers (25) reached for user pool "
                        + this.poolId + ".");
        assertThat(this.fixture
                        .call("ListResourceServers", Map.of("UserPoolId", this.poolId, "MaxResults", 50))
                        .list("ResourceServers"))
                .hasSize(25);
    }

    @Test
    void aScopeNamedTwiceIsRefused() {
        assertThat(create("orders", "read", "read").error())
                .isEqualTo("400 InvalidParameterException: Duplicate scopes are not allowed: read");
        assertThat(describe("orders").status()).isEqualTo(400);
    }

    @Test
    void unknownServerIsNotFound() {
        String expected =
                "400 ResourceNotFoundException: Resource server orders does not exist in pool " + this.poolId + ".";

        assertThat(describe("orders").error()).isEqualTo(expected);
        assertThat(this.fixture
                        .call(
                                "UpdateResourceServer",
                                Map.of("UserPoolId", this.poolId, "Identifier", "orders", "Name", "Orders"))
                        .error())
                .isEqualTo(expected);
        assertThat(this.fixture
                        .call("DeleteResourceServer", Map.of("UserPoolId", this.poolId, "Identifier", "orders"))
                        .error())
                .isEqualTo(expected);
    }

    @Test
    void unknownPoolIsNotFound() {
        assertThat(this.fixture
                        .call("ListResourceServers", Map.of("UserPoolId", "us-east-1_nothere", "MaxResults", 5))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_nothere does not exist.");
        assertThat(this.fixture
                        .call(
                                "CreateResourceServer",
                                Map.of("UserPoolId", "us-east-1_nothere", "Identifier", "orders", "Name", "O"))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_nothere does not exist.");
    }

    @Test
    void updateReplacesNameAndScopes() {
        create("orders", "read", "write").requireSuccess();

        Reply updated = this.fixture
                .call(
                        "UpdateResourceServer",
                        Map.of(
                                "UserPoolId",
                                this.poolId,
                                "Identifier",
                                "orders",
                                "Name",
                                "Orders v2",
                                "Scopes",
                                List.of(Map.of("ScopeName", "admin", "ScopeDescription", "All"))))
                .requireSuccess();

        assertThat(updated.at("ResourceServer", "Name")).isEqualTo("Orders v2");
        assertThat(describe("orders").at("ResourceServer", "Scopes"))
                .isEqualTo(List.of(Map.of("ScopeName", "admin", "ScopeDescription", "All")));
        assertThat(this.fixture
                        .call(
                                "UpdateResourceServer",
                                Map.of(
                                        "UserPoolId",
                                        this.poolId,
                                        "Identifier",
                                        "orders",
                                        "Name",
                                        "Orders",
                                        "Scopes",
                                        List.of(
                                                Map.of("ScopeName", "a", "ScopeDescription", "A"),
                                                Map.of("ScopeName", "a", "ScopeDescription", "A"))))
                        .error())
                .isEqualTo("400 InvalidParameterException: Duplicate scopes are not allowed: a");
        assertThat(describe("orders").at("ResourceServer", "Name")).isEqualTo("Orders v2");
    }

    @Test
    void deletedServerIsGone() {
        create("orders").requireSuccess();
        create("users").requireSuccess();

        assertThat(this.fixture
                        .call("DeleteResourceServer", Map.of("UserPoolId", this.poolId, "Identifier", "orders"))
                        .body())
                .isEqualTo("{}");

        assertThat(describe("orders").status()).isEqualTo(400);
        assertThat(describe("users").status()).isEqualTo(200);
    }

    @Test
    void listPagesInIdentifierOrder() {
        create("c").requireSuccess();
        create("a").requireSuccess();
        create("b").requireSuccess();

        Reply first = this.fixture
                .call("ListResourceServers", Map.of("UserPoolId", this.poolId, "MaxResults", 2))
                .requireSuccess();
        assertThat(first.list("ResourceServers"))
                .extracting((server) -> server.get("Identifier"))
                .containsExactly("a", "b");
        Reply second = this.fixture
                .call(
                        "ListResourceServers",
                        Map.of("UserPoolId", this.poolId, "MaxResults", 2, "NextToken", first.string("NextToken")))
                .requireSuccess();
        assertThat(second.list("ResourceServers"))
                .extracting((server) -> server.get("Identifier"))
                .containsExactly("c");
        assertThat(second.at("NextToken")).isNull();
        assertThat(this.fixture
                        .call("ListResourceServers", Map.of("UserPoolId", this.poolId))
                        .list("ResourceServers"))
                .hasSize(3);
    }

    @Test
    void definesOnlyItsOwnScopes() {
        ResourceServer server = new ResourceServer("orders", "Orders", List.of(new ResourceServer.Scope("read", "R")));

        assertThat(server.defines("orders/read")).isTrue();
        assertThat(server.defines("orders/write")).isFalse();
        assertThat(server.defines("ordersX/read")).isFalse();
        assertThat(server.defines("read")).isFalse();
        assertThat(new ResourceServer("orders", "Orders", null).defines("orders/read"))
                .isFalse();
    }

    @Test
    void recordRoundTripsThroughTheDatabase() {
        try (JdbcStore store = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            store.pools().create(EmulatorStoreContract.pool("us-east-1_rs"));
            PoolResourceServers servers = new PoolResourceServers(List.of(
                    new ResourceServer("b", "B", null),
                    new ResourceServer("a", "A", List.of(new ResourceServer.Scope("read", "Reads")))));

            assertThat(store.resources().create(PoolResourceServers.KIND, "us-east-1_rs", "us-east-1_rs", servers))
                    .isTrue();

            assertThat(store.resources()
                            .find(PoolResourceServers.KIND, "us-east-1_rs")
                            .orElseThrow()
                            .value())
                    .isEqualTo(servers);
            assertThat(servers.servers()).extracting(ResourceServer::identifier).containsExactly("a", "b");
        }
    }
}
