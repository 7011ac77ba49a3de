package io.github.cognitoemulator.core.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the emulator's own RSA signatures and keys come from: the Amazon Corretto Crypto Provider (AWS-LC, about three
 * times the JDK's RSA signatures per second and a fifth of its key generation time) when the application has it on the
 * class path and its native library loads on this platform, the JDK's providers otherwise.
 *
 * <p>The native provider is only ever passed to the JCA calls made here ({@code getInstance(algorithm, provider)}); it
 * is never installed as a JVM-wide provider, so the host application's own cryptography is untouched.
 */
final class SigningProvider {

    /** The native provider's class, present when the application depends on it. */
    static final String NATIVE_PROVIDER_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

    private static final Logger LOG = LoggerFactory.getLogger(SigningProvider.class);

    private final @Nullable Provider provider;

    SigningProvider(@Nullable Provider provider) {
        this.provider = provider;
    }

    /**
     * The native provider when it is available, the JDK's otherwise. Looked for on first use, which is the first
     * key generation (off the request path) or signature, so that loading a native library never slows the
     * application's start.
     */
    static SigningProvider get() {
        return Shared.INSTANCE;
    }

    /** Holds the provider until it is first asked for. */
    private static final class Shared {

        static final SigningProvider INSTANCE = new SigningProvider(load(NATIVE_PROVIDER_CLASS));
    }

    /**
     * The provider instance of {@code className}, or {@code null} when the class is absent or its native code cannot
     * run here (another operating system or architecture, a missing C library).
     */
    static @Nullable Provider load(String className) {
        try {
            Class<?> type = Class.forName(className, true, SigningProvider.class.getClassLoader());
            Provider provider = (Provider) type.getField("INSTANCE").get(null);
            // Throws when the native library did not load or failed its self-tests.
            type.getMethod("assertHealthy").invoke(provider);
            LOG.debug("Signing tokens and generating keys with {}", provider.getName());
            return provider;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException ex) {
            LOG.debug("Signing tokens and generating keys with the JDK's providers: {} is not usable", className, ex);
            return null;
        }
    }

    /** The native provider in use, or {@code null} when the JDK's providers are used. */
    @Nullable
    Provider provider() {
        return this.provider;
    }

    /** A generator of RSA key pairs. */
    KeyPairGenerator rsaKeyPairGenerator() throws NoSuchAlgorithmException {
        return (this.provider != null)
                ? KeyPairGenerator.getInstance("RSA", this.provider)
                : KeyPairGenerator.getInstance("RSA");
    }

    /**
     * A signer with {@code key}'s private part. Made once per key: turning a JWK into a private key costs more than a
     * signature, and the signer can be shared by threads (it takes a new {@code Signature} for each token).
     */
    JWSSigner signer(RSAKey key) {
        try {
            PrivateKey privateKey = key.toPrivateKey();
            if (this.provider == null) {
                return new RSASSASigner(privateKey);
            }
            // Translated once into the provider's own key, which it would otherwise convert for every signature.
            PrivateKey translated =
                    (PrivateKey) KeyFactory.getInstance("RSA", this.provider).translateKey(privateKey);
            RSASSASigner signer = new RSASSASigner(translated);
            signer.getJCAContext().setProvider(this.provider);
            return signer;
        } catch (JOSEException | GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot sign with key " + key.getKeyID(), ex);
        }
    }
}
