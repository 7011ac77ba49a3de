package io.github.cognitoemulator.bench;

import com.nimbusds.jose.jwk.RSAKey;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.token.RsaKeySource;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Shows whether expired state leaves the heap: abandoned USER_SRP_AUTH challenges and USER_PASSWORD_AUTH sign-ins
 * are held while they can still be used; once the clock has passed their expiry and the sweep's grace, a sweep
 * should give the heap back. Exits with status 1 when the heap after a sweep exceeds the baseline by more than the
 * tolerance, or when a sweep removes fewer records than were made. With several rounds it also prints how the heap
 * after each sweep compares with the first round's, which tells a fixed remainder from one that grows with the
 * load.
 *
 * <pre>{@code
 * java -Xmx2g -cp bench/target/benchmarks.jar io.github.cognitoemulator.bench.MemoryFootprint
 * }</pre>
 *
 * <p>Options: {@code --challenges=N}, {@code --sign-ins=N} (100,000 each by default), {@code --warm-up=N} (2,000 of
 * each), {@code --rounds=N} (1), {@code --threads=N} (2), {@code --tolerance-mib=N} (see {@link #TOLERANCE_MIB}).
 */
public final class MemoryFootprint {

    /**
     * How far the heap after the sweep may stay above the baseline, in MiB. Readings of the same state through the
     * memory bean after {@code System.gc()} differ by less than 0.3 MiB; anything kept for as little as 5 bytes per
     * record made, of the 200,000 a run makes, exceeds 1 MiB. A challenge holds about 3 KiB while it lasts and a
     * sign-in about 0.4 KiB.
     */
    static final double TOLERANCE_MIB = 1;

    private static final Instant START = Instant.parse("2024-03-05T09:07:02Z");

    private static final String PASSWORD = "Perm1234!";

    /**
     * Past every expiry of what the load makes, plus the sweep's grace of one hour: challenge sessions last 3
     * minutes; a sign-in is kept until its refresh token (60 minutes here) and the access and ID tokens a last
     * refresh could issue (60 minutes) have expired.
     */
    private static final Duration PAST_EVERY_EXPIRY = Duration.ofHours(3).plusMinutes(1);

    /** How many different SRP_A values the challenges take turns with, computed before the baseline. */
    private static final int SRP_A_VALUES = 256;

    private static final double MIB = 1024.0 * 1024.0;

    private final MovableClock clock = new MovableClock(START);

    private final CognitoEmulator emulator;

    private final String clientId;

    private final String[] srpA;

    private final ExecutorService workers;

    private final int threads;

    private MemoryFootprint(int threads) {
        this.threads = threads;
        this.workers = Executors.newFixedThreadPool(threads);
        List<RSAKey> keys = List.of(RsaKeySource.generate(), RsaKeySource.generate());
        AtomicInteger nextKey = new AtomicInteger();
        this.emulator = CognitoEmulator.builder()
                .clock(this.clock)
                .keySource(() -> keys.get(nextKey.getAndIncrement() % keys.size()))
                .build();
        String poolId =
                (String) map(call("CreateUserPool", "{\"PoolName\":\"memory\"}").get("UserPool"))
                        .get("Id");
        this.clientId = (String) map(call(
                                "CreateUserPoolClient",
                                "{\"UserPoolId\":\"" + poolId + "\",\"ClientName\":\"web\","
                                        + "\"ExplicitAuthFlows\":[\"ALLOW_USER_SRP_AUTH\","
                                        + "\"ALLOW_USER_PASSWORD_AUTH\",\"ALLOW_REFRESH_TOKEN_AUTH\"],"
                                        + "\"RefreshTokenValidity\":60,"
                                        + "\"TokenValidityUnits\":{\"RefreshToken\":\"minutes\"}}")
                        .get("UserPoolClient"))
                .get("ClientId");
        call(
                "AdminCreateUser",
                "{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"alice\",\"TemporaryPassword\":\"" + PASSWORD
                        + "\",\"MessageAction\":\"SUPPRESS\"}");
        call(
                "AdminSetUserPassword",
                "{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"alice\",\"Password\":\"" + PASSWORD
                        + "\",\"Permanent\":true}");
        SplittableRandom random = new SplittableRandom(42);
        this.srpA = new String[SRP_A_VALUES];
        for (int i = 0; i < this.srpA.length; i++) {
            byte[] secret = new byte[128];
            random.nextBytes(secret);
            this.srpA[i] = new SrpClient(secret).publicA();
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.printf(
                Locale.ROOT,
                "Java %s, %s, max heap %.0f MiB, %d processors, GC %s, JVM flags %s%n",
                Runtime.version(),
                System.getProperty("java.vm.name"),
                Runtime.getRuntime().maxMemory() / MIB,
                Runtime.getRuntime().availableProcessors(),
                String.join(
                        "+",
                        ManagementFactory.getGarbageCollectorMXBeans().stream()
                                .map(GarbageCollectorMXBean::getName)
                                .toList()),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(
                Locale.ROOT,
                "%,d abandoned SRP challenges and %,d sign-ins per round, %d round(s), %d threads, warm-up %,d of each%n",
                options.challenges,
                options.signIns,
                options.rounds,
                options.threads,
                options.warmUp);

        long started = System.nanoTime();
        MemoryFootprint footprint = new MemoryFootprint(options.threads);
        try {
            footprint.run(options.warmUp, footprint::challenge);
            footprint.run(options.warmUp, footprint::signIn);
            int warmUpRemoved = footprint.expireAndSweep();
            if (warmUpRemoved != 2 * options.warmUp) {
                throw new IllegalStateException(
                        "The warm-up sweep removed " + warmUpRemoved + " records, not " + 2 * options.warmUp);
            }
            long baseline = settledHeapUsed();
            System.out.printf(Locale.ROOT, "baseline after warm-up and its sweep: %.1f MiB%n", baseline / MIB);

            boolean passed = true;
            long firstAfterSweep = -1;
            List<String> rows = new ArrayList<>();
            for (int round = 1; round <= options.rounds; round++) {
                Duration challenges = footprint.run(options.challenges, footprint::challenge);
                long afterChallenges = settledHeapUsed();
                Duration signIns = footprint.run(options.signIns, footprint::signIn);
                long afterLoad = settledHeapUsed();
                int removed = footprint.expireAndSweep();
                long afterSweep = settledHeapUsed();
                if (firstAfterSweep < 0) {
                    firstAfterSweep = afterSweep;
                }
                long made = (long) options.challenges + options.signIns;
                double excess = (afterSweep - baseline) / MIB;
                boolean roundPassed = removed == made && excess <= options.toleranceMib;
                passed &= roundPassed;
                System.out.printf(
                        Locale.ROOT,
                        "round %d: challenges %.1f s (%.2f ms each on %d threads), sign-ins %.1f s (%.2f ms each),"
                                + " removed %,d of %,d%n",
                        round,
                        challenges.toMillis() / 1000.0,
                        perOperation(challenges, options.challenges, options.threads),
                        options.threads,
                        signIns.toMillis() / 1000.0,
                        perOperation(signIns, options.signIns, options.threads),
                        removed,
                        made);
                rows.add(String.format(
                        Locale.ROOT,
                        "| %d | %.1f | %.1f | %.1f | %.1f | %+.1f (%+.1f %%) | %+.1f | %,d | %s |",
                        round,
                        baseline / MIB,
                        afterChallenges / MIB,
                        afterLoad / MIB,
                        afterSweep / MIB,
                        excess,
                        100.0 * (afterSweep - baseline) / baseline,
                        (afterSweep - firstAfterSweep) / MIB,
                        removed,
                        roundPassed ? "yes" : "NO"));
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            System.out.println();
            System.out.println("Used heap after System.gc(), in MiB:");
            System.out.println();
            System.out.println("| Round | Baseline | After challenges | After challenges and sign-ins | After sweep"
                    + " | After sweep - baseline | After sweep - round 1's | Records removed | Within "
                    + options.toleranceMib + " MiB |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            rows.forEach(System.out::println);
            System.out.println();
            System.out.printf(Locale.ROOT, "wall time %d min %02d s%n", wall.toMinutes(), wall.toSecondsPart());
            System.out.println(passed ? "PASS" : "FAIL");
            if (!passed) {
                System.exit(1);
            }
        } finally {
            footprint.workers.shutdownNow();
        }
    }

    /** Moves the clock past every expiry and the grace, then sweeps. */
    private int expireAndSweep() {
        this.clock.advance(PAST_EVERY_EXPIRY);
        return this.emulator.sweepExpired();
    }

    /** Runs {@code operation} {@code count} times, spread over the workers' threads. */
    private Duration run(int count, IntConsumer operation) throws InterruptedException, ExecutionException {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < this.threads; t++) {
            running.add(this.workers.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    operation.accept(i);
                }
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** InitiateAuth USER_SRP_AUTH, whose PASSWORD_VERIFIER challenge is never answered. */
    private void challenge(int i) {
        String body = this.emulator
                .handle(
                        "InitiateAuth",
                        "{\"AuthFlow\":\"USER_SRP_AUTH\",\"ClientId\":\"" + this.clientId
                                + "\",\"AuthParameters\":{\"USERNAME\":\"alice\",\"SRP_A\":\""
                                + this.srpA[i % this.srpA.length] + "\"}}")
                .bodyAsString();
        if (!body.contains("\"PASSWORD_VERIFIER\"")) {
            throw new IllegalStateException("USER_SRP_AUTH failed: " + body);
        }
    }

    /** InitiateAuth USER_PASSWORD_AUTH, which signs in and leaves a refresh session. */
    private void signIn(int i) {
        String body = this.emulator
                .handle(
                        "InitiateAuth",
                        "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"" + this.clientId
                                + "\",\"AuthParameters\":{\"USERNAME\":\"alice\",\"PASSWORD\":\"" + PASSWORD + "\"}}")
                .bodyAsString();
        if (!body.contains("\"RefreshToken\"")) {
            throw new IllegalStateException("USER_PASSWORD_AUTH failed: " + body);
        }
    }

    /**
     * Used heap once garbage collection has nothing left to take: {@code System.gc()} until two readings in a row
     * agree within 256 KiB.
     */
    private static long settledHeapUsed() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long collectionsBefore = collections();
        long previous = -1;
        for (int attempt = 0; attempt < 10; attempt++) {
            System.gc();
            Thread.sleep(200);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (previous >= 0 && Math.abs(used - previous) < 256 * 1024) {
                previous = used;
                break;
            }
            previous = used;
        }
        if (collections() == collectionsBefore) {
            throw new IllegalStateException("System.gc() collected nothing: run without -XX:+DisableExplicitGC");
        }
        return previous;
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    private static double perOperation(Duration elapsed, int count, int threads) {
        return (count == 0) ? 0 : elapsed.toNanos() / 1e6 * threads / count;
    }

    private Map<String, Object> call(String action, String body) {
        return InProcess.call(this.emulator, action, body);
    }

    private static Map<String, Object> map(Object value) {
        return InProcess.map(value);
    }

    private record Options(int challenges, int signIns, int warmUp, int rounds, int threads, double toleranceMib) {

        static Options parse(String[] args) {
            int challenges = 100_000;
            int signIns = 100_000;
            int warmUp = 2_000;
            int rounds = 1;
            int threads = 2;
            double toleranceMib = TOLERANCE_MIB;
            for (String arg : args) {
                String[] parts = arg.split("=", 2);
                if (parts.length != 2) {
                    throw new IllegalArgumentException("Expected --name=value, got " + arg);
                }
                String value = parts[1].replace("_", "").replace(",", "");
                switch (parts[0]) {
                    case "--challenges" -> challenges = Integer.parseInt(value);
                    case "--sign-ins" -> signIns = Integer.parseInt(value);
                    case "--warm-up" -> warmUp = Integer.parseInt(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--tolerance-mib" -> toleranceMib = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("Unknown option " + parts[0]);
                }
            }
            return new Options(challenges, signIns, warmUp, rounds, threads, toleranceMib);
        }
    }
}
