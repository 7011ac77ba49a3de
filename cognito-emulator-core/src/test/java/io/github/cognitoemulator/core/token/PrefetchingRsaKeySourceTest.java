package io.github.cognitoemulator.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.github.cognitoemulator.core.ReusableRsaKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The key source that generates keys ahead of need. Its generator is replaced by one that records where it runs, so
 * that what happens on the background thread and what on the caller's is checked without depending on timing.
 */
class PrefetchingRsaKeySourceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private static final RSAKey BASE = ReusableRsaKeys.source().next();

    @Test
    void expectedDemandFillsTheBufferToItsCapacityOnALowPriorityDaemonThread() throws InterruptedException {
        RecordingGenerator generator = new RecordingGenerator();
        PrefetchingRsaKeySource source = new PrefetchingRsaKeySource(3, generator);

        source.expectDemand();

        generator.awaitIdle(3);
        assertThat(generator.made()).isEqualTo(3);
        assertThat(generator.callers.keySet()).singleElement().satisfies((thread) -> {
            assertThat(thread.getName()).isEqualTo("cognito-emulator-keys");
            assertThat(generator.callers.get(thread)).isEqualTo("daemon, priority " + Thread.MIN_PRIORITY);
        });
    }

    @Test
    void aFullBufferGeneratesNothingMore() throws InterruptedException {
        RecordingGenerator generator = new RecordingGenerator();
        PrefetchingRsaKeySource source = new PrefetchingRsaKeySource(2, generator);
        source.expectDemand();
        generator.awaitIdle(2);

        source.expectDemand();
        source.expectDemand();

        Thread.sleep(100);
        assertThat(generator.made()).isEqualTo(2);
        assertThat(generator.callers).hasSize(1);
    }

    @Test
    void nextHandsOutTheOldestPrefetchedKeyAndRefillsItsPlaceInTheBackground() throws InterruptedException {
        RecordingGenerator generator = new RecordingGenerator();
        PrefetchingRsaKeySource source = new PrefetchingRsaKeySource(2, generator);
        source.expectDemand();
        generator.awaitIdle(2);

        RSAKey first = source.next();
        generator.awaitIdle(3);
        RSAKey second = source.next();
        generator.awaitIdle(4);

        assertThat(first.getKeyID()).isEqualTo("key-1");
        assertThat(second.getKeyID()).isEqualTo("key-2");
        assertThat(generator.callers).doesNotContainKey(Thread.currentThread());
    }

    @Test
    void anEmptyBufferMakesTheCallerGenerateItsOwnKeyWhileOneThreadRefills() throws InterruptedException {
        RecordingGenerator generator = new RecordingGenerator();
        generator.holdBackground();
        PrefetchingRsaKeySource source = new PrefetchingRsaKeySource(1, generator);

        RSAKey first = source.next();
        RSAKey second = source.next();

        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(generator.madeBy(Thread.currentThread()))
                .containsExactlyInAnyOrder(first.getKeyID(), second.getKeyID());
        generator.releaseBackground();
        generator.awaitIdle(3);
        // The second call found a filler already running and started no other.
        assertThat(generator.callers).hasSize(2);
        assertThat(source.next().getKeyID()).isNotIn(first.getKeyID(), second.getKeyID());
    }

    @Test
    void keysAreRs256SigningKeysWithCognitoStyleKeyIds() throws Exception {
        PrefetchingRsaKeySource source = new PrefetchingRsaKeySource(1);
        source.expectDemand();

        RSAKey key = source.next();
        RSAKey other = source.next();

        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(key.size()).isEqualTo(2048);
        // Cognito's kids are the standard base64 of a SHA-256 digest: 44 characters ending in '='.
        assertThat(key.getKeyID())
                .hasSize(44)
                .matches("[A-Za-z0-9+/]{43}=")
                .isEqualTo(Base64.getEncoder()
                        .encodeToString(key.computeThumbprint().decode()));
        assertThat(other.getKeyID()).isNotEqualTo(key.getKeyID());
        JWSObject signed = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), new Payload("{}"));
        signed.sign(new RSASSASigner(key));
        assertThat(signed.verify(new RSASSAVerifier(key.toPublicJWK()))).isTrue();
        assertThat(signed.verify(new RSASSAVerifier(other.toPublicJWK()))).isFalse();
    }

    /** Hands out cheap copies of one key, named in order, and records the threads that asked for them. */
    private static final class RecordingGenerator implements Supplier<RSAKey> {

        /** Each thread that generated, with whether it is a daemon and its priority. */
        final Map<Thread, String> callers = new ConcurrentHashMap<>();

        private final Map<String, Thread> madeOn = new ConcurrentHashMap<>();

        private final AtomicInteger count = new AtomicInteger();

        private volatile CountDownLatch backgroundGate = new CountDownLatch(0);

        @Override
        public RSAKey get() {
            Thread current = Thread.currentThread();
            this.callers.putIfAbsent(
                    current, (current.isDaemon() ? "daemon" : "user") + ", priority " + current.getPriority());
            if (current.getName().equals("cognito-emulator-keys")) {
                try {
                    this.backgroundGate.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
            String kid = "key-" + this.count.incrementAndGet();
            this.madeOn.put(kid, current);
            return new RSAKey.Builder(BASE).keyID(kid).build();
        }

        int made() {
            return this.count.get();
        }

        Set<String> madeBy(Thread thread) {
            Set<String> kids = ConcurrentHashMap.newKeySet();
            this.madeOn.forEach((kid, on) -> {
                if (on == thread) {
                    kids.add(kid);
                }
            });
            return kids;
        }

        void holdBackground() {
            this.backgroundGate = new CountDownLatch(1);
        }

        void releaseBackground() {
            this.backgroundGate.countDown();
        }

        /** Waits until {@code expected} keys were made and every background thread has ended. */
        void awaitIdle(int expected) throws InterruptedException {
            Instant deadline = Instant.now().plus(PATIENCE);
            while (this.count.get() < expected && Instant.now().isBefore(deadline)) {
                Thread.sleep(5);
            }
            for (Thread thread : this.callers.keySet()) {
                if (thread != Thread.currentThread()) {
                    thread.join(PATIENCE.toMillis());
                    assertThat(thread.isAlive())
                            .as("the filler ends once the buffer is full")
                            .isFalse();
                }
            }
            assertThat(this.count.get()).isEqualTo(expected);
        }
    }
}
