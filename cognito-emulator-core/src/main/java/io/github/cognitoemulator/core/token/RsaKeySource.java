package io.github.cognitoemulator.core.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/** Supplies fresh RSA-2048 signing keys, each with a Cognito-style key id. */
@FunctionalInterface
public interface RsaKeySource {

    /** A new key pair, private part included. */
    RSAKey next();

    /** Says that keys will soon be needed, so a source that prepares them ahead can start; by default nothing. */
    default void expectDemand() {}

    /** Generates every key on demand, on the calling thread. */
    static RsaKeySource generating() {
        return RsaKeySource::generate;
    }

    /**
     * A new RSA-2048 key whose id is, as in Cognito, the standard base64 of a SHA-256 digest (44 characters), made
     * with the {@link SigningProvider}.
     */
    static RSAKey generate() {
        try {
            KeyPairGenerator generator = SigningProvider.get().rsaKeyPairGenerator();
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
            String kid =
                    Base64.getEncoder().encodeToString(key.computeThumbprint().decode());
            return new RSAKey.Builder(key).keyID(kid).build();
        } catch (NoSuchAlgorithmException | JOSEException ex) {
            throw new IllegalStateException("Cannot generate an RSA key", ex);
        }
    }
}
