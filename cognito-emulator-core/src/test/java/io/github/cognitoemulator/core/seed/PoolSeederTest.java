package io.github.cognitoemulator.core.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.EmulatorFixture;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.domain.DomainActions;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.PausingStore;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import io.github.cognitoemulator.core.token.RsaKeySource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolSeederTest {

    static final String POOL_ID = "us-east-1_Sample001";

    static final String WEB_CLIENT = "5sample0client0id00000000a";

    static final String API_CLIENT = "5sample0client0id00000000b";

    static final String API_SECRET = "api0secret0that0is0long0enough0000000000";

    @TempDir
    Path directory;

    static ClientSeed webClient() {
        return new ClientSeed(
                WEB_CLIENT,
                "web",
                null,
                List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                Duration.ofHours(1),
                Duration.ofMinutes(90),
                Duration.ofDays(7),
                List.of("http://localhost:8080/login/oauth2/code/cognito"),
                List.of("http://localhost:8080/"),
                "http://localhost:8080/login/oauth2/code/cognito",
                List.of("code"),
                List.of("openid", "email"),
                null,
                List.of("COGNITO"),
                "ENABLED",
                true,
                List.of("email", "custom:tier"),
                List.of("email"));
    }

    static ClientSeed apiClient() {
        return new ClientSeed(
                API_CLIENT,
                "api",
                API_SECRET,
                null,
                Duration.ofSeconds(600),
                null,
                null,
                null,
                null,
                null,
                List.of("client_credentials"),
                List.of("https://api.example.com/read"),
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static PoolSeed sample() {
        return new PoolSeed(
                POOL_ID,
                "sample",
                null,
                List.of("email"),
                List.of("email"),
                false,
                new PasswordPolicySeed(8, true, true, true, false, 3, null),
                new MfaSeed("OPTIONAL", true),
                List.of(
                        new CustomAttributeSeed("tier", "String", true, false, 1, 10, null, null),
                        new CustomAttributeSeed("level", "Number", false, true, null, null, 0, 99),
                        new CustomAttributeSeed("nick", null, null, null, null, null, null, null)),
                false,
                true,
                List.of(webClient(), apiClient()),
                List.of(new GroupSeed("admin", "Administrators", 1, null), GroupSeed.named("staff")),
                List.of(new ResourceServerSeed("https://api.example.com", "api", Map.of("read", "Read things"))),
                "sample-login",
                List.of(
                        new UserSeed(
                                "alice",
                                Map.of("email", "alice@example.com", "email_verified", "true", "custom:tier", "gold"),
                                "Passw0rdA",
                                null,
                                null,
                                List.of("admin", "staff")),
                        new UserSeed("bob", Map.of(), null, "Temp1234A", null, null),
                        new UserSeed("carol", Map.of(), "Passw0rdC", null, false, null)));
    }

    static EmulatorFixture seeded(PoolSeed... seeds) {
        return EmulatorFixture.create(CognitoEmulator.builder().seeds(List.of(seeds)));
    }

    static Map<String, Object> pool(String... members) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("UserPoolId", POOL_ID);
        for (int i = 0; i < members.length; i += 2) {
            body.put(members[i], members[i + 1]);
        }
        return body;
    }

    @Test
    void createsThePoolWithItsSettings() {
        EmulatorFixture emulator = seeded(sample());

        Reply pool = emulator.call("DescribeUserPool", pool()).requireSuccess();
        assertThat(pool.string("UserPool", "Id")).isEqualTo(POOL_ID);
        assertThat(pool.string("UserPool", "Name")).isEqualTo("sample");
        assertThat(pool.string("UserPool", "Arn"))
                .isEqualTo("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + POOL_ID);
        assertThat(pool.at("UserPool", "AliasAttributes")).isEqualTo(List.of("email"));
        assertThat(pool.at("UserPool", "AutoVerifiedAttributes")).isEqualTo(List.of("email"));
        assertThat(pool.map("UserPool", "UsernameConfiguration")).isEqualTo(Map.of("CaseSensitive", false));
        assertThat(pool.map("UserPool", "Policies", "PasswordPolicy"))
                .containsEntry("MinimumLength", 8)
                .containsEntry("RequireUppercase", true)
                .containsEntry("RequireSymbols", false)
                .containsEntry("TemporaryPasswordValidityDays", 3);
        assertThat(pool.string("UserPool", "DeletionProtection")).isEqualTo("ACTIVE");
        assertThat(pool.map("UserPool", "AdminCreateUserConfig")).containsEntry("AllowAdminCreateUserOnly", false);
        assertThat(pool.string("UserPool", "Domain")).isEqualTo("sample-login");
        assertThat(pool.list("UserPool", "SchemaAttributes"))
                .anySatisfy((attribute) -> assertThat(attribute)
                        .containsEntry("Name", "custom:tier")
                        .containsEntry("StringAttributeConstraints", Map.of("MinLength", "1", "MaxLength", "10"))
                        .containsEntry("Mutable", true)
                        .containsEntry("DeveloperOnlyAttribute", false));
        assertThat(pool.list("UserPool", "SchemaAttributes"))
                .anySatisfy((attribute) -> assertThat(attribute)
                        .containsEntry("Name", "dev:custom:level")
                        .containsEntry("AttributeDataType", "Number")
                        .containsEntry("Mutable", false)
                        .containsEntry("DeveloperOnlyAttribute", true)
                        .containsEntry("NumberAttributeConstraints", Map.of("MinValue", "0", "MaxValue", "99")));
        assertThat(pool.list("UserPool", "SchemaAttributes"))
                .anySatisfy((attribute) -> assertThat(attribute)
                        .containsEntry("Name", "custom:nick")
                        .containsEntry("AttributeDataType", "String")
                        .containsEntry("Mutable", true));
        Reply mfa = emulator.call("GetUserPoolMfaConfig", pool()).requireSuccess();
        assertThat(mfa.string("MfaConfiguration")).isEqualTo("OPTIONAL");
        assertThat(mfa.map("SoftwareTokenMfaConfiguration")).isEqualTo(Map.of("Enabled", true));
    }

    @Test
    void createsTheClientsUnderTheirIds() {
        EmulatorFixture emulator = seeded(sample());

        Reply web = emulator.call("DescribeUserPoolClient", pool("ClientId", WEB_CLIENT))
                .requireSuccess();
        assertThat(web.string("UserPoolClient", "ClientName")).isEqualTo("web");
        assertThat(web.map("UserPoolClient")).doesNotContainKey("ClientSecret");
        assertThat(web.at("UserPoolClient", "ExplicitAuthFlows"))
                .isEqualTo(List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"));
        assertThat(web.at("UserPoolClient", "AccessTokenValidity")).isEqualTo(1);
        assertThat(web.at("UserPoolClient", "IdTokenValidity")).isEqualTo(90);
        assertThat(web.at("UserPoolClient", "RefreshTokenValidity")).isEqualTo(7);
        assertThat(web.map("UserPoolClient", "TokenValidityUnits"))
                .isEqualTo(Map.of("AccessToken", "hours", "IdToken", "minutes", "RefreshToken", "days"));
        assertThat(web.at("UserPoolClient", "CallbackURLs"))
                .isEqualTo(List.of("http://localhost:8080/login/oauth2/code/cognito"));
        assertThat(web.at("UserPoolClient", "LogoutURLs")).isEqualTo(List.of("http://localhost:8080/"));
        assertThat(web.string("UserPoolClient", "DefaultRedirectURI"))
                .isEqualTo("http://localhost:8080/login/oauth2/code/cognito");
        assertThat(web.at("UserPoolClient", "AllowedOAuthFlows")).isEqualTo(List.of("code"));
        assertThat(web.at("UserPoolClient", "AllowedOAuthScopes")).isEqualTo(List.of("openid", "email"));
        assertThat(web.at("UserPoolClient", "AllowedOAuthFlowsUserPoolClient")).isEqualTo(true);
        assertThat(web.at("UserPoolClient", "SupportedIdentityProviders")).isEqualTo(List.of("COGNITO"));
        assertThat(web.string("UserPoolClient", "PreventUserExistenceErrors")).isEqualTo("ENABLED");
        assertThat(web.at("UserPoolClient", "ReadAttributes")).isEqualTo(List.of("email", "custom:tier"));
        assertThat(web.at("UserPoolClient", "WriteAttributes")).isEqualTo(List.of("email"));

        Reply api = emulator.call("DescribeUserPoolClient", pool("ClientId", API_CLIENT))
                .requireSuccess();
        assertThat(api.string("UserPoolClient", "ClientSecret")).isEqualTo(API_SECRET);
        assertThat(api.at("UserPoolClient", "AccessTokenValidity")).isEqualTo(10);
        assertThat(api.map("UserPoolClient", "TokenValidityUnits")).isEqualTo(Map.of("AccessToken", "minutes"));
        assertThat(api.at("UserPoolClient", "AllowedOAuthScopes")).isEqualTo(List.of("https://api.example.com/read"));
    }

    @Test
    void createsGroupsResourceServersAndUsers() {
        EmulatorFixture emulator = seeded(sample());

        Reply admin = emulator.call("GetGroup", pool("GroupName", "admin")).requireSuccess();
        assertThat(admin.string("Group", "Description")).isEqualTo("Administrators");
        assertThat(admin.at("Group", "Precedence")).isEqualTo(1);
        Reply server = emulator.call("DescribeResourceServer", pool("Identifier", "https://api.example.com"))
                .requireSuccess();
        assertThat(server.string("ResourceServer", "Name")).isEqualTo("api");
        assertThat(server.list("ResourceServer", "Scopes"))
                .containsExactly(Map.of("ScopeName", "read", "ScopeDescription", "Read things"));

        Reply alice = emulator.getUser(POOL_ID, "alice").requireSuccess();
        assertThat(alice.string("UserStatus")).isEqualTo("CONFIRMED");
        assertThat(alice.attributes("UserAttributes"))
                .containsEntry("email", "alice@example.com")
                .containsEntry("email_verified", "true")
                .containsEntry("custom:tier", "gold");
        assertThat(emulator.call("AdminListGroupsForUser", pool("Username", "alice"))
                        .requireSuccess()
                        .list("Groups"))
                .extracting((group) -> group.get("GroupName"))
                .containsExactly("admin", "staff");
        Reply bob = emulator.getUser(POOL_ID, "bob").requireSuccess();
        assertThat(bob.string("UserStatus")).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(bob.at("Enabled")).isEqualTo(true);
        Reply carol = emulator.getUser(POOL_ID, "carol").requireSuccess();
        assertThat(carol.at("Enabled")).isEqualTo(false);
        assertThat(carol.string("UserStatus")).isEqualTo("CONFIRMED");
        assertThat(emulator.emulator().inbox().messages(POOL_ID, "bob")).isEmpty();
    }

    @Test
    void seededUsersSignIn() {
        EmulatorFixture emulator = seeded(sample());

        Reply alice = emulator.call(
                "InitiateAuth",
                Map.of(
                        "ClientId",
                        WEB_CLIENT,
                        "AuthFlow",
                        "USER_PASSWORD_AUTH",
                        "AuthParameters",
                        Map.of("USERNAME", "alice@example.com", "PASSWORD", "Passw0rdA")));
        assertThat(alice.requireSuccess().string("AuthenticationResult", "AccessToken"))
                .isNotEmpty();
        Reply bob = emulator.call(
                "InitiateAuth",
                Map.of(
                        "ClientId",
                        WEB_CLIENT,
                        "AuthFlow",
                        "USER_PASSWORD_AUTH",
                        "AuthParameters",
                        Map.of("USERNAME", "bob", "PASSWORD", "Temp1234A")));
        assertThat(bob.requireSuccess().string("ChallengeName")).isEqualTo("NEW_PASSWORD_REQUIRED");
    }

    @Test
    void seedingAgainOverAPersistentStoreAddsOnlyWhatIsMissing() {
        String url = "jdbc:h2:file:" + this.directory.resolve("cognito") + ";DB_CLOSE_DELAY=-1";
        try (JdbcStore first = JdbcStore.open(url, "sa", "")) {
            EmulatorFixture emulator = EmulatorFixture.create(
                    CognitoEmulator.builder().store(first).seeds(List.of(sample())));
            emulator.call("UpdateGroup", pool("GroupName", "admin", "Description", "Changed at run time"))
                    .requireSuccess();
            emulator.call("AdminRemoveUserFromGroup", pool("Username", "alice", "GroupName", "staff"))
                    .requireSuccess();
            emulator.call("AdminDeleteUser", pool("Username", "bob")).requireSuccess();
            emulator.call("DeleteUserPoolClient", pool("ClientId", API_CLIENT)).requireSuccess();
        }
        PoolSeed renamed = new PoolSeed(
                        POOL_ID,
                        "renamed",
                        null,
                        null,
                        null,
                        null,
                        new PasswordPolicySeed(20, null, null, null, null, null, null),
                        null,
                        null,
                        null,
                        null,
                        sample().clients(),
                        List.of(new GroupSeed("admin", "Declared", 5, null), GroupSeed.named("new")),
                        sample().resourceServers(),
                        "other-login",
                        sample().users())
                .withUsers(List.of(
                        sample().users().get(0),
                        sample().users().get(1),
                        new UserSeed("dave", Map.of(), "Passw0rdDave-long", null, null, List.of("new"))));
        try (JdbcStore second = JdbcStore.open(url, "sa", "")) {
            EmulatorFixture emulator = EmulatorFixture.create(
                    CognitoEmulator.builder().store(second).seeds(List.of(renamed)));
            assertThat(emulator.call("ListUserPools", Map.of("MaxResults", 60))
                            .requireSuccess()
                            .list("UserPools"))
                    .hasSize(1);
            Reply pool = emulator.call("DescribeUserPool", pool()).requireSuccess();
            assertThat(pool.string("UserPool", "Name")).isEqualTo("sample");
            assertThat(pool.string("UserPool", "Domain")).isEqualTo("sample-login");
            assertThat(emulator.call("GetGroup", pool("GroupName", "admin"))
                            .requireSuccess()
                            .string("Group", "Description"))
                    .isEqualTo("Changed at run time");
            emulator.call("GetGroup", pool("GroupName", "new")).requireSuccess();
            assertThat(emulator.call("AdminListGroupsForUser", pool("Username", "alice"))
                            .requireSuccess()
                            .list("Groups"))
                    .extracting((group) -> group.get("GroupName"))
                    .containsExactly("admin");
            assertThat(emulator.getUser(POOL_ID, "bob").requireSuccess().string("UserStatus"))
                    .isEqualTo("FORCE_CHANGE_PASSWORD");
            assertThat(emulator.getUser(POOL_ID, "dave").requireSuccess().string("UserStatus"))
                    .isEqualTo("CONFIRMED");
            assertThat(emulator.call("DescribeUserPoolClient", pool("ClientId", API_CLIENT))
                            .requireSuccess()
                            .string("UserPoolClient", "ClientSecret"))
                    .isEqualTo(API_SECRET);
        }
    }

    @Test
    void emulatorsSeedingOneDatabaseAtOnceBothStartWithOnePool() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (JdbcStore schema = JdbcStore.open(url, "sa", "")) {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> builds = new ArrayList<>();
                List<JdbcStore> stores = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    JdbcStore store = JdbcStore.open(url, "sa", "");
                    stores.add(store);
                    Callable<CognitoEmulator> racer = racer(store, i, sample());
                    builds.add(threads.submit(() -> {
                        start.await();
                        return racer.call();
                    }));
                }
                start.countDown();
                for (Future<?> build : builds) {
                    build.get(60, TimeUnit.SECONDS);
                }
                stores.forEach(JdbcStore::close);
            } finally {
                threads.shutdownNow();
            }
            assertThat(schema.pools().list()).hasSize(1);
            assertThat(schema.clients().list(POOL_ID)).hasSize(2);
            assertThat(schema.users().count(POOL_ID)).isEqualTo(3);
        }
    }

    /**
     * An emulator of its own randomness, as two processes have: emulators drawing the same user {@code sub}s would
     * clash on them.
     */
    private static Callable<CognitoEmulator> racer(EmulatorStore store, int seed, PoolSeed pool) {
        return () -> CognitoEmulator.builder()
                .store(store)
                .random(new Random(seed))
                .keySource(RsaKeySource.generating())
                .seeds(List.of(pool))
                .build();
    }

    @Test
    void seedersRacingToCreateTheSamePoolAndClientsBothCountThemAsThere() throws Exception {
        PausingStore store = new PausingStore(new InMemoryStore());
        store.holdUntil(PausingStore.Operation.POOL_CREATE, 2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<CognitoEmulator>> builds = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                builds.add(threads.submit(racer(store, i, sample())));
            }
            for (Future<CognitoEmulator> build : builds) {
                build.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(store.pools().list()).hasSize(1);
        assertThat(store.clients().list(POOL_ID)).hasSize(2);
        assertThat(store.users().count(POOL_ID)).isEqualTo(3);
    }

    @Test
    void seedersRacingToCreateTheSameClientBothCountItAsThere() throws Exception {
        InMemoryStore shared = new InMemoryStore();
        PoolSeed pool = PoolSeed.of(POOL_ID, "sample");
        EmulatorFixture.create(CognitoEmulator.builder().store(shared).seeds(List.of(pool)));
        PausingStore store = new PausingStore(shared);
        store.holdUntil(PausingStore.Operation.CLIENT_CREATE, 2);
        PoolSeed withClient = pool.withClients(List.of(ClientSeed.publicClient(WEB_CLIENT, "web", null)));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<CognitoEmulator>> builds = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                builds.add(threads.submit(racer(store, i, withClient)));
            }
            for (Future<CognitoEmulator> build : builds) {
                build.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(shared.clients().list(POOL_ID)).hasSize(1);
    }

    @Test
    void seedersRacingToCreateTheSameResourceServerBothCountItAsThere() throws Exception {
        PoolSeed withServer = new PoolSeed(
                POOL_ID,
                "sample",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                sample().resourceServers(),
                null,
                null);

        InMemoryStore shared = raceOverOneResourceWrite(withServer);

        EmulatorFixture emulator =
                EmulatorFixture.create(CognitoEmulator.builder().store(shared));
        assertThat(emulator.call("ListResourceServers", Map.of("UserPoolId", POOL_ID, "MaxResults", 50))
                        .requireSuccess()
                        .list("ResourceServers"))
                .hasSize(1);
    }

    @Test
    void seedersRacingToCreateTheSameDomainBothCountItAsThere() throws Exception {
        PoolSeed withDomain = new PoolSeed(
                POOL_ID,
                "sample",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "sample-login",
                null);

        InMemoryStore shared = raceOverOneResourceWrite(withDomain);

        assertThat(DomainActions.poolMembers(shared.resources(), POOL_ID)).isEqualTo(Map.of("Domain", "sample-login"));
    }

    /** Creates the pool, then has two seeders write their first resource at the same moment. */
    private static InMemoryStore raceOverOneResourceWrite(PoolSeed pool) throws Exception {
        InMemoryStore shared = new InMemoryStore();
        EmulatorFixture.create(CognitoEmulator.builder().store(shared).seeds(List.of(PoolSeed.of(POOL_ID, "sample"))));
        PausingStore store = new PausingStore(shared);
        store.holdUntil(PausingStore.Operation.RESOURCE_WRITE, 2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<CognitoEmulator>> builds = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                builds.add(threads.submit(racer(store, i, pool)));
            }
            for (Future<CognitoEmulator> build : builds) {
                build.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        return shared;
    }

    @Test
    void aSecondEmulatorFindsEverythingTakenAndCountsItAsThere() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (JdbcStore one = JdbcStore.open(url, "sa", "");
                JdbcStore two = JdbcStore.open(url, "sa", "")) {
            EmulatorFixture.create(CognitoEmulator.builder().store(one).seeds(List.of(sample())));
            EmulatorFixture.create(CognitoEmulator.builder().store(two).seeds(List.of(sample())));
            assertThat(two.pools().list()).hasSize(1);
        }
    }

    static SeedException failure(PoolSeed... seeds) {
        try {
            seeded(seeds);
        } catch (SeedException ex) {
            return ex;
        }
        throw new AssertionError("Seeding succeeded");
    }

    @Test
    void aPasswordAgainstThePolicyNamesItsPath() {
        PoolSeed seed = sample().withUsers(List.of(
                UserSeed.confirmed("alice", "Passw0rdA", Map.of()), UserSeed.confirmed("bob", "Short1A", Map.of())));

        SeedException failure = failure(seed);

        assertThat(failure.path()).isEqualTo("pools[0].users[1].password");
        assertThat(failure.getMessage())
                .isEqualTo("pools[0].users[1].password: Password does not conform to policy: Password not long enough");
        assertThat(failure.reason()).isEqualTo("Password does not conform to policy: Password not long enough");
        assertThat(failure.errorType()).isEqualTo(ErrorType.INVALID_PASSWORD);
    }

    @Test
    void aUserWhosePasswordIsRefusedIsNotLeftBehind() {
        PoolSeed bad = sample().withUsers(List.of(UserSeed.confirmed("bob", "Short1A", Map.of())));
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (JdbcStore store = JdbcStore.open(url, "sa", "")) {
            assertThatThrownBy(() -> CognitoEmulator.builder()
                            .store(store)
                            .keySource(RsaKeySource.generating())
                            .seeds(List.of(bad))
                            .build())
                    .isInstanceOf(SeedException.class);
            assertThat(store.users().count(POOL_ID)).isZero();
        }
    }

    @Test
    void aTemporaryPasswordAgainstThePolicyNamesItsPath() {
        PoolSeed seed = sample().withUsers(List.of(new UserSeed("bob", Map.of(), null, "short", null, null)));

        assertThat(failure(seed).getMessage())
                .isEqualTo("pools[0].users[0].temporaryPassword: Password does not conform to policy:"
                        + " Password not long enough");
    }

    @Test
    void anAttributeTheSchemaLacksNamesTheUser() {
        PoolSeed seed =
                sample().withUsers(List.of(UserSeed.confirmed("alice", "Passw0rdA", Map.of("custom:none", "x"))));

        SeedException failure = failure(seed);

        assertThat(failure.path()).isEqualTo("pools[0].users[0]");
        assertThat(failure.errorType()).isEqualTo(ErrorType.INVALID_PARAMETER);
    }

    @Test
    void aUserInAGroupNeitherDeclaredNorExistingNamesTheGroup() {
        PoolSeed seed = sample().withUsers(
                        List.of(new UserSeed("alice", Map.of(), "Passw0rdA", null, null, List.of("staff", "nobody"))));

        assertThat(failure(seed).getMessage()).isEqualTo("pools[0].users[0].groups[1]: Group not found.");
    }

    @Test
    void anInvalidClientSettingNamesTheClientWithCognitosMessage() {
        ClientSeed noRefresh = ClientSeed.publicClient(WEB_CLIENT, "web", List.of("ALLOW_USER_PASSWORD_AUTH"));
        PoolSeed seed = PoolSeed.of(POOL_ID, "sample").withClients(List.of(noRefresh));

        assertThat(failure(seed).getMessage())
                .isEqualTo("pools[0].clients[0]: REFRESH_TOKEN_AUTH should always be allowed.");
    }

    @Test
    void aSettingTheModelRefusesNamesThePool() {
        SeedException failure = failure(PoolSeed.of(POOL_ID, "bad/name"));

        assertThat(failure.path()).isEqualTo("pools[0]");
        assertThat(failure.reason()).startsWith("1 validation error detected: Value 'bad/name' at 'poolName'");
    }

    @Test
    void mfaWithoutAFactorNamesTheMfaSetting() {
        PoolSeed seed = new PoolSeed(
                POOL_ID,
                "sample",
                null,
                null,
                null,
                null,
                null,
                new MfaSeed("ON", null),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThat(failure(seed).path()).isEqualTo("pools[0].mfa");
    }

    @Test
    void aTokenValidityOfAFractionOfASecondIsRefused() {
        ClientSeed client = webClient();
        ClientSeed fractional = new ClientSeed(
                client.id(),
                client.name(),
                null,
                client.explicitAuthFlows(),
                Duration.ofMillis(1500),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThat(failure(PoolSeed.of(POOL_ID, "sample").withClients(List.of(fractional)))
                        .getMessage())
                .isEqualTo("pools[0].clients[0].accessTokenValidity: A token validity must be a positive whole"
                        + " number of seconds but was PT1.5S");
    }

    @Test
    void aTokenValidityOutOfCognitosRangeIsRefusedByCognitosCheck() {
        ClientSeed client = webClient();
        ClientSeed tooLong = new ClientSeed(
                client.id(),
                client.name(),
                null,
                client.explicitAuthFlows(),
                Duration.ofDays(2),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThat(failure(PoolSeed.of(POOL_ID, "sample").withClients(List.of(tooLong)))
                        .getMessage())
                .isEqualTo("pools[0].clients[0]: Invalid range for token validity.");
    }

    @Test
    void poolIdsMustHaveCognitosForm() {
        for (String id : List.of(
                "us-east-1_Sample12",
                "us-east-1_Sample1234",
                "useast1_Sample123",
                "us-east-1-Sample123",
                "us-east-1_Sample-12")) {
            assertThat(failure(PoolSeed.of(id, "sample")).getMessage())
                    .isEqualTo("pools[0].id: '" + id + "' is not a user pool id: a region, an underscore and nine"
                            + " letters or digits, for example us-east-1_AbC123xyZ");
        }
        seeded(PoolSeed.of("eu-central-1_aBc123XyZ", "ok"), PoolSeed.of("us-gov-west-1_000000000", "ok"));
    }

    @Test
    void clientIdsMustHaveCognitosForm() {
        for (String id : List.of(
                "5sample0client0id00000000",
                "5sample0client0id00000000ab",
                "5Sample0client0id00000000a",
                "5sample0client0id0000000_a")) {
            PoolSeed seed =
                    PoolSeed.of(POOL_ID, "sample").withClients(List.of(ClientSeed.publicClient(id, "web", null)));
            assertThat(failure(seed).getMessage())
                    .isEqualTo("pools[0].clients[0].id: '" + id + "' is not an app client id: 26 lowercase letters or"
                            + " digits, as Cognito makes them");
        }
    }

    @Test
    void clashesAmongTheSeedsAreRefusedBeforeAnythingIsCreated() {
        assertThat(failure(PoolSeed.of(POOL_ID, "a"), PoolSeed.of(POOL_ID, "b")).getMessage())
                .isEqualTo("pools[1].id: User pool id '" + POOL_ID + "' is declared twice; first at pools[0].id");
        ClientSeed web = ClientSeed.publicClient(WEB_CLIENT, "web", null);
        assertThat(failure(
                                PoolSeed.of(POOL_ID, "a").withClients(List.of(web)),
                                PoolSeed.of("us-east-1_Sample002", "b").withClients(List.of(web)))
                        .getMessage())
                .isEqualTo("pools[1].clients[0].id: App client id '" + WEB_CLIENT
                        + "' is declared twice; first at pools[0].clients[0].id");
        assertThat(failure(PoolSeed.of(POOL_ID, "a").withGroups(List.of(GroupSeed.named("g"), GroupSeed.named("g"))))
                        .getMessage())
                .isEqualTo("pools[0].groups[1].name: Group 'g' is declared twice; first at pools[0].groups[0].name");
        assertThat(failure(PoolSeed.of(POOL_ID, "a")
                                .withUsers(List.of(
                                        UserSeed.confirmed("Alice", "Passw0rdA", Map.of()),
                                        UserSeed.confirmed("alice", "Passw0rdA", Map.of()))))
                        .getMessage())
                .isEqualTo("pools[0].users[1].username: Username 'alice' is declared twice; first at"
                        + " pools[0].users[0].username");
        ResourceServerSeed server = new ResourceServerSeed("https://api", "api", null);
        assertThat(failure(new PoolSeed(
                                POOL_ID,
                                "a",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of(server, server),
                                null,
                                null))
                        .path())
                .isEqualTo("pools[0].resourceServers[1].identifier");
        assertThat(failure(PoolSeed.of(POOL_ID, "a")
                                .withUsers(List.of(new UserSeed("alice", null, null, null, null, null))))
                        .getMessage())
                .isEqualTo("pools[0].users[0]: Exactly one of password (a confirmed user) and temporaryPassword (a"
                        + " user who must choose a new password) must be given");
        assertThat(failure(PoolSeed.of(POOL_ID, "a")
                                .withUsers(List.of(new UserSeed("alice", null, "Passw0rdA", "Passw0rdA", null, null))))
                        .path())
                .isEqualTo("pools[0].users[0]");
    }

    @Test
    void aCustomAttributeCannotTakeTheNameOfAStandardOne() {
        PoolSeed seed = new PoolSeed(
                POOL_ID,
                "a",
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(
                        new CustomAttributeSeed("tier", null, null, null, null, null, null, null),
                        new CustomAttributeSeed("email", null, null, null, null, null, null, null)),
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThat(failure(seed).getMessage())
                .isEqualTo("pools[0].customAttributes[1].name: 'email' is a standard attribute; a custom attribute"
                        + " needs a name of its own");
    }

    @Test
    void usernamesDifferingInCaseAreDistinctInACaseSensitivePool() {
        PoolSeed seed = new PoolSeed(
                POOL_ID,
                "a",
                null,
                null,
                null,
                true,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(
                        UserSeed.confirmed("Alice", "Passw0rd!A", Map.of()),
                        UserSeed.confirmed("alice", "Passw0rd!B", Map.of())));

        EmulatorFixture emulator = seeded(seed);

        emulator.getUser(POOL_ID, "Alice").requireSuccess();
        emulator.getUser(POOL_ID, "alice").requireSuccess();
    }

    @Test
    void clashesWithTheStoreNameTheItem() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (JdbcStore store = JdbcStore.open(url, "sa", "")) {
            EmulatorFixture.create(CognitoEmulator.builder().store(store).seeds(List.of(sample())));
            PoolSeed other = new PoolSeed(
                    "us-east-1_Other0001",
                    "other",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(ClientSeed.publicClient(WEB_CLIENT, "web", null)),
                    null,
                    null,
                    null,
                    null);
            SeedException taken = failure(store, other);
            assertThat(taken.getMessage())
                    .isEqualTo("pools[0].clients[0].id: App client id '" + WEB_CLIENT
                            + "' is taken by a client of user pool " + POOL_ID);
            PoolSeed sameDomain = new PoolSeed(
                    "us-east-1_Other0001",
                    "other",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "sample-login",
                    null);
            assertThat(failure(store, sameDomain).getMessage())
                    .isEqualTo("pools[0].domain: Domain already associated with another user pool.");
        }
    }

    private static SeedException failure(JdbcStore store, PoolSeed seed) {
        try {
            EmulatorFixture.create(CognitoEmulator.builder().store(store).seeds(List.of(seed)));
        } catch (SeedException ex) {
            return ex;
        }
        throw new AssertionError("Seeding succeeded");
    }

    @Test
    void seedsDescribeThemselvesWithoutTheirSecrets() {
        assertThat(new UserSeed("bob", Map.of("email", "b@example.com"), "Passw0rdA", null, false, List.of("g"))
                        .toString())
                .isEqualTo("UserSeed[username=bob, attributes={email=b@example.com}, password=***,"
                        + " temporaryPassword=null, enabled=false, groups=[g]]");
        assertThat(apiClient().toString())
                .isEqualTo("ClientSeed[id=" + API_CLIENT + ", name=api, secret=***, explicitAuthFlows=[],"
                        + " allowedOAuthFlows=[client_credentials], allowedOAuthScopes=[https://api.example.com/read],"
                        + " callbackUrls=[]]");
    }

    @Test
    void noSeedsLeaveTheEmulatorEmpty() {
        EmulatorFixture emulator = EmulatorFixture.create();

        assertThat(emulator.emulator().store().pools().list()).isEmpty();
    }
}
