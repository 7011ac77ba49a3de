package io.github.cognitoemulator.core.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RiskConfigurationActionsTest {

    private static final Map<String, Object> COMPROMISED =
            Map.of("EventFilter", List.of("SIGN_IN", "SIGN_UP"), "Actions", Map.of("EventAction", "BLOCK"));

    private static final Map<String, Object> TAKEOVER =
            Map.of("Actions", Map.of("HighAction", Map.of("Notify", false, "EventAction", "MFA_REQUIRED")));

    private static final Map<String, Object> EXCEPTIONS = Map.of("BlockedIPRangeList", List.of("10.0.0.0/8"));

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final String poolId = this.fixture.createPool(Map.of("UserPoolTier", "PLUS"));

    private final String clientId = this.fixture
            .call("CreateUserPoolClient", Map.of("UserPoolId", this.poolId, "ClientName", "app"))
            .requireSuccess()
            .string("UserPoolClient", "ClientId");

    private Reply set(Map<String, ?> members) {
        Map<String, Object> body = new LinkedHashMap<>(members);
        body.put("UserPoolId", this.poolId);
        return this.fixture.call("SetRiskConfiguration", body);
    }

    private Reply describe(Map<String, ?> members) {
        Map<String, Object> body = new LinkedHashMap<>(members);
        body.putIfAbsent("UserPoolId", this.poolId);
        return this.fixture.call("DescribeRiskConfiguration", body);
    }

    @Test
    void aNewPoolHasNoRiskConfiguration() {
        assertThat(describe(Map.of()).json()).isEqualTo(Map.of("RiskConfiguration", Map.of("UserPoolId", this.poolId)));
        assertThat(describe(Map.of("ClientId", this.clientId)).json())
                .isEqualTo(Map.of("RiskConfiguration", Map.of("UserPoolId", this.poolId)));
    }

    @Test
    void thePoolsConfigurationIsAnsweredAndKept() {
        Map<String, Object> expected = Map.of(
                "UserPoolId", this.poolId,
                "CompromisedCredentialsRiskConfiguration", COMPROMISED,
                "AccountTakeoverRiskConfiguration", TAKEOVER,
                "RiskExceptionConfiguration", EXCEPTIONS,
                "LastModifiedDate", 1.594889658976E9);

        Reply reply = set(Map.of(
                "CompromisedCredentialsRiskConfiguration", COMPROMISED,
                "AccountTakeoverRiskConfiguration", TAKEOVER,
                "RiskExceptionConfiguration", EXCEPTIONS));

        assertThat(reply.json()).isEqualTo(Map.of("RiskConfiguration", expected));
        assertThat(describe(Map.of()).json()).isEqualTo(Map.of("RiskConfiguration", expected));
    }

    @Test
    void aClientWithoutItsOwnInheritsThePools() {
        set(Map.of("RiskExceptionConfiguration", EXCEPTIONS)).requireSuccess();

        assertThat(describe(Map.of("ClientId", this.clientId)).map("RiskConfiguration"))
                .isEqualTo(Map.of(
                        "UserPoolId",
                        this.poolId,
                        "RiskExceptionConfiguration",
                        EXCEPTIONS,
                        "LastModifiedDate",
                        1.594889658976E9));
    }

    @Test
    void aClientsOwnConfigurationOverridesThePoolsUntilReset() {
        set(Map.of("RiskExceptionConfiguration", EXCEPTIONS)).requireSuccess();

        Reply reply = set(Map.of("ClientId", this.clientId, "CompromisedCredentialsRiskConfiguration", COMPROMISED));

        Map<String, Object> client = Map.of(
                "UserPoolId",
                this.poolId,
                "ClientId",
                this.clientId,
                "CompromisedCredentialsRiskConfiguration",
                COMPROMISED,
                "LastModifiedDate",
                1.594889658976E9);
        assertThat(reply.map("RiskConfiguration")).isEqualTo(client);
        assertThat(describe(Map.of("ClientId", this.clientId)).map("RiskConfiguration"))
                .isEqualTo(client);
        assertThat(describe(Map.of()).map("RiskConfiguration")).containsEntry("RiskExceptionConfiguration", EXCEPTIONS);

        Reply reset = set(Map.of("ClientId", this.clientId));

        Map<String, Object> pool = Map.of(
                "UserPoolId",
                this.poolId,
                "RiskExceptionConfiguration",
                EXCEPTIONS,
                "LastModifiedDate",
                1.594889658976E9);
        assertThat(reset.map("RiskConfiguration")).isEqualTo(pool);
        assertThat(describe(Map.of("ClientId", this.clientId)).map("RiskConfiguration"))
                .isEqualTo(pool);
    }

    @Test
    void settingThePoolWithNothingResetsItToDefaults() {
        set(Map.of("RiskExceptionConfiguration", EXCEPTIONS)).requireSuccess();

        Reply reply = set(Map.of());

        assertThat(reply.map("RiskConfiguration"))
                .isEqualTo(Map.of("UserPoolId", this.poolId, "LastModifiedDate", 1.594889658976E9));
    }

    @Test
    void theClientMustExistInThePool() {
        String otherPool = this.fixture.createPool();
        String otherClient = this.fixture
                .call("CreateUserPoolClient", Map.of("UserPoolId", otherPool, "ClientName", "other"))
                .string("UserPoolClient", "ClientId");

        for (String clientId : List.of("nosuchclient0000000000000a", otherClient)) {
            assertThat(set(Map.of("ClientId", clientId, "RiskExceptionConfiguration", EXCEPTIONS))
                            .error())
                    .isEqualTo("400 ResourceNotFoundException: User pool client " + clientId + " does not exist.");
            assertThat(describe(Map.of("ClientId", clientId)).error())
                    .isEqualTo("400 ResourceNotFoundException: User pool client " + clientId + " does not exist.");
        }
    }

    @Test
    void unknownPoolsAreNotFound() {
        assertThat(describe(Map.of("UserPoolId", "us-east-1_missing00")).error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_missing00 does not exist.");
        assertThat(this.fixture
                        .call("SetRiskConfiguration", Map.of("UserPoolId", "us-east-1_missing00"))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_missing00 does not exist.");
    }

    @Test
    void theRecordRoundTripsThroughAJdbcStore() {
        try (JdbcStore store = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            store.pools().create(EmulatorStoreContract.pool("us-east-1_risk00001"));
            RiskConfigurationActions.RiskConfiguration value = new RiskConfigurationActions.RiskConfiguration(
                    "client", COMPROMISED, TAKEOVER, EXCEPTIONS, Instant.parse("2024-01-02T03:04:05.678Z"));

            assertThat(store.resources()
                            .create(
                                    RiskConfigurationActions.RISK_CONFIGURATION,
                                    "us-east-1_risk00001",
                                    "us-east-1_risk00001/client",
                                    value))
                    .isTrue();

            assertThat(store.resources()
                            .find(RiskConfigurationActions.RISK_CONFIGURATION, "us-east-1_risk00001/client")
                            .orElseThrow()
                            .value())
                    .isEqualTo(value);
        }
    }
}
