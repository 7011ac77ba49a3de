package io.github.cognitoemulator.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserPoolClientActionsTest {

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final String poolId = this.fixture.createPool();

    private Reply createClient(Map<String, ?> settings) {
        Map<String, Object> body = new LinkedHashMap<>(settings);
        body.put("UserPoolId", this.poolId);
        body.putIfAbsent("ClientName", "web");
        return this.fixture.call("CreateUserPoolClient", body);
    }

    @Test
    void publicClientHasAnIdAndNoSecret() {
        Reply reply = createClient(Map.of()).requireSuccess();

        assertThat(reply.string("UserPoolClient", "ClientId")).matches("[a-z0-9]{26}");
        assertThat(reply.at("UserPoolClient", "ClientSecret")).isNull();
        assertThat(reply.at("UserPoolClient", "UserPoolId")).isEqualTo(this.poolId);
        assertThat(reply.at("UserPoolClient", "ClientName")).isEqualTo("web");
        assertThat(reply.body()).contains("\"CreationDate\":" + EmulatorFixture.NOW_ON_THE_WIRE);
    }

    @Test
    void newClientHasCognitosDefaults() {
        Reply reply = createClient(Map.of()).requireSuccess();

        assertThat(reply.at("UserPoolClient", "RefreshTokenValidity")).isEqualTo(30);
        assertThat(reply.at("UserPoolClient", "TokenValidityUnits")).isEqualTo(Map.of());
        assertThat(reply.at("UserPoolClient", "EnableTokenRevocation")).isEqualTo(true);
        assertThat(reply.at("UserPoolClient", "AuthSessionValidity")).isEqualTo(3);
        assertThat(reply.at("UserPoolClient", "AllowedOAuthFlowsUserPoolClient"))
                .isEqualTo(false);
        assertThat(reply.at("UserPoolClient", "ReadAttributes")).isNull();
        assertThat(reply.at("UserPoolClient", "WriteAttributes")).isNull();
    }

    @Test
    void generatedSecretHasTheLengthOfRealSecrets() {
        Reply reply = createClient(Map.of("GenerateSecret", true)).requireSuccess();

        assertThat(reply.string("UserPoolClient", "ClientSecret")).matches("[a-z0-9]{51}");
    }

    @Test
    void clientIsDescribedAsCreated() {
        Reply created = createClient(
                        Map.of("ExplicitAuthFlows", List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")))
                .requireSuccess();
        String clientId = created.string("UserPoolClient", "ClientId");

        Reply described =
                this.fixture.call("DescribeUserPoolClient", Map.of("UserPoolId", this.poolId, "ClientId", clientId));

        assertThat(described.at("UserPoolClient")).isEqualTo(created.at("UserPoolClient"));
        assertThat(described.at("UserPoolClient", "ExplicitAuthFlows"))
                .isEqualTo(List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"));
    }

    @Test
    void clientOfAnotherPoolIsNotFound() {
        String clientId = createClient(Map.of()).requireSuccess().string("UserPoolClient", "ClientId");
        String otherPool = this.fixture.createPool();

        assertThat(this.fixture
                        .call("DescribeUserPoolClient", Map.of("UserPoolId", otherPool, "ClientId", clientId))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool client " + clientId + " does not exist.");
    }

    @Test
    void deletedClientIsNotFound() {
        String clientId = createClient(Map.of()).requireSuccess().string("UserPoolClient", "ClientId");
        Map<String, String> request = Map.of("UserPoolId", this.poolId, "ClientId", clientId);

        assertThat(this.fixture.call("DeleteUserPoolClient", request).body()).isEqualTo("{}");
        assertThat(this.fixture.call("DescribeUserPoolClient", request).error())
                .isEqualTo("400 ResourceNotFoundException: User pool client " + clientId + " does not exist.");
        assertThat(this.fixture.call("DeleteUserPoolClient", request).status()).isEqualTo(400);
    }

    @Test
    void clientInAnUnknownPoolIsNotCreated() {
        Reply reply = this.fixture.call(
                "CreateUserPoolClient", Map.of("UserPoolId", "us-east-1_nope12345", "ClientName", "web"));

        assertThat(reply.error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_nope12345 does not exist.");
    }

    @Test
    void listedClientsCarryOnlyIdNameAndPool() {
        createClient(Map.of("ClientName", "one")).requireSuccess();
        createClient(Map.of("ClientName", "two", "GenerateSecret", true)).requireSuccess();

        Reply reply = this.fixture.call("ListUserPoolClients", Map.of("UserPoolId", this.poolId));

        List<Map<String, Object>> clients = reply.list("UserPoolClients");
        assertThat(clients).hasSize(2);
        assertThat(clients)
                .allSatisfy((client) ->
                        assertThat(client.keySet()).containsExactly("ClientId", "ClientName", "UserPoolId"));
        assertThat(reply.at("NextToken")).isNull();
    }
}
