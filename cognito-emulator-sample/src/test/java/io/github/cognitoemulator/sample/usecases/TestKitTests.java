package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.testkit.CognitoTestKit;
import io.github.cognitoemulator.core.testkit.CognitoTestKit.CreatedUser;
import io.github.cognitoemulator.core.testkit.CognitoTestKit.Tokens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The test kit the starter registers: users and tokens set up without SDK round trips, then used with the SDK as
 * an application's own tokens would be.
 */
class TestKitTests extends SignInUseCase {

    private static final String PASSWORD = "Carol-Passw0rd!";

    @Autowired
    CognitoTestKit kit;

    private String poolWithAdminGroup() {
        String poolId = createPool();
        cognito().createGroup((request) -> request.userPoolId(poolId).groupName("admin"));
        return poolId;
    }

    @Test
    void aUserAndTokensFromTheKitWorkWithTheSdk() {
        String poolId = poolWithAdminGroup();
        String clientId = createPasswordClient(poolId);

        CreatedUser carol = this.kit
                .pool(poolId)
                .user("carol")
                .password(PASSWORD)
                .attribute("email", "carol@example.com")
                .groups("admin")
                .create();
        Tokens tokens = this.kit.pool(poolId).tokensFor("carol");

        GetUserResponse user = cognito().getUser((request) -> request.accessToken(tokens.accessToken()));
        assertThat(user.username()).isEqualTo("carol");
        assertThat(attributes(user.userAttributes()))
                .containsEntry("sub", carol.sub())
                .containsEntry("email", "carol@example.com");
        assertThat(cognito()
                        .adminGetUser((request) -> request.userPoolId(poolId).username("carol"))
                        .userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
        assertThat(claims(tokens.accessToken()).get("iss").asString()).isEqualTo(issuer(poolId));
        assertThat(claims(tokens.accessToken()).get("client_id").asString()).isEqualTo(clientId);
        assertThat(claims(tokens.idToken()).get("cognito:groups").get(0).asString())
                .isEqualTo("admin");
        assertThat(JwtDecoders.fromIssuerLocation(issuer(poolId))
                        .decode(tokens.idToken())
                        .getSubject())
                .isEqualTo(carol.sub());
        String refreshed = cognito()
                .initiateAuth((request) -> request.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .clientId(clientId)
                        .authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken())))
                .authenticationResult()
                .accessToken();
        assertThat(claims(refreshed).get("sub").asString()).isEqualTo(carol.sub());
        // The password is the user's own: a real sign-in works too.
        assertThat(signIn(clientId, "carol", PASSWORD).accessToken()).isNotEmpty();
    }

    @Test
    void anAccessTokenOfTheKitExpiresWithTheEmulatorsClock() {
        String poolId = createPool();
        createPasswordClient(poolId);
        this.kit.pool(poolId).user("carol").password(PASSWORD).create();
        Tokens tokens = this.kit.pool(poolId).tokensFor("carol");

        // The clock is shared by every test of the application: set it back before anything else runs.
        this.kit.advanceClock(Duration.ofHours(1));
        try {
            NotAuthorizedException expired = cognitoError(
                    NotAuthorizedException.class,
                    () -> cognito().getUser((request) -> request.accessToken(tokens.accessToken())));
            assertThat(expired.awsErrorDetails().errorMessage()).isEqualTo("Access Token has expired");
        } finally {
            this.kit.clock().reset();
        }
        assertThat(cognito()
                        .getUser((request) -> request.accessToken(tokens.accessToken()))
                        .username())
                .isEqualTo("carol");
    }

    @Test
    void theKitReadsTheCodeTheEmulatorSent() {
        String poolId = createPool((request) -> request.autoVerifiedAttributes(VerifiedAttributeType.EMAIL))
                .id();
        String clientId = createPasswordClient(poolId);
        cognito()
                .signUp((request) -> request.clientId(clientId)
                        .username("dave")
                        .password(PASSWORD)
                        .userAttributes(attribute("email", "dave@example.com")));

        String code = this.kit.latestCode(poolId, "dave");
        cognito()
                .confirmSignUp(
                        (request) -> request.clientId(clientId).username("dave").confirmationCode(code));

        assertThat(this.kit.latestMessage(poolId, "dave").orElseThrow().type()).isEqualTo("SignUp");
        assertThat(this.kit.pool(poolId).tokensFor("dave").accessToken()).isNotEmpty();
    }

    @Test
    void aMissingGroupIsCognitosErrorAndCreatesNoUser() {
        String poolId = poolWithAdminGroup();

        assertThatThrownBy(() -> this.kit
                        .pool(poolId)
                        .user("erin")
                        .password(PASSWORD)
                        .groups("admin", "auditors")
                        .create())
                .isInstanceOf(CognitoException.class)
                .hasMessage("Group not found.");
        assertThat(cognito().listUsers((request) -> request.userPoolId(poolId)).users())
                .isEmpty();
    }
}
