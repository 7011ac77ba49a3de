package io.github.cognitoemulator.core;

import com.nimbusds.jose.jwk.RSAKey;
import io.github.cognitoemulator.core.token.RsaKeySource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * RSA keys generated once for the whole test run and handed out again to every emulator. Generating a key costs a
 * few hundred milliseconds; within one emulator every key is still distinct, so each pool has its own two keys.
 */
public final class ReusableRsaKeys {

    private static final List<RSAKey> KEYS = new ArrayList<>();

    private ReusableRsaKeys() {}

    /** A source that hands out the shared keys in order, generating a key only the first time it is needed. */
    public static RsaKeySource source() {
        AtomicInteger next = new AtomicInteger();
        return () -> key(next.getAndIncrement());
    }

    private static RSAKey key(int index) {
        synchronized (KEYS) {
            while (KEYS.size() <= index) {
                KEYS.add(RsaKeySource.generate());
            }
            return KEYS.get(index);
        }
    }
}
