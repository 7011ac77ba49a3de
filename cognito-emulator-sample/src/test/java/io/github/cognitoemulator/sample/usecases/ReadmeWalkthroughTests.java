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

/**
 * The README's walkthrough, step by step, through the AWS SDK: the seeded users at the sample's protected API, then a
 * pool of one's own; and the API's refusals of every token that is not an access token of its own pool and client.
 */
class ReadmeWalkthroughTests extends SignInUseCase {

    private static final String SAMPLE_POOL = "us-east-1_Sample123";

    private static final String SAMPLE_CLIENT = "sample0web0client0000000a1";

    @Test
    void aliceOfTheSeededPoolReachesTheApiAndTheAdminApi() {
        AuthenticationResultType alice = signIn(SAMPLE_CLIENT, "alice", "Alice-Passw0rd!");

        HttpResponse<String> me = me(alice.accessToken());
        HttpResponse<String> admin = api("/api/admin", alice.accessToken());

        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = json(me.body());
        assertThat(body.get("sub").asString()).matches(UUID_PATTERN);
        assertThat(body.get("username").asString()).isEqualTo("alice");
        assertThat(body.get("tokenUse").asString()).isEqualTo("access");
        assertThat(body.get("issuer").asString()).isEqualTo(issuer(SAMPLE_POOL));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(json(admin.body()).get("groups").toString()).isEqualTo("[\"admin\",\"staff\"]");
    }

    @Test
    void bobOfTheSeededPoolReachesTheApiButNotTheAdminApi() {
        AuthenticationResultType bob = signIn(SAMPLE_CLIENT, "bob", "Bob-Passw0rd!");

        assertThat(me(bob.accessToken()).statusCode()).isEqualTo(200);
        assertThat(api("/api/admin", bob.accessToken()).statusCode()).isEqualTo(403);
    }

    @Test
    void walkthroughSignsAliceInToAPoolOfHerOwn() {
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
        assertThat(claims(tokens.accessToken()).get("iss").asString()).isEqualTo(issuer(poolId));

        // The sample's API trusts its own pool only, as it would in production.
        assertThat(me(tokens.accessToken()).statusCode()).isEqualTo(401);
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
    void apiRefusesTheIdToken() {
        AuthenticationResultType alice = signIn(SAMPLE_CLIENT, "alice", "Alice-Passw0rd!");

        HttpResponse<String> me = me(alice.idToken());

        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying((challenge) ->
                        assertThat(challenge).contains("invalid_token").contains("Not an access token"));
    }

    @Test
    void apiRefusesTheAccessTokenOfAnotherAppClientOfItsPool() {
        String otherClient = createPasswordClient(SAMPLE_POOL);
        AuthenticationResultType alice = signIn(otherClient, "alice", "Alice-Passw0rd!");

        HttpResponse<String> me = me(alice.accessToken());

        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying((challenge) -> assertThat(challenge).contains("app client"));
    }

    @Test
    void apiRefusesARequestWithoutAToken() {
        assertThat(me(null).statusCode()).isEqualTo(401);
    }

    @Test
    void apiRefusesATamperedToken() {
        AuthenticationResultType alice = signIn(SAMPLE_CLIENT, "alice", "Alice-Passw0rd!");
        assertThat(me(alice.accessToken()).statusCode()).isEqualTo(200);

        assertThat(me(tampered(alice.accessToken())).statusCode()).isEqualTo(401);
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
