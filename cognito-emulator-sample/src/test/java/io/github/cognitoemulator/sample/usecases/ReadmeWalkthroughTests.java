package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import tools.jackson.databind.JsonNode;

/** The README's walkthrough, step by step, through the AWS SDK, ending at the sample's protected API. */
class ReadmeWalkthroughTests extends SignInUseCase {

    @Test
    void walkthroughSignsAliceInAndTheApiKnowsHer() {
        String poolId = cognito()
                .createUserPool((request) -> request.poolName(unique("MyApp")))
                .userPool()
                .id();
        String clientId = cognito()
                .createUserPoolClient((request) -> request.userPoolId(poolId)
                        .clientName("web")
                        .explicitAuthFlows(
                                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient()
                .clientId();
        assertThat(poolId).matches("us-east-1_[0-9A-Za-z]{9}");
        assertThat(clientId).matches("[a-z0-9]{26}");

        cognito()
                .adminCreateUser((request) -> request.userPoolId(poolId)
                        .username("alice@example.com")
                        .temporaryPassword("Temp1234!")
                        .messageAction(MessageActionType.SUPPRESS));
        cognito()
                .adminSetUserPassword((request) -> request.userPoolId(poolId)
                        .username("alice@example.com")
                        .password("Perm1234!")
                        .permanent(true));
        UserType listed = cognito()
                .listUsers((request) -> request.userPoolId(poolId).filter("cognito:user_status = \"CONFIRMED\""))
                .users()
                .get(0);
        assertThat(listed.username()).isEqualTo("alice@example.com");
        assertThat(listed.userStatus()).isEqualTo(UserStatusType.CONFIRMED);

        AuthenticationResultType tokens = cognito()
                .initiateAuth((request) -> request.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .clientId(clientId)
                        .authParameters(Map.of("USERNAME", "alice@example.com", "PASSWORD", "Perm1234!")))
                .authenticationResult();
        GetUserResponse user = cognito().getUser((request) -> request.accessToken(tokens.accessToken()));
        assertThat(user.username()).isEqualTo("alice@example.com");
        String sub = attributes(user.userAttributes()).get("sub");

        HttpResponse<String> me = me(tokens.accessToken());

        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = json(me.body());
        assertThat(body.get("sub").asString()).isEqualTo(sub);
        assertThat(body.get("username").asString()).isEqualTo("alice@example.com");
        assertThat(body.get("tokenUse").asString()).isEqualTo("access");
        assertThat(body.get("issuer").asString()).isEqualTo(issuer(poolId));
    }

    @Test
    void wrongPasswordInTheWalkthroughIsIncorrect() {
        String poolId = createPool();
        String clientId = createPasswordClient(poolId);
        createConfirmedUser(poolId, "alice@example.com", "Perm1234!");

        NotAuthorizedException error = cognitoError(
                NotAuthorizedException.class, () -> initiatePasswordAuth(clientId, "alice@example.com", "wrong"));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Incorrect username or password.");
    }

    @Test
    void apiAcceptsTheIdTokenToo() {
        String poolId = createPool();
        AuthenticationResultType tokens = aliceSignedIn(poolId);

        HttpResponse<String> me = me(tokens.idToken());

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me.body()).get("username").asString()).isEqualTo("alice");
        assertThat(json(me.body()).get("tokenUse").asString()).isEqualTo("id");
    }

    @Test
    void apiRefusesARequestWithoutAToken() {
        assertThat(me(null).statusCode()).isEqualTo(401);
    }

    @Test
    void apiRefusesATamperedToken() {
        String poolId = createPool();
        AuthenticationResultType tokens = aliceSignedIn(poolId);
        assertThat(me(tokens.accessToken()).statusCode()).isEqualTo(200);

        assertThat(me(tampered(tokens.accessToken())).statusCode()).isEqualTo(401);
    }

    @Test
    void apiRefusesATokenThatIsNotAJwt() {
        assertThat(me("not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void apiRefusesATokenNamingAPoolThatDoesNotExist() {
        String poolId = createPool();
        String token = aliceSignedIn(poolId).accessToken();
        cognito().deleteUserPool((request) -> request.userPoolId(poolId));

        assertThat(me(token).statusCode()).isEqualTo(401);
    }
}
