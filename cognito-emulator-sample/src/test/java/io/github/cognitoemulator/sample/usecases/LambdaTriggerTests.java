package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnexpectedLambdaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * Lambda triggers as Spring beans: the sample's trigger beans ({@code io.github.cognitoemulator.sample.triggers}) run
 * in the pools whose {@code LambdaConfig} names their functions.
 */
class LambdaTriggerTests extends SignInUseCase {

    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:";

    private String signUpClient(String poolId) {
        return cognito()
                .createUserPoolClient((request) -> request.userPoolId(poolId).clientName(unique("web")))
                .userPoolClient()
                .clientId();
    }

    private SignUpResponse signUp(String clientId, String username, String email) {
        return cognito()
                .signUp((request) -> request.clientId(clientId)
                        .username(username)
                        .password(STRONG_PASSWORD)
                        .userAttributes(AttributeType.builder()
                                .name("email")
                                .value(email)
                                .build()));
    }

    @Test
    void aPreSignUpBeanConfirmsUsersOfItsDomain() {
        String poolId = createPool((pool) ->
                        pool.lambdaConfig((config) -> config.preSignUp(FUNCTION + "auto-confirm-example-domain")))
                .id();
        String clientId = signUpClient(poolId);

        SignUpResponse trusted = signUp(clientId, "alice", "alice@example.com");
        SignUpResponse other = signUp(clientId, "bob", "bob@elsewhere.example");

        assertThat(trusted.userConfirmed()).isTrue();
        AdminGetUserResponse alice =
                cognito().adminGetUser((request) -> request.userPoolId(poolId).username("alice"));
        assertThat(alice.userStatus()).isEqualTo(UserStatusType.CONFIRMED);
        assertThat(alice.userAttributes())
                .contains(AttributeType.builder()
                        .name("email_verified")
                        .value("true")
                        .build());
        assertThat(other.userConfirmed()).isFalse();
    }

    @Test
    void aThrowingPreSignUpBeanRejectsTheSignUp() {
        String poolId = createPool((pool) ->
                        pool.lambdaConfig((config) -> config.preSignUp(FUNCTION + "auto-confirm-example-domain")))
                .id();
        String clientId = signUpClient(poolId);

        UserLambdaValidationException error = cognitoError(
                UserLambdaValidationException.class, () -> signUp(clientId, "mallory", "mallory@spam.example"));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("PreSignUp failed with error Invalid email domain.");
    }

    @Test
    void aFunctionWithoutBeanCannotBeInvoked() {
        String poolId = createPool((pool) -> pool.lambdaConfig((config) -> config.preSignUp(FUNCTION + "no-such")))
                .id();
        String clientId = signUpClient(poolId);

        UnexpectedLambdaException error =
                cognitoError(UnexpectedLambdaException.class, () -> signUp(clientId, "alice", "alice@example.com"));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("PreSignUp invocation failed due to error ResourceNotFoundException.");
    }

    @Test
    void aPreTokenGenerationBeanAddsAClaim() {
        String poolId = createPool((pool) -> pool.schema(
                                (attribute) -> attribute.name("tenant").attributeDataType(AttributeDataType.STRING))
                        .lambdaConfig((config) -> config.preTokenGeneration(FUNCTION + "tenant-claim")))
                .id();
        String clientId = createPasswordClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);
        cognito()
                .adminUpdateUserAttributes((request) -> request.userPoolId(poolId)
                        .username("alice")
                        .userAttributes(
                                AttributeType.builder()
                                        .name("custom:tenant")
                                        .value("acme")
                                        .build(),
                                AttributeType.builder()
                                        .name("phone_number")
                                        .value("+15555550100")
                                        .build()));

        String idToken = cognito()
                .initiateAuth((request) -> request.clientId(clientId)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", "alice", "PASSWORD", STRONG_PASSWORD)))
                .authenticationResult()
                .idToken();

        assertThat(claims(idToken).get("tenant").asString()).isEqualTo("acme");
        assertThat(claims(idToken).has("phone_number")).isFalse();
        assertThat(claims(idToken).get("custom:tenant").asString()).isEqualTo("acme");
    }

    private String customAuthPool() {
        String arn = FUNCTION + "arithmetic-challenge";
        return createPool((pool) -> pool.lambdaConfig((config) ->
                        config.defineAuthChallenge(arn).createAuthChallenge(arn).verifyAuthChallengeResponse(arn)))
                .id();
    }

    private String customAuthClient(String poolId) {
        return cognito()
                .createUserPoolClient((request) -> request.userPoolId(poolId)
                        .clientName(unique("web"))
                        .explicitAuthFlows(
                                ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH,
                                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient()
                .clientId();
    }

    private RespondToAuthChallengeResponse answer(String clientId, String session, String answer) {
        return cognito()
                .respondToAuthChallenge((request) -> request.clientId(clientId)
                        .challengeName(ChallengeNameType.CUSTOM_CHALLENGE)
                        .session(session)
                        .challengeResponses(Map.of("USERNAME", "alice", "ANSWER", answer)));
    }

    @Test
    void customAuthAsksTheQuestionOfTheChallengeBeanUntilTheAnswerIsRight() {
        String poolId = customAuthPool();
        String clientId = customAuthClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);

        InitiateAuthResponse challenge = cognito()
                .initiateAuth((request) -> request.clientId(clientId)
                        .authFlow(AuthFlowType.CUSTOM_AUTH)
                        .authParameters(Map.of("USERNAME", "alice")));

        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.CUSTOM_CHALLENGE);
        assertThat(challenge.challengeParameters())
                .containsEntry("question", "What is 6 x 7?")
                .containsEntry("triesLeft", "3")
                .containsEntry("USERNAME", "alice");

        RespondToAuthChallengeResponse retry = answer(clientId, challenge.session(), "41");

        assertThat(retry.challengeName()).isEqualTo(ChallengeNameType.CUSTOM_CHALLENGE);
        assertThat(retry.challengeParameters()).containsEntry("triesLeft", "2");
        assertThat(retry.authenticationResult()).isNull();

        RespondToAuthChallengeResponse done = answer(clientId, retry.session(), " 42 ");

        assertThat(done.challengeName()).isNull();
        assertThat(claims(done.authenticationResult().accessToken())
                        .get("username")
                        .asString())
                .isEqualTo("alice");
        assertThat(done.authenticationResult().refreshToken()).isNotBlank();
    }

    @Test
    void customAuthFailsAfterThreeWrongAnswers() {
        String poolId = customAuthPool();
        String clientId = customAuthClient(poolId);
        createConfirmedUser(poolId, "alice", STRONG_PASSWORD);
        String session = cognito()
                .initiateAuth((request) -> request.clientId(clientId)
                        .authFlow(AuthFlowType.CUSTOM_AUTH)
                        .authParameters(Map.of("USERNAME", "alice")))
                .session();
        session = answer(clientId, session, "1").session();
        String last = answer(clientId, session, "2").session();

        NotAuthorizedException error = cognitoError(NotAuthorizedException.class, () -> answer(clientId, last, "3"));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Incorrect username or password.");
    }

    @Test
    void customAuthNeedsADefineAuthChallengeTrigger() {
        String poolId = createPool();
        String clientId = customAuthClient(poolId);

        InvalidParameterException error = cognitoError(
                InvalidParameterException.class,
                () -> cognito()
                        .initiateAuth((request) -> request.clientId(clientId)
                                .authFlow(AuthFlowType.CUSTOM_AUTH)
                                .authParameters(Map.of("USERNAME", "alice"))));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("Custom auth lambda trigger is not configured for the user pool.");
    }
}
