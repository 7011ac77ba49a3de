package io.github.cognitoemulator.core.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * A self-signed X.509 certificate for a pool's signing key, written in DER by hand: the JDK can read certificates but
 * offers no public API to make one, and one fixed layout is all GetSigningCertificate needs.
 *
 * <p>The certificate is the same at every call for the same key: its serial number comes from the key id, its
 * validity from the pool's creation, and RSA PKCS #1 v1.5 signatures are deterministic.
 */
final class SigningCertificate {

    /** How long the certificate is valid, as Cognito's signing certificates are: ten years. */
    static final int VALIDITY_YEARS = 10;

    /** {@code AlgorithmIdentifier} of sha256WithRSAEncryption (1.2.840.113549.1.1.11) with NULL parameters. */
    private static final byte[] SHA256_WITH_RSA = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00
    };

    /** The attribute type commonName (2.5.4.3). */
    private static final byte[] COMMON_NAME = {0x06, 0x03, 0x55, 0x04, 0x03};

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

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
            byte[] name = sequence(set(sequence(COMMON_NAME, tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
            ZonedDateTime start = notBefore.atZone(ZoneOffset.UTC);
            byte[] tbs = sequence(
                    tlv(0xa0, integer(BigInteger.valueOf(2))),
                    integer(serialNumber(key.getKeyID())),
                    SHA256_WITH_RSA,
                    name,
                    sequence(time(start), time(start.plusYears(VALIDITY_YEARS))),
                    name,
                    key.toRSAPublicKey().getEncoded());
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key.toRSAPrivateKey());
            signer.update(tbs);
            byte[] signature = signer.sign();
            byte[] bitString = new byte[signature.length + 1];
            System.arraycopy(signature, 0, bitString, 1, signature.length);
            return sequence(tbs, SHA256_WITH_RSA, tlv(0x03, bitString));
        } catch (GeneralSecurityException | JOSEException ex) {
            throw new IllegalStateException("Cannot sign a certificate with the pool's key", ex);
        }
    }

    /** A positive serial number of 16 bytes drawn from the key id, so that each key has its own. */
    static BigInteger serialNumber(String keyId) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyId.getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, Arrays.copyOf(digest, 16));
    }

    /** UTCTime up to 2049 and GeneralizedTime from 2050, as RFC 5280 section 4.1.2.5 requires. */
    static byte[] time(ZonedDateTime time) {
        return (time.getYear() < 2050)
                ? tlv(0x17, UTC_TIME.format(time).getBytes(StandardCharsets.US_ASCII))
                : tlv(0x18, GENERALIZED_TIME.format(time).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] set(byte[]... items) {
        return tlv(0x31, concat(items));
    }

    private static byte[] sequence(byte[]... items) {
        return tlv(0x30, concat(items));
    }

    /** A DER tag-length-value; lengths of 128 and more take the long form. */
    static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] lengthBytes = BigInteger.valueOf(length).toByteArray();
            int skip = (lengthBytes[0] == 0) ? 1 : 0;
            out.write(0x80 | (lengthBytes.length - skip));
            out.write(lengthBytes, skip, lengthBytes.length - skip);
        }
        out.write(value, 0, value.length);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }
}
