package io.github.cognitoemulator.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.pool.MfaSettings;
import io.github.cognitoemulator.core.pool.PasswordPolicy;
import io.github.cognitoemulator.core.pool.UserPool;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaTriggersTest {

    private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:function:";

    private final PostConfirmationTrigger welcome = (event) -> {};

    private final PostConfirmationTrigger other = (event) -> {};

    static UserPool pool(Map<String, Object> lambdaConfig) {
        return new UserPool(
                "eu-west-1_AbCdEfGhI",
                "pool",
                "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEfGhI",
                Instant.EPOCH,
                Instant.EPOCH,
                PasswordPolicy.DEFAULT,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                "OFF",
                "INACTIVE",
                MfaSettings.NONE,
                Map.of("LambdaConfig", lambdaConfig));
    }

    @Test
    void aPoolRunsTheHandlerBoundToTheFunctionNameOfItsArn() {
        LambdaTriggers triggers =
                LambdaTriggers.builder().function("welcome", this.welcome).build();

        assertThat(triggers.find(
                        pool(Map.of("PostConfirmation", ARN + "welcome")),
                        TriggerType.POST_CONFIRMATION,
                        PostConfirmationTrigger.class))
                .containsSame(this.welcome);
    }

    @Test
    void aHandlerBoundToTheWholeArnWinsOverOneBoundToItsName() {
        LambdaTriggers triggers = LambdaTriggers.builder()
                .function("welcome", this.other)
                .function(ARN + "welcome", this.welcome)
                .build();

        assertThat(triggers.find(
                        pool(Map.of("PostConfirmation", ARN + "welcome")),
                        TriggerType.POST_CONFIRMATION,
                        PostConfirmationTrigger.class))
                .containsSame(this.welcome);
    }

    @Test
    void aPoolNamingNoFunctionRunsTheHandlerForAllPools() {
        LambdaTriggers triggers = LambdaTriggers.builder()
                .function("welcome", this.other)
                .forAllPools((PreSignUpTrigger) (event) -> PreSignUpTrigger.Response.proceed())
                .forAllPools(this.welcome)
                .build();

        assertThat(triggers.find(pool(Map.of()), TriggerType.POST_CONFIRMATION, PostConfirmationTrigger.class))
                .containsSame(this.welcome);
        assertThat(triggers.find(pool(Map.of()), TriggerType.PRE_AUTHENTICATION, PreAuthenticationTrigger.class))
                .isEmpty();
    }

    @Test
    void aFunctionWithoutHandlerCannotBeInvoked() {
        LambdaTriggers triggers =
                LambdaTriggers.builder().forAllPools(this.welcome).build();

        assertThatThrownBy(() -> triggers.find(
                        pool(Map.of("PostConfirmation", ARN + "missing")),
                        TriggerType.POST_CONFIRMATION,
                        PostConfirmationTrigger.class))
                .isInstanceOfSatisfying(CognitoException.class, (ex) -> {
                    assertThat(ex.type()).isEqualTo(ErrorType.UNEXPECTED_LAMBDA);
                    assertThat(ex.getMessage())
                            .isEqualTo("PostConfirmation invocation failed due to error ResourceNotFoundException.");
                });
    }

    @Test
    void aHandlerOfAnotherTriggerCannotBeInvoked() {
        LambdaTriggers triggers =
                LambdaTriggers.builder().function("welcome", this.welcome).build();

        assertThatThrownBy(() -> triggers.find(
                        pool(Map.of("PreSignUp", ARN + "welcome")), TriggerType.PRE_SIGN_UP, PreSignUpTrigger.class))
                .hasMessage("PreSignUp invocation failed due to error ResourceNotFoundException.");
    }

    @Test
    void anArnThatIsNoLambdaArnMatchesOnlyAHandlerBoundToIt() {
        LambdaTriggers triggers = LambdaTriggers.builder()
                .function("welcome", this.other)
                .function("welcome-arn", this.welcome)
                .build();

        assertThat(triggers.find(
                        pool(Map.of("PostConfirmation", "welcome-arn")),
                        TriggerType.POST_CONFIRMATION,
                        PostConfirmationTrigger.class))
                .containsSame(this.welcome);
        assertThatThrownBy(() -> triggers.find(
                        pool(Map.of("PostConfirmation", "arn:aws:sns:eu-west-1:1:function:welcome")),
                        TriggerType.POST_CONFIRMATION,
                        PostConfirmationTrigger.class))
                .isInstanceOf(CognitoException.class);
    }

    @Test
    void aFunctionNameIsBoundOnce() {
        LambdaTriggers.Builder builder = LambdaTriggers.builder().function("welcome", this.welcome);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.function("welcome", this.other))
                .withMessage("A handler is already bound to 'welcome'");
    }

    @Test
    void noneBindsNothing() {
        assertThat(LambdaTriggers.none().find(pool(Map.of()), TriggerType.PRE_SIGN_UP, PreSignUpTrigger.class))
                .isEmpty();
    }

    @Test
    void whatAHandlerThrowsFailsTheTriggerWithItsMessage() {
        assertThatThrownBy(() -> LambdaTriggers.invoke(TriggerType.PRE_SIGN_UP, () -> {
                    throw new IllegalStateException("Invalid email domain");
                }))
                .isInstanceOfSatisfying(CognitoException.class, (ex) -> {
                    assertThat(ex.type()).isEqualTo(ErrorType.USER_LAMBDA_VALIDATION);
                    assertThat(ex.getMessage()).isEqualTo("PreSignUp failed with error Invalid email domain.");
                });
        assertThatThrownBy(() -> LambdaTriggers.invoke(TriggerType.POST_CONFIRMATION, (Runnable) () -> {
                    throw new IllegalStateException("Down");
                }))
                .hasMessage("PostConfirmation failed with error Down.");
    }

    @Test
    void noResponseIsUnrecognizable() {
        assertThatThrownBy(() -> LambdaTriggers.invoke(TriggerType.PRE_SIGN_UP, () -> null))
                .isInstanceOfSatisfying(CognitoException.class, (ex) -> {
                    assertThat(ex.type()).isEqualTo(ErrorType.INVALID_LAMBDA_RESPONSE);
                    assertThat(ex.getMessage()).isEqualTo("Unrecognizable lambda output");
                });
        assertThat(LambdaTriggers.invoke(TriggerType.PRE_SIGN_UP, () -> "ok")).isEqualTo("ok");
    }

    @Test
    void lambdaConfigReadsEveryTriggerAndThePreTokenGenerationVersion() {
        Map<String, Object> config = new java.util.LinkedHashMap<>();
        Map<TriggerType, String> expected = new EnumMap<>(TriggerType.class);
        for (TriggerType type : TriggerType.values()) {
            config.put(type.configName(), ARN + type.name());
            expected.put(type, ARN + type.name());
        }
        config.put("PreTokenGenerationConfig", Map.of("LambdaVersion", "V2_0", "LambdaArn", ARN + "v2"));
        expected.put(TriggerType.PRE_TOKEN_GENERATION, ARN + "v2");
        config.put("KMSKeyID", "arn:aws:kms:eu-west-1:123456789012:key/1");

        LambdaConfig lambdaConfig = LambdaConfig.of(pool(config));

        assertThat(lambdaConfig.functionArns()).isEqualTo(expected);
        assertThat(lambdaConfig.preTokenGenerationVersion()).isEqualTo("V2_0");
    }

    @Test
    void lambdaConfigDefaultsToNoTriggersAndVersionOne() {
        LambdaConfig lambdaConfig = LambdaConfig.of(pool(Map.of("PreTokenGenerationConfig", Map.of())));

        assertThat(lambdaConfig.functionArns()).isEmpty();
        assertThat(lambdaConfig.preTokenGenerationVersion()).isEqualTo("V1_0");
        assertThat(lambdaConfig.functionArn(TriggerType.PRE_SIGN_UP)).isEmpty();
    }

    @Test
    void theFunctionNameIsTheSeventhPartOfALambdaArn() {
        assertThat(LambdaConfig.functionName(ARN + "welcome")).isEqualTo("welcome");
        assertThat(LambdaConfig.functionName(ARN + "welcome:live")).isEqualTo("welcome");
        assertThat(LambdaConfig.functionName("arn:aws:lambda:eu-west-1:123456789012:function"))
                .isNull();
        assertThat(LambdaConfig.functionName("arn:aws:lambda:eu-west-1:123456789012:layer:welcome"))
                .isNull();
        assertThat(LambdaConfig.functionName("arn:aws:sqs:eu-west-1:123456789012:function:welcome"))
                .isNull();
        assertThat(LambdaConfig.functionName("welcome")).isNull();
    }

    @Test
    void descriptionsCountTheRoundsAndHideThePassword() {
        List<ChallengeResult> session = List.of(new ChallengeResult("CUSTOM_CHALLENGE", false, null));

        assertThat(new DefineAuthChallengeTrigger.Request(Map.of("sub", "1"), session, Map.of("a", "b"), true))
                .hasToString(
                        "Request[userAttributes={sub=1}, session=1 rounds, clientMetadata={a=b}, userNotFound=true]");
        assertThat(new CreateAuthChallengeTrigger.Request(Map.of(), "CUSTOM_CHALLENGE", session, Map.of(), false))
                .hasToString("Request[userAttributes={}, challengeName=CUSTOM_CHALLENGE, session=1 rounds,"
                        + " clientMetadata={}, userNotFound=false]");
        assertThat(new UserMigrationTrigger.Request("Secret1!", Map.of("v", "1"), Map.of()).toString())
                .doesNotContain("Secret1!")
                .endsWith(", validationData={v=1}, clientMetadata={}]");
    }

    @Test
    void responsesHaveNamedDefaults() {
        assertThat(PreSignUpTrigger.Response.proceed()).isEqualTo(new PreSignUpTrigger.Response(false, false, false));
        assertThat(DefineAuthChallengeTrigger.Response.customChallenge())
                .isEqualTo(new DefineAuthChallengeTrigger.Response("CUSTOM_CHALLENGE", false, false));
        assertThat(DefineAuthChallengeTrigger.Response.issueTokensNow())
                .isEqualTo(new DefineAuthChallengeTrigger.Response(null, true, false));
        assertThat(DefineAuthChallengeTrigger.Response.fail())
                .isEqualTo(new DefineAuthChallengeTrigger.Response(null, false, true));
        assertThat(PreTokenGenerationTrigger.Response.unchanged().claimsOverrideDetails())
                .isNull();
        assertThat(PreTokenGenerationV2Trigger.Response.unchanged().claimsAndScopeOverrideDetails())
                .isNull();
        assertThat(TriggerType.VERIFY_AUTH_CHALLENGE_RESPONSE.configName()).isEqualTo("VerifyAuthChallengeResponse");
    }
}
