package io.github.cognitoemulator.bench;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import io.github.cognitoemulator.core.store.EmulatorStore;
import io.github.cognitoemulator.core.store.jdbc.JdbcStore;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import io.github.cognitoemulator.core.token.RsaKeySource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * A program (not a JMH benchmark) that fills one pool with users through AdminCreateUser, the way an application or a
 * test would, and reports what the issue "Performance" sets targets for: the time to fill the pool, the heap each user
 * takes, AdminGetUser and ListUsers latencies at that size, and a USER_PASSWORD_AUTH sign-in's latency in the full
 * pool against the empty one. Every figure is a median (p50) and p99 of single calls on one thread.
 *
 * <pre>
 * java -Xmx2g -cp bench/target/benchmarks.jar io.github.cognitoemulator.bench.UserScaleProbe --users=100000
 * </pre>
 *
 * Options: {@code --users=N} (100,000), {@code --threads=N} filling the pool (2), {@code --store=memory|h2-file}.
 */
public final class UserScaleProbe {

    private final CognitoEmulator emulator;

    private final String poolId;

    private final String clientId;

    private UserScaleProbe(EmulatorStore store) {
        this.emulator = CognitoEmulator.builder()
                .random(new SplittableRandom(7))
                .keySource(RsaKeySource.generating())
                .store(store)
                .build();
        this.poolId =
                (String) map(call("CreateUserPool", "{\"PoolName\":\"scale\"}").get("UserPool"))
                        .get("Id");
        this.clientId = (String) map(call(
                                "CreateUserPoolClient",
                                "{\"UserPoolId\":\"" + this.poolId + "\",\"ClientName\":\"web\",\"ExplicitAuthFlows\":["
                                        + "\"ALLOW_USER_PASSWORD_AUTH\",\"ALLOW_USER_SRP_AUTH\",\"ALLOW_REFRESH_TOKEN_AUTH\"]}")
                        .get("UserPoolClient"))
                .get("ClientId");
        call(
                "AdminCreateUser",
                "{\"UserPoolId\":\"" + this.poolId + "\",\"Username\":\"alice\",\"MessageAction\":\"SUPPRESS\"}");
        call(
                "AdminSetUserPassword",
                "{\"UserPoolId\":\"" + this.poolId
                        + "\",\"Username\":\"alice\",\"Password\":\"Perm1234!\",\"Permanent\":true}");
    }

    public static void main(String[] args) throws Exception {
        int users = option(args, "users", 100_000);
        int threads = option(args, "threads", 2);
        String storeName = stringOption(args, "store", "memory");
        EmulatorStore store = storeName.equals("memory")
                ? new InMemoryStore()
                : JdbcStore.open(
                        "jdbc:h2:file:"
                                + Files.createTempDirectory("cognito-scale").resolve("cognito"),
                        "sa",
                        "");
        UserScaleProbe probe = new UserScaleProbe(store);
        System.out.printf("store %s, %d users, load average %.2f%n", storeName, users, load());

        probe.warmUp();
        double[] emptySignIn = probe.measure(2_000, (i) -> probe.signIn());
        long baseline = usedHeap();

        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Future<?>[] parts = new Future<?>[threads];
        for (int t = 0; t < threads; t++) {
            int first = t;
            parts[t] = pool.submit(() -> {
                for (int i = first; i < users; i += threads) {
                    probe.createUser(i);
                }
            });
        }
        for (Future<?> part : parts) {
            part.get();
        }
        pool.shutdown();
        double fillSeconds = (System.nanoTime() - start) / 1e9;
        long full = usedHeap();
        System.out.printf(
                "filled %d users in %.1f s (%.0f users/s, %d threads), load average %.2f%n",
                users, fillSeconds, users / fillSeconds, threads, load());
        System.out.printf(
                "heap: %.1f MiB before, %.1f MiB after, %.0f bytes per user%n",
                baseline / 1048576.0, full / 1048576.0, (full - baseline) / (double) users);

        SplittableRandom random = new SplittableRandom(3);
        report(
                "AdminGetUser",
                probe.measure(
                        20_000,
                        (i) -> probe.call(
                                "AdminGetUser",
                                "{\"UserPoolId\":\"" + probe.poolId + "\",\"Username\":\"user" + random.nextInt(users)
                                        + "\"}")));
        report(
                "ListUsers username =",
                probe.measure(5_000, (i) -> probe.listUsers("username = \\\"user" + random.nextInt(users) + "\\\"")));
        report(
                "ListUsers email ^=",
                probe.measure(5_000, (i) -> probe.listUsers("email ^= \\\"user" + random.nextInt(users) + "\\\"")));
        report(
                "ListUsers sub =",
                probe.measure(5_000, (i) -> probe.listUsers("sub = \\\"" + probe.sampledSub(random, users) + "\\\"")));
        report(
                "ListUsers sub ^=",
                probe.measure(
                        5_000,
                        (i) -> probe.listUsers(
                                "sub ^= \\\"" + probe.sampledSub(random, users).substring(0, 6) + "\\\"")));
        report("sign-in, empty pool", emptySignIn);
        report("sign-in, full pool", probe.measure(2_000, (i) -> probe.signIn()));
        report("SRP sign-in, full pool", probe.measure(300, (i) -> probe.srpSignIn(random)));
        System.out.printf("load average %.2f%n", load());
        store.close();
    }

