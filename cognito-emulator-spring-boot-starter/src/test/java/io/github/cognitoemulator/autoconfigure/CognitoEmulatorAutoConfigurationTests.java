package io.github.cognitoemulator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.github.cognitoemulator.autoconfigure.web.CognitoEmulatorInboxFilter;
import io.github.cognitoemulator.autoconfigure.web.CognitoEmulatorServletAutoConfiguration;
import io.github.cognitoemulator.autoconfigure.web.CognitoJsonProtocolFilter;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;

class CognitoEmulatorAutoConfigurationTests {

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    CognitoEmulatorAutoConfiguration.class, CognitoEmulatorServletAutoConfiguration.class));

    @Test
    void staysOffWhenNoProfileIsActive() {
        this.contextRunner.run((context) -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(CognitoEmulator.class)
                .doesNotHaveBean(FilterRegistrationBean.class)
                .doesNotHaveBean(CognitoEmulatorProperties.class));
    }

    @Test
    void runsWhileTheDevProfileIsActive() {
        this.contextRunner.withPropertyValues("spring.profiles.active=dev").run((context) -> {
            assertThat(context.getEnvironment().getActiveProfiles()).containsExactly("dev");
            assertThat(context).hasSingleBean(CognitoEmulator.class).hasBean("cognitoJsonProtocolFilterRegistration");
        });
    }

    @Test
    void staysOffWhileAnotherProfileIsActive() {
        this.contextRunner
                .withPropertyValues("spring.profiles.active=prod")
                .run((context) -> assertThat(context).doesNotHaveBean(CognitoEmulator.class));
    }

    @Test
    void runsWhenEnabledWithoutAnyProfile() {
        this.contextRunner
                .withPropertyValues("cognito.emulator.enabled=true")
                .run((context) -> assertThat(context).hasSingleBean(CognitoEmulator.class));
    }

    @Test
    void staysOffWhenDisabledEvenWhileTheDevProfileIsActive() {
        this.contextRunner
                .withPropertyValues("spring.profiles.active=dev", "cognito.emulator.enabled=false")
                .run((context) -> assertThat(context)
                        .doesNotHaveBean(CognitoEmulator.class)
                        .doesNotHaveBean(FilterRegistrationBean.class));
    }

    @Test
    void runsWhileOneOfTheConfiguredProfilesIsActive() {
        this.contextRunner
                .withPropertyValues("spring.profiles.active=local", "cognito.emulator.profiles=local,test")
                .run((context) -> assertThat(context).hasSingleBean(CognitoEmulator.class));
    }

    @Test
    void ignoresTheDevProfileOnceOtherProfilesAreConfigured() {
        this.contextRunner
                .withPropertyValues("spring.profiles.active=dev", "cognito.emulator.profiles=local")
                .run((context) -> assertThat(context).doesNotHaveBean(CognitoEmulator.class));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnEmulator() {
        this.contextRunner
                .withPropertyValues("spring.profiles.active=dev")
                .withUserConfiguration(OwnEmulatorConfiguration.class)
                .run((context) -> {
                    assertThat(context).hasSingleBean(CognitoEmulator.class);
                    assertThat(context.getBean(CognitoEmulator.class).region()).isEqualTo("ap-south-1");
                    assertThat(context).hasBean("cognitoJsonProtocolFilterRegistration");
                });
    }

    @Test
    void failsToStartWhenThePathDoesNotStartWithASlash() {
        this.contextRunner
                .withPropertyValues("cognito.emulator.enabled=true", "cognito.emulator.path=cognito")
                .run((context) -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    assertThat(failure).hasStackTraceContaining(BindException.class.getName());
                    assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessage("'path' must start with '/' but was 'cognito'");
                });
    }

    @Test
    void staysOffOutsideAWebApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CognitoEmulatorAutoConfiguration.class))
                .withPropertyValues("spring.profiles.active=dev", "cognito.emulator.enabled=true")
                .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CognitoEmulator.class));
    }

    @Test
    void servesTheConfiguredRegionAndAccount() {
        this.contextRunner
                .withPropertyValues(
                        "cognito.emulator.enabled=true",
                        "cognito.emulator.region=eu-central-1",
                        "cognito.emulator.account-id=123456789012")
                .run((context) -> {
                    ProtocolResponse response =
                            context.getBean(CognitoEmulator.class).handle("CreateUserPool", "{\"PoolName\":\"p\"}");
                    String id = JsonPath.read(response.bodyAsString(), "$.UserPool.Id");
                    String arn = JsonPath.read(response.bodyAsString(), "$.UserPool.Arn");
                    assertThat(id).startsWith("eu-central-1_");
                    assertThat(arn).isEqualTo("arn:aws:cognito-idp:eu-central-1:123456789012:userpool/" + id);
                });
    }

    @Test
    void givesPasskeysOfPoolsWithoutADomainTheConfiguredRelyingParty() {
        this.contextRunner
                .withPropertyValues(
                        "cognito.emulator.enabled=true", "cognito.emulator.passkey-relying-party-id=localhost")
                .run((context) -> {
                    CognitoEmulator emulator = context.getBean(CognitoEmulator.class);
                    String pool = JsonPath.read(
                            emulator.handle(
                                            "CreateUserPool",
                                            "{\"PoolName\":\"p\",\"Policies\":{\"SignInPolicy\":"
                                                    + "{\"AllowedFirstAuthFactors\":[\"PASSWORD\",\"WEB_AUTHN\"]}}}")
                                    .bodyAsString(),
                            "$.UserPool.Id");
                    String client = JsonPath.read(
                            emulator.handle(
                                            "CreateUserPoolClient",
                                            "{\"UserPoolId\":\"" + pool + "\",\"ClientName\":\"c\","
                                                    + "\"ExplicitAuthFlows\":[\"ALLOW_ADMIN_USER_PASSWORD_AUTH\",\"ALLOW_REFRESH_TOKEN_AUTH\"]}")
                                    .bodyAsString(),
                            "$.UserPoolClient.ClientId");
                    emulator.handle(
                            "AdminCreateUser",
                            "{\"UserPoolId\":\"" + pool + "\",\"Username\":\"alice\",\"MessageAction\":\"SUPPRESS\"}");
                    emulator.handle(
                            "AdminSetUserPassword",
                            "{\"UserPoolId\":\"" + pool + "\",\"Username\":\"alice\","
                                    + "\"Password\":\"Passw0rd!x\",\"Permanent\":true}");
                    String accessToken = JsonPath.read(
                            emulator.handle(
                                            "AdminInitiateAuth",
                                            "{\"UserPoolId\":\"" + pool + "\",\"ClientId\":\"" + client + "\","
                                                    + "\"AuthFlow\":\"ADMIN_USER_PASSWORD_AUTH\",\"AuthParameters\":"
                                                    + "{\"USERNAME\":\"alice\",\"PASSWORD\":\"Passw0rd!x\"}}")
                                    .bodyAsString(),
                            "$.AuthenticationResult.AccessToken");
                    ProtocolResponse options =
                            emulator.handle("StartWebAuthnRegistration", "{\"AccessToken\":\"" + accessToken + "\"}");
                    String relyingParty = JsonPath.read(options.bodyAsString(), "$.CredentialCreationOptions.rp.id");
                    assertThat(relyingParty).isEqualTo("localhost");
                });
    }

    @Test
    void raisesTheAccountMaximumsOfProvisionedLimits() {
        String raise = "{\"LimitDefinition\":{\"LimitClass\":\"API_CATEGORY\","
                + "\"Attributes\":{\"Category\":\"%s\"}},\"RequestedLimitValue\":%d}";
        this.contextRunner
                .withPropertyValues(
                        "cognito.emulator.enabled=true",
                        "cognito.emulator.provisioned-limit-maximums.UserAuthentication=500")
                .run((context) -> {
                    CognitoEmulator emulator = context.getBean(CognitoEmulator.class);
                    ProtocolResponse raised =
                            emulator.handle("UpdateProvisionedLimit", raise.formatted("UserAuthentication", 500));
                    Number provisioned = JsonPath.read(raised.bodyAsString(), "$.Limit.ProvisionedLimitValue");
                    assertThat(provisioned.intValue()).isEqualTo(500);
                    ProtocolResponse refused =
                            emulator.handle("UpdateProvisionedLimit", raise.formatted("UserCreation", 51));
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.bodyAsString()).contains("ServiceQuotaExceededException");
                });
    }

    @Test
    void refusesAMaximumOfACategoryWithoutProvisionedLimit() {
        this.contextRunner
                .withPropertyValues(
                        "cognito.emulator.enabled=true", "cognito.emulator.provisioned-limit-maximums.UserList=100")
                .run((context) -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessage("'UserList' is not an API category with a provisioned limit"));
    }

    @Test
    void usesTheApplicationClock() {
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        this.contextRunner
                .withPropertyValues("cognito.emulator.enabled=true")
                .withBean(Clock.class, () -> Clock.fixed(now, ZoneOffset.UTC))
                .run((context) -> {
                    ProtocolResponse response =
                            context.getBean(CognitoEmulator.class).handle("CreateUserPool", "{\"PoolName\":\"p\"}");
                    Number created = JsonPath.read(response.bodyAsString(), "$.UserPool.CreationDate");
                    assertThat(created.doubleValue()).isEqualTo(now.getEpochSecond());
                });
    }

    @Test
    void registersTheFilterAheadOfSpringSecurity() {
        this.contextRunner.withPropertyValues("cognito.emulator.enabled=true").run((context) -> {
            FilterRegistrationBean<?> registration =
                    context.getBean("cognitoJsonProtocolFilterRegistration", FilterRegistrationBean.class);
            assertThat(registration.getFilter()).isInstanceOf(CognitoJsonProtocolFilter.class);
            // Spring Security's filter chain is registered at -100 by default.
            assertThat(registration.getOrder()).isLessThan(-100);
            assertThat(context.getBean("cognitoEmulatorDocumentsFilterRegistration", FilterRegistrationBean.class)
                            .getOrder())
                    .isLessThan(-100);
        });
    }

    @Test
    void namesEachFilterAndOrdersTheApiAheadOfSecurityAndTheInboxBehindIt() {
        this.contextRunner.withPropertyValues("cognito.emulator.enabled=true").run((context) -> {
            Map<String, Integer> orders = new TreeMap<>();
            for (FilterRegistrationBean<?> registration :
                    context.getBeansOfType(FilterRegistrationBean.class).values()) {
                orders.put(registration.getFilterName(), registration.getOrder());
            }
            int ahead = Ordered.HIGHEST_PRECEDENCE + 10;
            assertThat(orders)
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "cognitoJsonProtocolFilter", ahead,
                            "cognitoEmulatorDocumentsFilter", ahead,
                            "cognitoEmulatorImportUploadFilter", ahead,
                            "cognitoEmulatorManagedLoginFilter", ahead,
                            "cognitoEmulatorInboxFilter", Ordered.LOWEST_PRECEDENCE - 100));
        });
    }

    @Test
    void registersTheInboxBehindSpringSecurity() {
        this.contextRunner.withPropertyValues("cognito.emulator.enabled=true").run((context) -> {
            FilterRegistrationBean<?> registration =
                    context.getBean("cognitoEmulatorInboxFilterRegistration", FilterRegistrationBean.class);
            assertThat(registration.getFilter()).isInstanceOf(CognitoEmulatorInboxFilter.class);
            assertThat(registration.getOrder()).isGreaterThan(-100);
        });
    }

    @Test
    void issuesTokensFromLocalhostAtTheServerPortUnderTheDocumentsPath() {
        this.contextRunner
                .withPropertyValues(
                        "cognito.emulator.enabled=true",
                        "server.port=4566",
                        "server.servlet.context-path=/app",
                        "cognito.emulator.documents-path=/cognito")
                .run((context) -> assertThat(
                                context.getBean(CognitoEmulatorIssuer.class).baseUrl())
                        .isEqualTo("http://localhost:4566/app/cognito"));
    }

    @Test
    void issuesTokensFromTheConfiguredBase() {
        this.contextRunner
                .withPropertyValues(
                        "cognito.emulator.enabled=true",
                        "cognito.emulator.issuer-base-url=https://cognito-idp.us-east-1.amazonaws.com")
                .run((context) -> assertThat(
                                context.getBean(CognitoEmulatorIssuer.class).baseUrl())
                        .isEqualTo("https://cognito-idp.us-east-1.amazonaws.com"));
    }

    @Test
    void keepsStateInMemoryByDefault() {
        this.contextRunner
                .withPropertyValues("cognito.emulator.enabled=true")
                .run((context) ->
                        assertThat(context).getBean(EmulatorStore.class).isInstanceOf(InMemoryStore.class));
    }

    @Test
    void keepsStateInTheDatabaseOfTheStorageUrl(@TempDir Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("cognito");
        String[] properties = {
            "cognito.emulator.enabled=true",
            "cognito.emulator.storage.url=" + url,
            "cognito.emulator.storage.username=sa"
        };
        String[] poolId = new String[1];
        this.contextRunner.withPropertyValues(properties).run((context) -> {
            assertThat(context).getBean(EmulatorStore.class).isInstanceOf(JdbcStore.class);
            ProtocolResponse response =
                    context.getBean(CognitoEmulator.class).handle("CreateUserPool", "{\"PoolName\":\"p\"}");
            poolId[0] = JsonPath.read(response.bodyAsString(), "$.UserPool.Id");
        });
        // The first context closed its store, releasing the file, and the next one finds the pool there.
        this.contextRunner.withPropertyValues(properties).run((context) -> {
            ProtocolResponse response = context.getBean(CognitoEmulator.class)
                    .handle("DescribeUserPool", "{\"UserPoolId\":\"" + poolId[0] + "\"}");
            assertThat(response.status()).isEqualTo(200);
        });
    }

    @Test
    void neverUsesTheApplicationDataSource() {
        this.contextRunner
                .withPropertyValues("cognito.emulator.enabled=true")
                .withBean(DataSource.class, () -> {
                    JdbcDataSource dataSource = new JdbcDataSource();
                    dataSource.setURL("jdbc:h2:mem:application;DB_CLOSE_DELAY=-1");
                    return dataSource;
                })
                .run((context) ->
                        assertThat(context).getBean(EmulatorStore.class).isInstanceOf(InMemoryStore.class));
    }

    @Test
    void failsToStartNamingTheUrlWhenTheDatabaseCannotBeRead(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("broken.mv.db"), "not a database");
        String url = "jdbc:h2:file:" + directory.resolve("broken");
        this.contextRunner
                .withPropertyValues(
                        "cognito.emulator.enabled=true",
                        "cognito.emulator.storage.url=" + url,
                        "cognito.emulator.storage.password=s3cret")
                .run((context) -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining(url);
                    assertThat(context.getStartupFailure())
                            .satisfies((failure) -> assertThat(failure.toString() + String.valueOf(failure.getCause()))
                                    .doesNotContain("s3cret"));
                });
        assertThat(Files.readString(directory.resolve("broken.mv.db"))).isEqualTo("not a database");
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEmulatorConfiguration {

        @Bean
        CognitoEmulator ownEmulator() {
            return CognitoEmulator.builder().region("ap-south-1").build();
        }
    }
}
