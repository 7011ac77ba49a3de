package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ReplicaRoleType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ReplicaStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateReplicaStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolReplicaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/** Recording a pool's replicas in other regions. */
class UserPoolReplicaTests extends CognitoUseCase {

    @Test
    void aReplicaIsCreatedListedDeactivatedAndDeleted() {
        UserPoolType pool = createPool((request) -> {});

        UserPoolReplicaType created = cognito()
                .createUserPoolReplica(
                        (request) -> request.userPoolId(pool.id()).regionName("eu-west-1"))
                .userPoolReplica();
        assertThat(created.status()).isEqualTo(ReplicaStatusType.CREATING);
        assertThat(created.role()).isEqualTo(ReplicaRoleType.SECONDARY);
        assertThat(created.userPoolArn()).isEqualTo("arn:aws:cognito-idp:eu-west-1:000000000000:userpool/" + pool.id());

        assertThat(cognito()
                        .listUserPoolReplicas((request) -> request.userPoolId(pool.id()))
                        .userPoolReplicas())
                .extracting(UserPoolReplicaType::regionName, UserPoolReplicaType::role, UserPoolReplicaType::status)
                .containsExactly(
                        tuple("us-east-1", ReplicaRoleType.PRIMARY, ReplicaStatusType.ACTIVE),
                        tuple("eu-west-1", ReplicaRoleType.SECONDARY, ReplicaStatusType.ACTIVE));

        assertThat(cognito()
                        .updateUserPoolReplica((request) -> request.userPoolId(pool.id())
                                .regionName("eu-west-1")
                                .status(UpdateReplicaStatusType.INACTIVE))
                        .userPoolReplica()
                        .status())
                .isEqualTo(ReplicaStatusType.INACTIVE);
        assertThat(cognito()
                        .deleteUserPoolReplica(
                                (request) -> request.userPoolId(pool.id()).regionName("eu-west-1"))
                        .userPoolReplica()
                        .status())
                .isEqualTo(ReplicaStatusType.DELETING);
        assertThat(cognito()
                        .listUserPoolReplicas((request) -> request.userPoolId(pool.id()))
                        .userPoolReplicas())
                .hasSize(1);
    }

    @Test
    void noReplicaInThePrimaryRegion() {
        String poolId = createPool();

        cognitoError(
                InvalidParameterException.class,
                () -> cognito()
                        .createUserPoolReplica(
                                (request) -> request.userPoolId(poolId).regionName("us-east-1")));
    }

    @Test
    void anUnknownReplicaIsNotFound() {
        String poolId = createPool();

        cognitoError(
                ResourceNotFoundException.class,
                () -> cognito()
                        .deleteUserPoolReplica(
                                (request) -> request.userPoolId(poolId).regionName("eu-west-1")));
    }
}
