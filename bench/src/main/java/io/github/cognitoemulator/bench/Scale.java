package io.github.cognitoemulator.bench;

import static io.github.cognitoemulator.bench.JsonApi.quote;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.protocol.CognitoJson;
import io.github.cognitoemulator.core.token.RsaKeySource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * One pool of many users (100,000 by default) in an in-process emulator with the in-memory store, filled through
 * AdminCreateUser on the JSON protocol as an application's set-up would, each user with the typical attributes
 * (email, email_verified, name, phone_number and a custom attribute). Measures the time to fill it, the heap per user
 * (used heap after {@code System.gc()} after the fill minus before, divided by the number of users), then the
 * latency of single calls at that size: ListUsers by equality filter on username, email and sub, by prefix filter on
 * email, a paginated walk of the whole pool (Limit 60), AdminGetUser, and a USER_PASSWORD_AUTH sign-in compared with
 * the same sign-in in a pool that has only that user. Prints one JSON object.
 *
 * <pre>{@code
 * java -Xmx2g -cp bench/target/benchmarks.jar io.github.cognitoemulator.bench.Scale --users=100000
 * }</pre>
 *
 * <p>Options: {@code --users=N} (100,000), {@code --threads=N} (the fill's threads, the available processors),
 * {@code --samples=N} (calls measured per lookup, 2,000, after as many warm-up calls), {@code --sign-ins=N} (sign-ins
 * measured in each pool, 300).
 */
public final class Scale {

    private static final String PASSWORD = "Scale-Passw0rd!";

    private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final CognitoEmulator emulator;

    private Scale() {
        this.emulator = CognitoEmulator.builder()
                // java.util.Random, which threads may share: the pool is filled from several, and a SplittableRandom
                // shared between them hands out the same values twice.
                .random(new Random(7))
                .keySource(RsaKeySource.generating())
                .build();
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        int users = options.integer("users", 100_000);
        int threads = options.integer("threads", Runtime.getRuntime().availableProcessors());
        int samples = options.integer("samples", 2_000);
        int signIns = options.integer("sign-ins", 300);
        new Scale().run(users, threads, samples, signIns);
    }

    private void run(int users, int threads, int samples, int signIns) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("users", users);
        results.put("fill_threads", threads);
        String big = createPool("scale");
        String bigClient = createClient(big);
        String small = createPool("empty");
        String smallClient = createClient(small);
        createUser(small, "user0");
        setPassword(small, "user0");
        // Warms up the paths the fill takes, in a pool of its own, so that the fill is measured on compiled code.
        String warmUpPool = createPool("warm-up");
        for (int i = 0; i < 2_000; i++) {
            createUser(warmUpPool, "user" + i);
        }
        call("DeleteUserPool", "{\"UserPoolId\":" + quote(warmUpPool) + "}");

        long heapBefore = settledHeapUsed();
        long fillStart = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            parts.add(workers.submit(() -> {
                for (int i = first; i < users; i += threads) {
                    createUser(big, "user" + i);
                }
            }));
        }
        try {
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            // A failed call must end the program with its error, not leave it waiting on the other worker.
            workers.shutdownNow();
        }
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        long heapAfter = settledHeapUsed();
        results.put("fill_s", round(fillSeconds));
        results.put("fill_users_per_s", Math.round(users / fillSeconds));
        results.put("heap_before_mib", round(heapBefore / 1048576.0));
        results.put("heap_after_mib", round(heapAfter / 1048576.0));
        results.put("heap_per_user_bytes", Math.round((heapAfter - heapBefore) / (double) users));
        System.err.printf(Locale.ROOT, "filled %d users in %.1f s%n", users, fillSeconds);

        setPassword(big, "user0");
        SplittableRandom random = new SplittableRandom(11);
        IntFunction<String> someUser = (ignored) -> "user" + random.nextInt(users);
        String subOf0 = sub(big, "user0");
        // A few subs to look up in turn.
        List<String> subs = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            subs.add(sub(big, "user" + random.nextInt(users)));
        }
        results.put("sub_example", subOf0);
        measure(
                results,
                "list_users_username_eq",
                samples,
                (i) -> listUsers(big, "username = \\\"" + someUser.apply(i) + "\\\""));
        measure(
                results,
                "list_users_email_eq",
                samples,
                (i) -> listUsers(big, "email = \\\"" + someUser.apply(i) + "@example.com\\\""));
        measure(
                results,
                "list_users_sub_eq",
                samples,
                (i) -> listUsers(big, "sub = \\\"" + subs.get(i % subs.size()) + "\\\""));
        // Prefixes of 11 users each at 100,000 users: user1234 matches user1234 and user12340 to user12349.
        int lowest = Math.max(1, users / 100);
        measure(
                results,
                "list_users_email_prefix",
                samples,
                (i) -> listUsers(
                        big,
                        "email ^= \\\"user" + (lowest + random.nextInt(Math.max(1, users / 10 - lowest))) + "\\\""));
        measure(
                results,
                "admin_get_user",
                samples,
                (i) -> call(
                        "AdminGetUser",
                        "{\"UserPoolId\":" + quote(big) + ",\"Username\":" + quote(someUser.apply(i)) + "}"));
        paginatedWalk(results, big, users);
        Histogram empty = new Histogram(MAX_NANOS, 3);
        Histogram full = new Histogram(MAX_NANOS, 3);
        signIns(smallClient, bigClient, signIns, empty, full);
        results.put("sign_in_empty_pool_p50_ms", millis(empty, 50));
        results.put("sign_in_empty_pool_p99_ms", millis(empty, 99));
        results.put("sign_in_full_pool_p50_ms", millis(full, 50));
        results.put("sign_in_full_pool_p99_ms", millis(full, 99));
        results.put(
                "sign_in_full_vs_empty_p50",
                round(full.getValueAtPercentile(50) / (double) empty.getValueAtPercentile(50)));
        System.out.println(new String(CognitoJson.write(results), java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Sign-ins of user0 in the pool of one user and in the big pool, taking turns so that both see the same machine
     * and the same compiled code, after a third as many of each to warm up.
     */
    private void signIns(String emptyClient, String fullClient, int count, Histogram empty, Histogram full) {
        String emptyBody = signInBody(emptyClient);
        String fullBody = signInBody(fullClient);
        for (int i = 0; i < count / 3; i++) {
            call("InitiateAuth", emptyBody);
            call("InitiateAuth", fullBody);
        }
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            call("InitiateAuth", emptyBody);
            long middle = System.nanoTime();
            call("InitiateAuth", fullBody);
            long end = System.nanoTime();
            empty.recordValue(Math.min(middle - start, MAX_NANOS));
            full.recordValue(Math.min(end - middle, MAX_NANOS));
        }
    }

    private static String signInBody(String clientId) {
        return "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":" + quote(clientId)
                + ",\"AuthParameters\":{\"USERNAME\":\"user0\",\"PASSWORD\":" + quote(PASSWORD) + "}}";
    }

    private void paginatedWalk(Map<String, Object> results, String poolId, int users) {
        Histogram histogram = new Histogram(MAX_NANOS, 3);
        long start = System.nanoTime();
        String token = null;
        int seen = 0;
        do {
            long callStart = System.nanoTime();
            Map<String, Object> page = call(
                    "ListUsers",
                    "{\"UserPoolId\":" + quote(poolId) + ",\"Limit\":60"
                            + (token == null ? "" : ",\"PaginationToken\":" + quote(token)) + "}");
            histogram.recordValue(Math.min(System.nanoTime() - callStart, MAX_NANOS));
            seen += ((List<?>) page.get("Users")).size();
            token = (String) page.get("PaginationToken");
        } while (token != null);
        results.put("list_users_walk_s", round((System.nanoTime() - start) / 1e9));
        results.put("list_users_walk_users", seen);
        results.put("list_users_walk_calls", histogram.getTotalCount());
        results.put("list_users_page_p50_ms", millis(histogram, 50));
        results.put("list_users_page_p99_ms", millis(histogram, 99));
        if (seen < users) {
            System.err.println("The walk saw " + seen + " of " + (users + 1) + " users");
        }
    }

    private void measure(Map<String, Object> results, String name, int samples, IntFunction<Object> call) {
        for (int i = 0; i < samples; i++) {
            call.apply(i);
        }
        Histogram histogram = new Histogram(MAX_NANOS, 3);
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            call.apply(i);
            histogram.recordValue(Math.min(System.nanoTime() - start, MAX_NANOS));
        }
        results.put(name + "_p50_ms", millis(histogram, 50));
        results.put(name + "_p99_ms", millis(histogram, 99));
    }

    private Object listUsers(String poolId, String filter) {
        Map<String, Object> answer =
                call("ListUsers", "{\"UserPoolId\":" + quote(poolId) + ",\"Filter\":\"" + filter + "\"}");
        if (((List<?>) answer.get("Users")).isEmpty()) {
            throw new IllegalStateException("No user matches " + filter);
        }
        return answer;
    }

    private String sub(String poolId, String username) {
        Map<String, Object> user =
                call("AdminGetUser", "{\"UserPoolId\":" + quote(poolId) + ",\"Username\":" + quote(username) + "}");
        for (Object attribute : (List<?>) user.get("UserAttributes")) {
            Map<String, Object> pair = JsonApi.map(attribute);
            if ("sub".equals(pair.get("Name"))) {
                return (String) pair.get("Value");
            }
        }
        throw new IllegalStateException("No sub for " + username);
    }

    private String createPool(String name) {
        return (String) JsonApi.map(call(
                                "CreateUserPool",
                                "{\"PoolName\":" + quote(name) + ",\"Schema\":[{\"Name\":\"tier\","
                                        + "\"AttributeDataType\":\"String\",\"Mutable\":true}]}")
                        .get("UserPool"))
                .get("Id");
    }

    private String createClient(String poolId) {
        return (String) JsonApi.map(call(
                                "CreateUserPoolClient",
                                "{\"UserPoolId\":" + quote(poolId) + ",\"ClientName\":\"web\",\"ExplicitAuthFlows\":["
                                        + "\"ALLOW_USER_PASSWORD_AUTH\",\"ALLOW_REFRESH_TOKEN_AUTH\"]}")
                        .get("UserPoolClient"))
                .get("ClientId");
    }

    private void createUser(String poolId, String username) {
        int number = Integer.parseInt(username.substring(4));
        call(
                "AdminCreateUser",
                "{\"UserPoolId\":" + quote(poolId) + ",\"Username\":" + quote(username)
                        + ",\"MessageAction\":\"SUPPRESS\",\"TemporaryPassword\":" + quote(PASSWORD)
                        + ",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":" + quote(username + "@example.com")
                        + "},{\"Name\":\"email_verified\",\"Value\":\"true\"},{\"Name\":\"name\",\"Value\":"
                        + quote("User Number " + number) + "},{\"Name\":\"phone_number\",\"Value\":"
                        + quote(String.format(Locale.ROOT, "+1555%07d", number))
                        + "},{\"Name\":\"custom:tier\",\"Value\":" + quote(number % 10 == 0 ? "gold" : "standard")
                        + "}]}");
    }

    private void setPassword(String poolId, String username) {
        call(
                "AdminSetUserPassword",
                "{\"UserPoolId\":" + quote(poolId) + ",\"Username\":" + quote(username) + ",\"Password\":"
                        + quote(PASSWORD) + ",\"Permanent\":true}");
    }

    private Map<String, Object> call(String action, String body) {
        return InProcess.call(this.emulator, action, body);
    }

    private static double millis(Histogram histogram, double percentile) {
        return round(histogram.getValueAtPercentile(percentile) / 1e6);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** Used heap once garbage collection has nothing left to take: readings in a row that agree within 256 KiB. */
    private static long settledHeapUsed() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = -1;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(200);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (previous >= 0 && Math.abs(used - previous) < 256 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }
}
