package io.github.cognitoemulator.core.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.store.EmulatorStoreContract;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import io.github.cognitoemulator.core.support.PageTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PoolReplicaActionsTest {

    private final EmulatorFixture fixture = EmulatorFixture.create();

    private final String poolId = this.fixture.createPool();

    private Reply create(String region) {
        return this.fixture.call("CreateUserPoolReplica", Map.of("UserPoolId", this.poolId, "RegionName", region));
    }

    private Reply list() {
        return this.fixture.call("ListUserPoolReplicas", Map.of("UserPoolId", this.poolId));
    }

    private Map<String, Object> replica(String region, String status, String role) {
        return Map.of(
                "RegionName", region,
                "Status", status,
                "Role", role,
                "UserPoolArn", "arn:aws:cognito-idp:" + region + ":000000000000:userpool/" + this.poolId);
    }

    @Test
    void aPoolWithoutReplicasListsItselfAsThePrimary() {
        assertThat(list().json())
                .isEqualTo(Map.of("UserPoolReplicas", List.of(replica("us-east-1", "ACTIVE", "PRIMARY"))));
    }

    @Test
    void aNewReplicaIsAnsweredAsCreatingAndListedAsActive() {
        Reply reply = this.fixture.call(
                "CreateUserPoolReplica",
                Map.of("UserPoolId", this.poolId, "RegionName", "eu-west-1", "UserPoolTags", Map.of("a", "b")));

        assertThat(reply.json()).isEqualTo(Map.of("UserPoolReplica", replica("eu-west-1", "CREATING", "SECONDARY")));
        create("ap-south-1").requireSuccess();
        assertThat(list().json())
                .isEqualTo(Map.of(
                        "UserPoolReplicas",
                        List.of(
                                replica("us-east-1", "ACTIVE", "PRIMARY"),
                                replica("ap-south-1", "ACTIVE", "SECONDARY"),
                                replica("eu-west-1", "ACTIVE", "SECONDARY"))));
    }

    @Test
    void noReplicaInThePrimaryRegionNorTwiceInOneRegion() {
        assertThat(create("us-east-1").error())
                .isEqualTo("400 InvalidParameterException: A replica cannot be created in the primary region us-east-1"
                        + " of user pool " + this.poolId + ".");
        create("eu-west-1").requireSuccess();
        assertThat(create("eu-west-1").error())
                .isEqualTo("400 InvalidParameterException: User pool " + this.poolId
                        + " already has a replica in region eu-west-1.");
    }

    @Test
    void aPoolHasAtMostFiveSecondaryReplicas() {
        for (String region : List.of("eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "ap-south-1")) {
            create(region).requireSuccess();
        }

        assertThat(create("ca-central-1").error())
                .isEqualTo("400 LimitExceededException: User pool " + this.poolId + " cannot have more than 5"
                        + " replicas.");
        assertThat(list().list("UserPoolReplicas")).hasSize(6);
    }

    @Test
    void updateSetsTheStatusOfASecondary() {
        create("eu-west-1").requireSuccess();

        Reply reply = this.fixture.call(
                "UpdateUserPoolReplica",
                Map.of("UserPoolId", this.poolId, "RegionName", "eu-west-1", "Status", "INACTIVE"));

        assertThat(reply.json()).isEqualTo(Map.of("UserPoolReplica", replica("eu-west-1", "INACTIVE", "SECONDARY")));
        assertThat(list().list("UserPoolReplicas").get(1)).isEqualTo(replica("eu-west-1", "INACTIVE", "SECONDARY"));
    }

    @Test
    void deleteAnswersDeletingAndRemovesTheReplica() {
        create("eu-west-1").requireSuccess();

        Reply reply = this.fixture.call(
                "DeleteUserPoolReplica", Map.of("UserPoolId", this.poolId, "RegionName", "eu-west-1"));

        assertThat(reply.json()).isEqualTo(Map.of("UserPoolReplica", replica("eu-west-1", "DELETING", "SECONDARY")));
        assertThat(list().list("UserPoolReplicas")).hasSize(1);
        create("eu-west-1").requireSuccess();
    }

    @Test
    void thePrimaryCannotBeUpdatedOrDeletedAndUnknownReplicasAreNotFound() {
        String primary = "400 InvalidParameterException: The primary replica of user pool " + this.poolId
                + " in region us-east-1 cannot be changed or deleted.";
        assertThat(this.fixture
                        .call(
                                "UpdateUserPoolReplica",
                                Map.of("UserPoolId", this.poolId, "RegionName", "us-east-1", "Status", "ACTIVE"))
                        .error())
                .isEqualTo(primary);
        assertThat(this.fixture
                        .call("DeleteUserPoolReplica", Map.of("UserPoolId", this.poolId, "RegionName", "us-east-1"))
                        .error())
                .isEqualTo(primary);
        assertThat(this.fixture
                        .call("DeleteUserPoolReplica", Map.of("UserPoolId", this.poolId, "RegionName", "eu-west-1"))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool " + this.poolId
                        + " has no replica in region eu-west-1.");
    }

    @Test
    void unknownPoolsAreNotFound() {
        for (String action : List.of("CreateUserPoolReplica", "DeleteUserPoolReplica", "ListUserPoolReplicas")) {
            assertThat(this.fixture
                            .call(action, Map.of("UserPoolId", "us-east-1_missing00", "RegionName", "eu-west-1"))
                            .error())
                    .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_missing00 does not exist.");
        }
        assertThat(this.fixture
                        .call(
                                "UpdateUserPoolReplica",
                                Map.of(
                                        "UserPoolId",
                                        "us-east-1_missing00",
                                        "RegionName",
                                        "eu-west-1",
                                        "Status",
                                        "ACTIVE"))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_missing00 does not exist.");
    }

    @Test
    void theModelsConstraintsAreCheckedHere() {
        assertThat(this.fixture
                        .call("CreateUserPoolReplica", Map.of("UserPoolId", this.poolId, "RegionName", "eu"))
                        .error())
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value 'eu' at 'regionName'"
                        + " failed to satisfy constraint: Member must have length greater than or equal to 5");
        assertThat(this.fixture
                        .call(
                                "UpdateUserPoolReplica",
                                Map.of("UserPoolId", this.poolId, "RegionName", "eu-west-1", "Status", "DELETING"))
                        .error())
                .startsWith("400 InvalidParameterException: 1 validation error detected: Value 'DELETING' at 'status'");
        assertThat(this.fixture
                        .call("UpdateUserPoolReplica", Map.of("UserPoolId", this.poolId, "RegionName", "eu-west-1"))
                        .error())
                .isEqualTo("400 InvalidParameterException: 1 validation error detected: Value null at 'status' failed"
                        + " to satisfy constraint: Member must not be null");
    }

    @Test
    void aTokenPastTheEndGivesAnEmptyPage() {
        Reply reply = this.fixture.call(
                "ListUserPoolReplicas", Map.of("UserPoolId", this.poolId, "NextToken", PageTokens.tokenFor("9999")));

        assertThat(reply.json()).isEqualTo(Map.of("UserPoolReplicas", List.of()));
    }

    @Test
    void theRecordRoundTripsThroughAJdbcStore() {
        try (JdbcStore store = JdbcStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            store.pools().create(EmulatorStoreContract.pool("us-east-1_replica01"));
            PoolReplicaActions.PoolReplica value =
                    new PoolReplicaActions.PoolReplica("eu-west-1", "INACTIVE", Map.of("team", "auth"));

            assertThat(store.resources()
                            .create(
                                    PoolReplicaActions.REPLICA,
                                    "us-east-1_replica01",
                                    "us-east-1_replica01/eu-west-1",
                                    value))
                    .isTrue();

            assertThat(store.resources()
                            .find(PoolReplicaActions.REPLICA, "us-east-1_replica01/eu-west-1")
                            .orElseThrow()
                            .value())
                    .isEqualTo(value);
        }
    }
}
