package io.github.cognitoemulator.core.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed X.509 certificate for a pool's signing key, built with Bouncy Castle: the JDK can read certificates
 * but offers no public API to make one.
 *
 * <p>The certificate is the same at every call for the same key: its serial number comes from the key id, its
 * validity from the pool's creation (to the second, as X.509 times carry no fraction here), and RSA PKCS #1 v1.5
 * signatures are deterministic. Times up to 2049 are UTCTime and later ones GeneralizedTime, as RFC 5280 requires.
 */
final class SigningCertificate {

    /** How long the certificate is valid, as Cognito's signing certificates are: ten years. */
    static final int VALIDITY_YEARS = 10;

    private SigningCertificate() {}

    /**
     * The DER encoding of a certificate for {@code key}, issued to and by {@code CN=<commonName>}.
     *
     * @param key the signing key, private part included
     * @param commonName the subject and issuer common name
     * @param notBefore the start of the validity period
     */
    static byte[] der(RSAKey key, String commonName, Instant notBefore) {
        try {
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, commonName)
                    .build();
            Instant notAfter =
                    notBefore.atZone(ZoneOffset.UTC).plusYears(VALIDITY_YEARS).toInstant();
            X509v3CertificateBuilder certificate = new JcaX509v3CertificateBuilder(
                    name,
                    serialNumber(key.getKeyID()),
                    Date.from(notBefore),
                    Date.from(notAfter),
                    name,
                    key.toRSAPublicKey());
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(key.toRSAPrivateKey());
            return certificate.build(signer).getEncoded();
        } catch (GeneralSecurityException | JOSEException | OperatorCreationException | IOException ex) {
            throw new IllegalStateException("Cannot sign a certificate with the pool's key", ex);
        }
    }

    /** A positive serial number of 16 bytes drawn from the key id, so that each key has its own. */
    static BigInteger serialNumber(String keyId) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyId.getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, Arrays.copyOf(digest, 16));
    }
}
