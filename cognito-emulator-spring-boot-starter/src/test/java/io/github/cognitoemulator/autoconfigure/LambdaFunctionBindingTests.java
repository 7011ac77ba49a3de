package io.github.cognitoemulator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import io.github.cognitoemulator.core.trigger.PreSignUpTrigger;
import io.github.cognitoemulator.core.trigger.TriggerEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class LambdaFunctionBindingTests {

    private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:";

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CognitoEmulatorAutoConfiguration.class))
            .withPropertyValues("cognito.emulator.enabled=true");

    @Test
    void aBeanMethodAnnotatedWithTheFunctionNameRunsInPoolsNamingIt() {
        this.contextRunner.withUserConfiguration(AnnotatedBeanMethod.class).run((context) -> {
            CognitoEmulator emulator = context.getBean(CognitoEmulator.class);

            assertThat(signUp(emulator, "PreSignUp", ARN + "auto-confirm")).isEqualTo(true);
            assertThat(signUp(emulator, "PreSignUp", ARN + "other"))
                    .isEqualTo("PreSignUp invocation failed due to error ResourceNotFoundException.");
            assertThat(signUp(emulator, null, null)).isEqualTo(false);
        });
    }

    @Test
    void anAnnotatedClassRunsInPoolsNamingItsFunction() {
        this.contextRunner.withBean(AutoConfirm.class).run((context) -> {
            CognitoEmulator emulator = context.getBean(CognitoEmulator.class);

            assertThat(signUp(emulator, "PreSignUp", ARN + "confirm-all")).isEqualTo(true);
            assertThat(signUp(emulator, null, null)).isEqualTo(false);
        });
    }

    @Test
    void aBeanWithoutTheAnnotationRunsInEveryPoolThatNamesNoFunction() {
        this.contextRunner.withUserConfiguration(UnannotatedBean.class).run((context) -> {
            CognitoEmulator emulator = context.getBean(CognitoEmulator.class);

            assertThat(signUp(emulator, null, null)).isEqualTo(true);
            assertThat(signUp(emulator, "PreSignUp", ARN + "named"))
                    .isEqualTo("PreSignUp invocation failed due to error ResourceNotFoundException.");
        });
    }

    @Test
    void twoBeansForOneFunctionFailTheStartup() {
        this.contextRunner
                .withUserConfiguration(AnnotatedBeanMethod.class, DuplicateFunction.class)
                .run((context) -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessage("A handler is already bound to 'auto-confirm'"));
    }

    /** Creates a pool with the trigger, signs a user up, and returns UserConfirmed or the error message. */
    private static Object signUp(CognitoEmulator emulator, String trigger, String arn) {
        String config = (trigger != null) ? ",\"LambdaConfig\":{\"" + trigger + "\":\"" + arn + "\"}" : "";
        String poolId = JsonPath.read(
                emulator.handle("CreateUserPool", "{\"PoolName\":\"p\"" + config + "}")
                        .bodyAsString(),
                "$.UserPool.Id");
        String clientId = JsonPath.read(
                emulator.handle("CreateUserPoolClient", "{\"UserPoolId\":\"" + poolId + "\",\"ClientName\":\"c\"}")
                        .bodyAsString(),
                "$.UserPoolClient.ClientId");
        ProtocolResponse response = emulator.handle(
                "SignUp",
                "{\"ClientId\":\"" + clientId + "\",\"Username\":\"alice\",\"Password\":\"Str0ng!Passw0rd\"}");
        return (response.status() == 200)
                ? JsonPath.read(response.bodyAsString(), "$.UserConfirmed")
                : JsonPath.read(response.bodyAsString(), "$.message");
    }

    private static PreSignUpTrigger.Response confirm(TriggerEvent<PreSignUpTrigger.Request> event) {
        return new PreSignUpTrigger.Response(true, false, false);
    }

    @Configuration(proxyBeanMethods = false)
    static class AnnotatedBeanMethod {

        @Bean
        @LambdaFunction("auto-confirm")
        PreSignUpTrigger autoConfirm() {
            return LambdaFunctionBindingTests::confirm;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class DuplicateFunction {

        @Bean
        @LambdaFunction("auto-confirm")
        PreSignUpTrigger anotherAutoConfirm() {
            return LambdaFunctionBindingTests::confirm;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UnannotatedBean {

        @Bean
        PreSignUpTrigger confirmEverywhere() {
            return LambdaFunctionBindingTests::confirm;
        }
    }

    @LambdaFunction("confirm-all")
    static class AutoConfirm implements PreSignUpTrigger {

        @Override
        public Response preSignUp(TriggerEvent<Request> event) {
            return confirm(event);
        }
    }
}