    private void warmUp() {
        for (int i = 0; i < 3_000; i++) {
            signIn();
        }
        for (int i = 0; i < 3_000; i++) {
            call("AdminGetUser", "{\"UserPoolId\":\"" + this.poolId + "\",\"Username\":\"alice\"}");
            listUsers("email ^= \\\"alice\\\"");
        }
    }

    /** A user with an email address and a generated temporary password, as an invitation makes it. */
    private void createUser(int i) {
        Map<String, Object> created = call(
                "AdminCreateUser",
                "{\"UserPoolId\":\"" + this.poolId + "\",\"Username\":\"user" + i
                        + "\",\"MessageAction\":\"SUPPRESS\",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":\"user"
                        + i + "@example.com\"},{\"Name\":\"email_verified\",\"Value\":\"true\"},"
                        + "{\"Name\":\"name\",\"Value\":\"User " + i + "\"}]}");
        if (i % 100 == 0 && i / 100 < this.subs.length) {
            for (Object attribute : (java.util.List<?>) map(created.get("User")).get("Attributes")) {
                if ("sub".equals(map(attribute).get("Name"))) {
                    this.subs[i / 100] = (String) map(attribute).get("Value");
                }
            }
        }
    }

    /** The subs of every hundredth user (the emulator draws them at random), kept apart from the heap measured. */
    private final String[] subs = new String[1_000];

    private String sampledSub(SplittableRandom random, int users) {
        String sub = null;
        while (sub == null) {
            sub = this.subs[random.nextInt(Math.min(this.subs.length, (users + 99) / 100))];
        }
        return sub;
    }

    private Object signIn() {
        return call(
                "InitiateAuth",
                "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"" + this.clientId
                        + "\",\"AuthParameters\":{\"USERNAME\":\"alice\",\"PASSWORD\":\"Perm1234!\"}}");
    }

    /**
     * A whole USER_SRP_AUTH sign-in: InitiateAuth and RespondToAuthChallenge, the client's arithmetic included (a
     * 1024-bit client exponent, as amazon-cognito-identity-js uses).
     */
    private Object srpSignIn(SplittableRandom random) {
        byte[] a = new byte[128];
        random.nextBytes(a);
        SrpClient client = new SrpClient(a);
        Map<String, Object> challenge = call(
                "InitiateAuth",
                "{\"AuthFlow\":\"USER_SRP_AUTH\",\"ClientId\":\"" + this.clientId
                        + "\",\"AuthParameters\":{\"USERNAME\":\"alice\",\"SRP_A\":\"" + client.publicA() + "\"}}");
        Map<String, Object> parameters = map(challenge.get("ChallengeParameters"));
        String timestamp = java.time.format.DateTimeFormatter.ofPattern(
                        "EEE MMM d HH:mm:ss 'UTC' yyyy", java.util.Locale.US)
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
        String secretBlock = (String) parameters.get("SECRET_BLOCK");
        String signature = client.signature(
                this.poolId.substring(this.poolId.indexOf('_') + 1),
                "alice",
                "Perm1234!",
                (String) parameters.get("SALT"),
                (String) parameters.get("SRP_B"),
                secretBlock,
                timestamp);
        return call(
                "RespondToAuthChallenge",
                "{\"ChallengeName\":\"PASSWORD_VERIFIER\",\"ClientId\":\"" + this.clientId
                        + "\",\"ChallengeResponses\":{\"USERNAME\":\"alice\",\"PASSWORD_CLAIM_SECRET_BLOCK\":\""
                        + secretBlock + "\",\"TIMESTAMP\":\"" + timestamp + "\",\"PASSWORD_CLAIM_SIGNATURE\":\""
                        + signature + "\"}}");
    }

    private Object listUsers(String filter) {
        return call("ListUsers", "{\"UserPoolId\":\"" + this.poolId + "\",\"Filter\":\"" + filter + "\"}");
    }

    private double[] measure(int calls, IntFunction<Object> call) {
        double[] millis = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.apply(i);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void report(String what, double[] sorted) {
        System.out.printf(
                "%-22s p50 %8.3f ms  p99 %8.3f ms  (%d calls)%n",
                what, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)], sorted.length);
    }

    private Map<String, Object> call(String action, String body) {
        ProtocolResponse response = this.emulator.handle(action, body);
        if (response.status() != 200) {
            throw new IllegalStateException(action + " failed: " + response.bodyAsString());
        }
        return CognitoJson.readMap(response.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static int option(String[] args, String name, int otherwise) {
        return Integer.parseInt(stringOption(args, name, Integer.toString(otherwise)));
    }

    private static String stringOption(String[] args, String name, String otherwise) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return otherwise;
    }
}
