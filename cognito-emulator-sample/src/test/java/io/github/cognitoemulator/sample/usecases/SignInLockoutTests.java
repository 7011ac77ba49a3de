package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.testkit.CognitoTestKit;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * Cognito's lockout after wrong passwords, seen through the SDK: five wrong passwords lock the user out for a second,
 * each further one doubles the lockout, and meanwhile even the right password gets {@code Password attempts exceeded}
 * (developer guide, "Amazon Cognito lockout behavior for failed sign-in attempts"). And an SRP_A that is not a value
 * of the group is an invalid parameter, never a server error.
 */
class SignInLockoutTests extends SignInUseCase {

    private static final String WRONG = "Wr0ng!Password";

    @Autowired
    CognitoTestKit kit;

    private String signInError(String clientId, String password) {
        return cognitoError(NotAuthorizedException.class, () -> initiatePasswordAuth(clientId, "alice", password))
                .awsErrorDetails()
                .errorMessage();
    }

    @Test
    void wrongPasswordsLockTheUserOutWithGrowingLockouts() {
        String poolId = createPool();
        String clientId = createPasswordClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);

        for (int i = 1; i <= 5; i++) {
            assertThat(signInError(clientId, WRONG)).as("failure %d", i).isEqualTo("Incorrect username or password.");
        }
        // The clock is shared by every test of the application: set it back before anything else runs.
        try {
            // Each lockout waited out, the next wrong password doubles it: 1, 2, 4 and 8 seconds, then 16.
            for (long seconds = 1; seconds <= 8; seconds *= 2) {
                this.kit.advanceClock(Duration.ofSeconds(seconds));
                assertThat(signInError(clientId, WRONG)).isEqualTo("Incorrect username or password.");
            }

            assertThat(signInError(clientId, STRONG_PASSWORD)).isEqualTo("Password attempts exceeded");
            assertThat(signInError(clientId, WRONG)).isEqualTo("Password attempts exceeded");
            this.kit.advanceClock(Duration.ofSeconds(16));
            assertThat(signIn(clientId, "alice", STRONG_PASSWORD).accessToken()).isNotBlank();
        } finally {
            this.kit.clock().reset();
        }
    }

    @Test
    void anSrpAThatIsNoValueOfTheGroupIsAnInvalidParameter() {
        String poolId = createPool();
        String clientId = cognito()
                .createUserPoolClient((request) -> request.userPoolId(poolId).clientName(unique("web")))
                .userPoolClient()
                .clientId();
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);

        // Cognito answers a tampered SRP_A with InvalidParameterException (amazon-cognito-identity-js issue #356);
        // its message is not published, so this one is the emulator's choice.
        for (String srpA : new String[] {"-1", "0", "f".repeat(771), "not-hex"}) {
            InvalidParameterException refused = cognitoError(
                    InvalidParameterException.class,
                    () -> cognito()
                            .initiateAuth((request) -> request.authFlow(AuthFlowType.USER_SRP_AUTH)
                                    .clientId(clientId)
                                    .authParameters(Map.of("USERNAME", "alice", "SRP_A", srpA))));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("Invalid SRP_A value.");
        }
    }
}
