package io.github.cognitoemulator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.testkit.CognitoTestKit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class CognitoTestKitAutoConfigurationTests {

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CognitoEmulatorAutoConfiguration.class))
            .withPropertyValues("cognito.emulator.enabled=true");

    private static String createPoolWithCarol(CognitoEmulator emulator, CognitoTestKit kit) {
        String poolId = JsonPath.read(
                emulator.handle("CreateUserPool", "{\"PoolName\":\"app\"}").bodyAsString(), "$.UserPool.Id");
        emulator.handle("CreateUserPoolClient", "{\"UserPoolId\":\"" + poolId + "\",\"ClientName\":\"web\"}");
        kit.pool(poolId).user("carol").password("Carol-Passw0rd!").create();
        return poolId;
    }

    private static String issuerOf(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.read(payload, "$.iss");
    }

    @Test
    void theKitWorksOnTheEmulatorAndNamesTheApplicationsIssuer() {
        this.contextRunner.withPropertyValues("server.port=18231").run((context) -> {
            CognitoTestKit kit = context.getBean(CognitoTestKit.class);
            CognitoEmulator emulator = context.getBean(CognitoEmulator.class);
            assertThat(kit.emulator()).isSameAs(emulator);

            String poolId = createPoolWithCarol(emulator, kit);
            String accessToken = kit.pool(poolId).tokensFor("carol").accessToken();

            assertThat(issuerOf(accessToken)).isEqualTo("http://localhost:18231/" + poolId);
            assertThat(issuerOf(accessToken))
                    .isEqualTo(context.getBean(CognitoEmulatorIssuer.class).issuer(poolId));
            assertThat(emulator.handle("GetUser", "{\"AccessToken\":\"" + accessToken + "\"}")
                            .status())
                    .isEqualTo(200);

            kit.advanceClock(Duration.ofHours(1));
            assertThat(emulator.handle("GetUser", "{\"AccessToken\":\"" + accessToken + "\"}")
                            .bodyAsString())
                    .contains("Access Token has expired");

            kit.reset();
            assertThat(emulator.store().pools().list()).isEmpty();
            assertThat(emulator.clock().offset()).isZero();
        });
    }

    @Test
    void staysOffWithTheEmulator() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CognitoEmulatorAutoConfiguration.class))
                .run((context) -> assertThat(context).doesNotHaveBean(CognitoTestKit.class));
    }

    @Test
    void backsOffForTheApplicationsOwnKit() {
        this.contextRunner
                .withUserConfiguration(OwnKit.class)
                .run((context) ->
                        assertThat(context).hasSingleBean(CognitoTestKit.class).hasBean("ownKit"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnKit {

        @Bean
        CognitoTestKit ownKit(CognitoEmulator emulator) {
            return CognitoTestKit.of(emulator, () -> "https://auth.example.com");
        }
    }
}
