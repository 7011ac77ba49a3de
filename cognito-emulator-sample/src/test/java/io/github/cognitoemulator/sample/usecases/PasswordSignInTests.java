package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import tools.jackson.databind.JsonNode;

/** Signing in with a password through the SDK: the first sign-in's new password, and refreshing the tokens. */
class PasswordSignInTests extends SignInUseCase {

    private static final String TEMPORARY_PASSWORD = "Temp1234!";

    @Test
    void firstSignInWithATemporaryPasswordSetsANewOne() {
        String poolId = createPool();
        String clientId = createPasswordClient(poolId);
        cognito()
                .adminCreateUser((request) -> request.userPoolId(poolId)
                        .username("alice")
                        .temporaryPassword(TEMPORARY_PASSWORD)
                        .messageAction("SUPPRESS")
                        .userAttributes(attribute("email", "alice@example.com")));

        InitiateAuthResponse challenge = initiatePasswordAuth(clientId, "alice", TEMPORARY_PASSWORD);

        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
        assertThat(challenge.session()).isNotBlank();
        assertThat(challenge.authenticationResult()).isNull();
        assertThat(challenge.challengeParameters())
                .containsEntry("USER_ID_FOR_SRP", "alice")
                .containsEntry("requiredAttributes", "[]");
        assertThat(json(challenge.challengeParameters().get("userAttributes"))
                        .get("email")
                        .asString())
                .isEqualTo("alice@example.com");

        RespondToAuthChallengeResponse answer = cognito()
                .respondToAuthChallenge((request) -> request.clientId(clientId)
                        .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                        .session(challenge.session())
                        .challengeResponses(Map.of("USERNAME", "alice", "NEW_PASSWORD", STRONG_PASSWORD)));

        assertThat(answer.challengeName()).isNull();
        assertThat(answer.authenticationResult().accessToken()).isNotBlank();
        assertThat(answer.authenticationResult().refreshToken()).isNotBlank();
        assertThat(cognito()
                        .adminGetUser((request) -> request.userPoolId(poolId).username("alice"))
                        .userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
        assertThat(signIn(clientId, "alice", STRONG_PASSWORD).accessToken()).isNotBlank();
        assertThat(cognito()
                        .getUser((request) -> request.accessToken(
                                answer.authenticationResult().accessToken()))
                        .username())
                .isEqualTo("alice");
    }

    @Test
    void sessionOfTheNewPasswordChallengeWorksOnce() {
        String poolId = createPool();
        String clientId = createPasswordClient(poolId);
        cognito()
                .adminCreateUser((request) -> request.userPoolId(poolId)
                        .username("alice")
                        .temporaryPassword(TEMPORARY_PASSWORD)
                        .messageAction("SUPPRESS"));
        String session =
                initiatePasswordAuth(clientId, "alice", TEMPORARY_PASSWORD).session();
        Runnable answer = () -> cognito()
                .respondToAuthChallenge((request) -> request.clientId(clientId)
                        .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                        .session(session)
                        .challengeResponses(Map.of("USERNAME", "alice", "NEW_PASSWORD", STRONG_PASSWORD)));
        answer.run();

        NotAuthorizedException error = cognitoError(NotAuthorizedException.class, answer::run);

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Invalid session for the user.");
    }

    @Test
    void refreshIssuesNewTokensForTheSameSignIn() {
        String poolId = createPool();
        String clientId = createPasswordClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);
        AuthenticationResultType first = signIn(clientId, "alice", STRONG_PASSWORD);

        AuthenticationResultType refreshed = cognito()
                .initiateAuth((request) -> request.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .clientId(clientId)
                        .authParameters(Map.of("REFRESH_TOKEN", first.refreshToken())))
                .authenticationResult();

        assertThat(refreshed.refreshToken()).isNull();
        assertThat(refreshed.expiresIn()).isEqualTo(3600);
        assertThat(refreshed.tokenType()).isEqualTo("Bearer");
        JsonNode before = claims(first.accessToken());
        JsonNode after = claims(refreshed.accessToken());
        assertThat(after.get("origin_jti").asString())
                .isEqualTo(before.get("origin_jti").asString());
        assertThat(after.get("auth_time").asLong())
                .isEqualTo(before.get("auth_time").asLong());
        assertThat(after.get("jti").asString()).isNotEqualTo(before.get("jti").asString());
        assertThat(claims(refreshed.idToken()).get("auth_time").asLong())
                .isEqualTo(before.get("auth_time").asLong());
        assertThat(cognito()
                        .getUser((request) -> request.accessToken(refreshed.accessToken()))
                        .username())
                .isNotBlank();
    }

    @Test
    void refreshTokenOfOneClientIsInvalidForAnother() {
        String poolId = createPool();
        String clientId = createPasswordClient(poolId);
        String otherClientId = createPasswordClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);
        String refreshToken = signIn(clientId, "alice", STRONG_PASSWORD).refreshToken();

        NotAuthorizedException error = cognitoError(
                NotAuthorizedException.class,
                () -> cognito()
                        .initiateAuth((request) -> request.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                                .clientId(otherClientId)
                                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Invalid Refresh Token.");
    }
}
