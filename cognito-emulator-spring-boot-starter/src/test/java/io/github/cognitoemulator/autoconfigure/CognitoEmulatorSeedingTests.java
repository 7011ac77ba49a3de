package io.github.cognitoemulator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class CognitoEmulatorSeedingTests {

    private static final String POOL = "cognito.emulator.pools[0].";

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CognitoEmulatorAutoConfiguration.class))
            .withPropertyValues(
                    "spring.profiles.active=dev",
                    POOL + "id=us-east-1_Sample001",
                    POOL + "name=sample",
                    POOL + "password-policy.minimum-length=8",
                    POOL + "password-policy.require-symbols=false",
                    POOL + "alias-attributes=email",
                    POOL + "clients[0].id=5sample0client0id00000000a",
                    POOL + "clients[0].name=web",
                    POOL
                            + "clients[0].explicit-auth-flows=ALLOW_USER_PASSWORD_AUTH,ALLOW_USER_SRP_AUTH,"
                            + "ALLOW_REFRESH_TOKEN_AUTH",
                    POOL + "clients[0].access-token-validity=30m",
                    POOL + "clients[1].id=5sample0client0id00000000b",
                    POOL + "clients[1].name=backend",
                    POOL + "clients[1].secret=backend0secret0long0enough000000",
                    POOL + "clients[1].allowed-o-auth-flows=client_credentials",
                    POOL + "clients[1].allowed-o-auth-scopes=https://api.example.com/read",
                    POOL + "groups[0].name=admin",
                    POOL + "groups[0].precedence=1",
                    POOL + "resource-servers[0].identifier=https://api.example.com",
                    POOL + "resource-servers[0].name=api",
                    POOL + "resource-servers[0].scopes.read=Read things",
                    POOL + "domain=sample-login",
                    POOL + "users[0].username=alice",
                    POOL + "users[0].password=Passw0rdA",
                    POOL + "users[0].attributes.email=alice@example.com",
                    POOL + "users[0].attributes.email_verified=true",
                    POOL + "users[0].groups=admin",
                    POOL + "users[1].username=bob",
                    POOL + "users[1].temporary-password=Temp1234A");

    private static String call(CognitoEmulator emulator, String action, String body) {
        ProtocolResponse response = emulator.handle(action, body);
        String json = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.status()).as(json).isEqualTo(200);
        return json;
    }

    @Test
    void seedsThePoolsOfTheConfiguration() {
        this.contextRunner.run((context) -> {
            assertThat(context).hasNotFailed();
            CognitoEmulator emulator = context.getBean(CognitoEmulator.class);
            String pool = call(emulator, "DescribeUserPool", "{\"UserPoolId\":\"us-east-1_Sample001\"}");
            assertThat((String) JsonPath.read(pool, "$.UserPool.Name")).isEqualTo("sample");
            assertThat((String) JsonPath.read(pool, "$.UserPool.Domain")).isEqualTo("sample-login");
            assertThat((Integer) JsonPath.read(pool, "$.UserPool.Policies.PasswordPolicy.MinimumLength"))
                    .isEqualTo(8);
            String web = call(
                    emulator,
                    "DescribeUserPoolClient",
                    "{\"UserPoolId\":\"us-east-1_Sample001\",\"ClientId\":\"5sample0client0id00000000a\"}");
            assertThat((Integer) JsonPath.read(web, "$.UserPoolClient.AccessTokenValidity"))
                    .isEqualTo(30);
            assertThat((String) JsonPath.read(web, "$.UserPoolClient.TokenValidityUnits.AccessToken"))
                    .isEqualTo("minutes");
            String backend = call(
                    emulator,
                    "DescribeUserPoolClient",
                    "{\"UserPoolId\":\"us-east-1_Sample001\",\"ClientId\":\"5sample0client0id00000000b\"}");
            assertThat((String) JsonPath.read(backend, "$.UserPoolClient.ClientSecret"))
                    .isEqualTo("backend0secret0long0enough000000");
            String groups = call(
                    emulator,
                    "AdminListGroupsForUser",
                    "{\"UserPoolId\":\"us-east-1_Sample001\",\"Username\":\"alice\"}");
            assertThat((List<String>) JsonPath.read(groups, "$.Groups[*].GroupName"))
                    .containsExactly("admin");
            String bob =
                    call(emulator, "AdminGetUser", "{\"UserPoolId\":\"us-east-1_Sample001\",\"Username\":\"bob\"}");
            assertThat((String) JsonPath.read(bob, "$.UserStatus")).isEqualTo("FORCE_CHANGE_PASSWORD");
        });
    }

    @Test
    void aSeededUserSignsIn() {
        this.contextRunner.run((context) -> {
            String tokens = call(
                    context.getBean(CognitoEmulator.class),
                    "InitiateAuth",
                    "{\"ClientId\":\"5sample0client0id00000000a\",\"AuthFlow\":\"USER_PASSWORD_AUTH\","
                            + "\"AuthParameters\":{\"USERNAME\":\"alice@example.com\",\"PASSWORD\":\"Passw0rdA\"}}");
            assertThat((String) JsonPath.read(tokens, "$.AuthenticationResult.IdToken"))
                    .isNotEmpty();
        });
    }

    @Test
    void aRefusedSettingFailsStartupNamingTheProperty() {
        this.contextRunner
                .withPropertyValues(POOL + "users[1].temporary-password=short")
                .run((context) -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    CognitoEmulatorSeedException seed = findSeedFailure(failure);
                    assertThat(seed.getMessage())
                            .isEqualTo("cognito.emulator.pools[0].users[1].temporary-password: Password does not"
                                    + " conform to policy: Password not long enough");
                    assertThat(seed.propertyName()).isEqualTo("cognito.emulator.pools[0].users[1].temporary-password");
                    FailureAnalysis analysis = new CognitoEmulatorSeedFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription())
                            .contains("Property: cognito.emulator.pools[0].users[1].temporary-password")
                            .contains("Reason: Password does not conform to policy: Password not long enough");
                    assertThat(analysis.getAction())
                            .startsWith("Correct 'cognito.emulator.pools[0].users[1].temporary-password'.");
                });
    }

    @Test
    void aClashFailsStartupNamingTheProperty() {
        this.contextRunner
                .withPropertyValues(POOL + "clients[1].id=5sample0client0id00000000a")
                .run((context) -> assertThat(
                                findSeedFailure(context.getStartupFailure()).getMessage())
                        .isEqualTo("cognito.emulator.pools[0].clients[1].id: App client id"
                                + " '5sample0client0id00000000a' is declared twice; first at pools[0].clients[0].id"));
        this.contextRunner
                .withPropertyValues(POOL + "clients[1].allowed-o-auth-flows-user-pool-client=false")
                .run((context) -> assertThat(
                                findSeedFailure(context.getStartupFailure()).propertyName())
                        .isEqualTo("cognito.emulator.pools[0].clients[1]"));
    }

    @Test
    void seedingAgainOverADatabaseKeepsWhatChangedAtRunTime(@org.junit.jupiter.api.io.TempDir Path directory) {
        String url = "cognito.emulator.storage.url=jdbc:h2:file:" + directory.resolve("cognito");
        this.contextRunner
                .withPropertyValues(url)
                .run((context) -> call(
                        context.getBean(CognitoEmulator.class),
                        "AdminDeleteUser",
                        "{\"UserPoolId\":\"us-east-1_Sample001\",\"Username\":\"bob\"}"));
        this.contextRunner
                .withPropertyValues(url, POOL + "users[1].username=carol")
                .run((context) -> {
                    CognitoEmulator emulator = context.getBean(CognitoEmulator.class);
                    String users = call(emulator, "ListUsers", "{\"UserPoolId\":\"us-east-1_Sample001\"}");
                    assertThat((List<String>) JsonPath.read(users, "$.Users[*].Username"))
                            .containsExactlyInAnyOrder("alice", "carol");
                    String pools = call(emulator, "ListUserPools", "{\"MaxResults\":60}");
                    assertThat((List<?>) JsonPath.read(pools, "$.UserPools")).hasSize(1);
                });
        assertThat(Files.exists(directory.resolve("cognito.mv.db"))).isTrue();
    }

    @Test
    void passwordsAndSecretsStayOutOfThePropertiesDescription() {
        this.contextRunner.run((context) -> {
            String description =
                    context.getBean(CognitoEmulatorProperties.class).toString();
            assertThat(description)
                    .contains("alice", "5sample0client0id00000000b")
                    .doesNotContain("Passw0rdA", "Temp1234A", "backend0secret0long0enough000000");
        });
    }

    @Test
    void propertyNamesAreTheKebabCaseOfTheSeedPaths() {
        assertThat(CognitoEmulatorSeedException.propertyName("pools[0].clients[1].allowedOAuthFlowsUserPoolClient"))
                .isEqualTo("cognito.emulator.pools[0].clients[1].allowed-o-auth-flows-user-pool-client");
        assertThat(CognitoEmulatorSeedException.propertyName("pools[2].id")).isEqualTo("cognito.emulator.pools[2].id");
    }

    @Test
    void theConfigurationMetadataDescribesThePools() throws Exception {
        String metadata = new String(
                getClass()
                        .getResourceAsStream("/META-INF/spring-configuration-metadata.json")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        List<Map<String, Object>> pools =
                JsonPath.read(metadata, "$.properties[?(@.name == 'cognito.emulator.pools')]");
        assertThat(pools).hasSize(1);
        assertThat((String) pools.get(0).get("description"))
                .startsWith("User pools to have from startup, under fixed ids");
    }

    @Test
    void theFailureAnalyzerIsRegistered() throws Exception {
        String factories = new String(
                getClass().getResourceAsStream("/META-INF/spring.factories").readAllBytes(), StandardCharsets.UTF_8);
        assertThat(factories)
                .contains("org.springframework.boot.diagnostics.FailureAnalyzer=\\\n"
                        + "io.github.cognitoemulator.autoconfigure.CognitoEmulatorSeedFailureAnalyzer");
    }

    private static CognitoEmulatorSeedException findSeedFailure(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof CognitoEmulatorSeedException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("startup failure caused by a seed").isNotNull();
        return (CognitoEmulatorSeedException) cause;
    }
}
