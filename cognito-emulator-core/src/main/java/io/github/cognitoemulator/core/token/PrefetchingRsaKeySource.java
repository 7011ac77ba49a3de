package io.github.cognitoemulator.core.token;

import com.nimbusds.jose.jwk.RSAKey;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Keeps a few RSA keys generated ahead of need on a background daemon thread, once demand is expected. Generating a
 * 2048-bit key takes a few hundred milliseconds; doing it ahead, after a pool is created, keeps that cost off
 * application start-up, CreateUserPool and a pool's first sign-in. When the buffer is empty the caller generates its
 * own key.
 */
public final class PrefetchingRsaKeySource implements RsaKeySource {

    private final BlockingQueue<RSAKey> ready;

    private final AtomicBoolean filling = new AtomicBoolean();

    private final Supplier<RSAKey> generator;

    /** @param capacity how many keys to keep ready */
    public PrefetchingRsaKeySource(int capacity) {
        this(capacity, RsaKeySource::generate);
    }

    /**
     * @param capacity how many keys to keep ready
     * @param generator makes one key, on the background thread or on the caller's
     */
    PrefetchingRsaKeySource(int capacity, Supplier<RSAKey> generator) {
        this.ready = new ArrayBlockingQueue<>(capacity);
        this.generator = generator;
    }

    /** Starts filling the buffer in the background; returns at once. */
    @Override
    public void expectDemand() {
        refill();
    }

    @Override
    public RSAKey next() {
        RSAKey key = this.ready.poll();
        refill();
        return (key != null) ? key : this.generator.get();
    }

    private void refill() {
        if (this.ready.remainingCapacity() == 0 || !this.filling.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(
                () -> {
                    try {
                        while (this.ready.remainingCapacity() > 0) {
                            this.ready.offer(this.generator.get());
                        }
                    } finally {
                        this.filling.set(false);
                    }
                },
                "cognito-emulator-keys");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }
}
