package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ClientSecretDescriptorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/** Rotating an app client's secret without downtime: add a second one, move over, delete the first. */
class ClientSecretRotationTests extends CognitoUseCase {

    private static String secretHash(String secret, String username, String clientId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSecretIsRotatedWithoutDowntime() throws Exception {
        String poolId = createPool();
        UserPoolClientType client = cognito()
                .createUserPoolClient((request) -> request.userPoolId(poolId)
                        .clientName("backend")
                        .generateSecret(true)
                        .explicitAuthFlows(
                                ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient();
        createUser(poolId, "alice");
        cognito()
                .adminSetUserPassword((request) -> request.userPoolId(poolId)
                        .username("alice")
                        .password("Rotat10n!Passw0rd")
                        .permanent(true));

        ClientSecretDescriptorType second = cognito()
                .addUserPoolClientSecret((request) -> request.userPoolId(poolId).clientId(client.clientId()))
                .clientSecretDescriptor();
        assertThat(second.clientSecretId()).startsWith(client.clientId() + "--");
        assertThat(second.clientSecretValue()).isNotEqualTo(client.clientSecret());
        assertThat(cognito()
                        .listUserPoolClientSecrets(
                                (request) -> request.userPoolId(poolId).clientId(client.clientId()))
                        .clientSecrets())
                .hasSize(2)
                .allSatisfy((secret) -> assertThat(secret.clientSecretValue()).isNull());
        assertThatThrownBy(() -> cognito()
                        .addUserPoolClientSecret(
                                (request) -> request.userPoolId(poolId).clientId(client.clientId())))
                .isInstanceOf(LimitExceededException.class);

        String newHash = secretHash(second.clientSecretValue(), "alice", client.clientId());
        assertThat(cognito()
                        .adminInitiateAuth((request) -> request.userPoolId(poolId)
                                .clientId(client.clientId())
                                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                                .authParameters(Map.of(
                                        "USERNAME", "alice", "PASSWORD", "Rotat10n!Passw0rd", "SECRET_HASH", newHash)))
                        .authenticationResult()
                        .accessToken())
                .isNotEmpty();

        String firstId = cognito()
                .listUserPoolClientSecrets(
                        (request) -> request.userPoolId(poolId).clientId(client.clientId()))
                .clientSecrets()
                .get(0)
                .clientSecretId();
        cognito()
                .deleteUserPoolClientSecret((request) ->
                        request.userPoolId(poolId).clientId(client.clientId()).clientSecretId(firstId));

        String oldHash = secretHash(client.clientSecret(), "alice", client.clientId());
        assertThatThrownBy(() -> cognito()
                        .adminInitiateAuth((request) -> request.userPoolId(poolId)
                                .clientId(client.clientId())
                                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                                .authParameters(Map.of(
                                        "USERNAME", "alice", "PASSWORD", "Rotat10n!Passw0rd", "SECRET_HASH", oldHash))))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> cognito()
                        .deleteUserPoolClientSecret((request) -> request.userPoolId(poolId)
                                .clientId(client.clientId())
                                .clientSecretId(second.clientSecretId())))
                .isInstanceOf(InvalidParameterException.class);
    }
}
