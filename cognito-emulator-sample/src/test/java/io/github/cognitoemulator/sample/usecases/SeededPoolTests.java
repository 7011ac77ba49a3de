package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** The pool the sample declares in {@code application-dev.yml}, there from startup under its configured ids. */
class SeededPoolTests extends CognitoUseCase {

    private static final String POOL_ID = "us-east-1_Sample123";

    private static final String CLIENT_ID = "sample0web0client0000000a1";

    @Test
    void thePoolIsThereUnderItsConfiguredId() {
        UserPoolType pool = cognito()
                .describeUserPool((request) -> request.userPoolId(POOL_ID))
                .userPool();

        assertThat(pool.id()).isEqualTo(POOL_ID);
        assertThat(pool.name()).isEqualTo("sample");
        assertThat(pool.arn()).isEqualTo("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + POOL_ID);
        assertThat(pool.estimatedNumberOfUsers()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theClientIsThereUnderItsConfiguredId() {
        UserPoolClientType client = cognito()
                .describeUserPoolClient((request) -> request.userPoolId(POOL_ID).clientId(CLIENT_ID))
                .userPoolClient();

        assertThat(client.clientName()).isEqualTo("web");
        assertThat(client.clientSecret()).isNull();
        assertThat(client.explicitAuthFlows())
                .containsExactly(
                        ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);
    }

    @Test
    void theUsersAreConfirmedWithTheirAttributesAndGroups() {
        Map<String, UserType> users = listUsers();

        assertThat(users).containsKeys("alice", "bob");
        assertThat(users.get("alice").userStatus()).isEqualTo(UserStatusType.CONFIRMED);
        assertThat(users.get("alice").attributes())
                .anySatisfy((attribute) ->
                        assertThat(attribute.name() + "=" + attribute.value()).isEqualTo("email=alice@example.com"))
                .anySatisfy((attribute) ->
                        assertThat(attribute.name() + "=" + attribute.value()).isEqualTo("email_verified=true"));
        assertThat(users.get("bob").userStatus()).isEqualTo(UserStatusType.CONFIRMED);
        assertThat(groupsOf("alice")).containsExactly("admin", "staff");
        assertThat(groupsOf("bob")).containsExactly("staff");
        GroupType admin = cognito()
                .getGroup((request) -> request.userPoolId(POOL_ID).groupName("admin"))
                .group();
        assertThat(admin.precedence()).isEqualTo(1);
    }

    @Test
    void aliceSignsInWithHerPasswordAndHerTokensNameHerGroups() throws Exception {
        InitiateAuthResponse response = cognito()
                .initiateAuth((request) -> request.clientId(CLIENT_ID)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", "alice", "PASSWORD", "Alice-Passw0rd!")));

        String accessToken = response.authenticationResult().accessToken();
        assertThat(accessToken).isNotBlank();
        String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(JSON.readTree(payload).get("cognito:groups").toString()).isEqualTo("[\"admin\",\"staff\"]");
        assertThat(JSON.readTree(payload).get("client_id").asText()).isEqualTo(CLIENT_ID);
    }

    @Test
    void aWrongPasswordIsRefused() {
        NotAuthorizedException error = cognitoError(
                NotAuthorizedException.class,
                () -> cognito()
                        .initiateAuth((request) -> request.clientId(CLIENT_ID)
                                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                                .authParameters(Map.of("USERNAME", "bob", "PASSWORD", "Not-Bobs-Passw0rd!"))));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Incorrect username or password.");
    }

    private Map<String, UserType> listUsers() {
        Map<String, UserType> users = new HashMap<>();
        cognito()
                .listUsersPaginator((request) -> request.userPoolId(POOL_ID))
                .users()
                .forEach((user) -> users.put(user.username(), user));
        return users;
    }

    private List<String> groupsOf(String username) {
        return cognito()
                .adminListGroupsForUser((request) -> request.userPoolId(POOL_ID).username(username))
                .groups()
                .stream()
                .map(GroupType::groupName)
                .toList();
    }
}
