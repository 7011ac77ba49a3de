package io.github.cognitoemulator.bench;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.password.PasswordCredential;
import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import io.github.cognitoemulator.core.token.RsaKeySource;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserStatus;
import io.github.cognitoemulator.core.user.UserStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same actions on the in-memory store and on an H2 file, in one run: a USER_PASSWORD_AUTH sign-in (which
 * reads the user and writes a sign-in), and lookups in a pool of 20,000 users (AdminGetUser, and ListUsers with an
 * email prefix filter), which must be served from indexes rather than a scan of the pool.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StoreBenchmark {

    private static final int USERS = 20_000;

    @Param({"memory", "h2-file"})
    public String store;

    private Path directory;

    private EmulatorStore emulatorStore;

    private CognitoEmulator emulator;

    private String poolId;

    private String clientId;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        this.directory = Files.createTempDirectory("cognito-bench");
        this.emulatorStore = this.store.equals("memory")
                ? new InMemoryStore()
                : JdbcStore.open("jdbc:h2:file:" + this.directory.resolve("cognito"), "sa", "");
        this.emulator = CognitoEmulator.builder()
                .random(random)
                .keySource(RsaKeySource.generating())
                .store(this.emulatorStore)
                .build();
        this.poolId =
                (String) map(call("CreateUserPool", "{\"PoolName\":\"bench\"}").get("UserPool"))
                        .get("Id");
        this.clientId = (String) map(call(
                                "CreateUserPoolClient",
                                "{\"UserPoolId\":\"" + this.poolId
                                        + "\",\"ClientName\":\"web\",\"ExplicitAuthFlows\":["
                                        + "\"ALLOW_USER_PASSWORD_AUTH\",\"ALLOW_REFRESH_TOKEN_AUTH\"]}")
                        .get("UserPoolClient"))
                .get("ClientId");
        call(
                "AdminCreateUser",
                "{\"UserPoolId\":\"" + this.poolId + "\",\"Username\":\"alice\","
                        + "\"TemporaryPassword\":\"Perm1234!\",\"MessageAction\":\"SUPPRESS\"}");
        call(
                "AdminSetUserPassword",
                "{\"UserPoolId\":\"" + this.poolId + "\",\"Username\":\"alice\","
                        + "\"Password\":\"Perm1234!\",\"Permanent\":true}");
        addUsers(random);
    }

    /**
     * Adds the crowd straight to the store, in batches: through AdminCreateUser each would cost a password verifier
     * (a 3072-bit modular exponentiation), which would make the set-up take minutes. Their only unique key is the
     * username, as in a pool without aliases and with case-sensitive usernames.
     */
    private void addUsers(SplittableRandom random) {
        String poolName = this.poolId.substring(this.poolId.indexOf('_') + 1);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        PasswordCredential password = PasswordCredential.create(poolName, "crowd", "Perm1234!", salt);
        Instant now = Instant.now();
        List<UserStore.UserChange> batch = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            String username = "user" + i;
            String sub = UUID.nameUUIDFromBytes(username.getBytes()).toString();
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("sub", sub);
            attributes.put("email", username + "@example.com");
            attributes.put("email_verified", "true");
            User user = new User(
                    this.poolId, username, sub, attributes, UserStatus.CONFIRMED, true, now, now, password, now, 0);
            // Written 500 at a time, each batch in one transaction.
            batch.add(new UserStore.UserChange.Create(user, List.of("username:" + username)));
            if (batch.size() == 500) {
                this.emulatorStore.users().write(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            this.emulatorStore.users().write(batch);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        this.emulatorStore.close();
        try (Stream<Path> files = Files.walk(this.directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach((file) -> file.toFile().delete());
        }
    }

    /** A whole USER_PASSWORD_AUTH sign-in through the protocol. */
    @Benchmark
    public Object passwordSignIn() {
        return call(
                "InitiateAuth",
                "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"" + this.clientId
                        + "\",\"AuthParameters\":{\"USERNAME\":\"alice\",\"PASSWORD\":\"Perm1234!\"}}");
    }

    /** AdminGetUser of one user among 20,000. */
    @Benchmark
    public Object adminGetUser() {
        return call("AdminGetUser", "{\"UserPoolId\":\"" + this.poolId + "\",\"Username\":\"user12345\"}");
    }

    /** ListUsers with a prefix filter matching 11 of 20,000 users. */
    @Benchmark
    public Object listUsersByEmailPrefix() {
        return call("ListUsers", "{\"UserPoolId\":\"" + this.poolId + "\",\"Filter\":\"email ^= \\\"user1234\\\"\"}");
    }

    private Map<String, Object> call(String action, String body) {
        return InProcess.call(this.emulator, action, body);
    }

    private static Map<String, Object> map(Object value) {
        return InProcess.map(value);
    }
}
