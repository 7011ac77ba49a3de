package io.github.cognitoemulator.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigningCertificateActionsTest {

    private final SignInFixture fixture = SignInFixture.create();

    private X509Certificate certificate(String poolId) throws Exception {
        Reply reply = this.fixture.call("GetSigningCertificate", Map.of("UserPoolId", poolId));
        assertThat(reply.json()).containsOnlyKeys("Certificate");
        byte[] der = Base64.getDecoder().decode(reply.string("Certificate"));
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    @Test
    void theCertificatesKeyVerifiesTheIdTokensOfThePool() throws Exception {
        String poolId = this.fixture.createPool();
        SignInFixture.AppClient client = this.fixture.createPasswordClient(poolId);
        this.fixture.createConfirmedUser(poolId, "alice", SignInFixture.OTHER_PASSWORD);
        SignInFixture.Tokens tokens =
                SignInFixture.tokens(this.fixture.signIn(client.id(), "alice", SignInFixture.OTHER_PASSWORD));

        X509Certificate certificate = certificate(poolId);

        RSASSAVerifier verifier = new RSASSAVerifier((RSAPublicKey) certificate.getPublicKey());
        assertThat(SignedJWT.parse(tokens.idToken()).verify(verifier)).isTrue();
        assertThat(SignedJWT.parse(tokens.accessToken()).verify(verifier)).isFalse();
    }

    @Test
    void theCertificateIsSelfSignedForThePoolAndTenYearsLong() throws Exception {
        String poolId = this.fixture.createPool();

        X509Certificate certificate = certificate(poolId);

        certificate.verify(certificate.getPublicKey());
        certificate.checkValidity(java.util.Date.from(SignInFixture.START.plusSeconds(1)));
        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=" + poolId);
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(SignInFixture.START);
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Instant.parse("2034-03-05T09:07:02Z"));
        assertThat(certificate.getSerialNumber().signum()).isEqualTo(1);
    }

    @Test
    void theSameCertificateIsAnsweredEachTime() {
        String poolId = this.fixture.createPool();

        Reply first = this.fixture.call("GetSigningCertificate", Map.of("UserPoolId", poolId));
        Reply second = this.fixture.call("GetSigningCertificate", Map.of("UserPoolId", poolId));

        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void anUnknownPoolIsNotFound() {
        assertThat(this.fixture
                        .call("GetSigningCertificate", Map.of("UserPoolId", "us-east-1_missing00"))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_missing00 does not exist.");
    }

    @Test
    void timesFrom2050AreGeneralizedTime() {
        assertThat(SigningCertificate.time(Instant.parse("2049-12-31T23:59:59Z").atZone(ZoneOffset.UTC)))
                .isEqualTo(SigningCertificate.tlv(0x17, "491231235959Z".getBytes()));
        assertThat(SigningCertificate.time(Instant.parse("2050-01-01T00:00:00Z").atZone(ZoneOffset.UTC)))
                .isEqualTo(SigningCertificate.tlv(0x18, "20500101000000Z".getBytes()));
    }

    @Test
    void lengthsTakeTheShortFormBelow128AndTheLongFormFrom128() {
        assertThat(SigningCertificate.tlv(0x04, new byte[127])).startsWith(0x04, 127);
        assertThat(SigningCertificate.tlv(0x04, new byte[128]))
                .startsWith(0x04, 0x81, 0x80)
                .hasSize(131);
        assertThat(SigningCertificate.tlv(0x04, new byte[256]))
                .startsWith(0x04, 0x82, 0x01, 0x00)
                .hasSize(260);
    }

    @Test
    void serialNumbersArePositiveSixteenBytesFromTheKeyId() throws Exception {
        BigInteger serial = SigningCertificate.serialNumber("kid");

        assertThat(serial.signum()).isEqualTo(1);
        assertThat(serial.bitLength()).isLessThanOrEqualTo(128);
        assertThat(serial).isNotEqualTo(SigningCertificate.serialNumber("other"));
        // The first sixteen bytes of SHA-256("kid").
        assertThat(serial.toString(16)).isEqualTo("5c77d7fd8f51ed0c2a913e46326ff6d2");
    }

    @Test
    void aKeyWithoutItsPrivatePartCannotSign() throws Exception {
        RSAKey key = ReusableKeysHolder.KEY;
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> SigningCertificate.der(key.toPublicJWK(), "x", SignInFixture.START))
                .isInstanceOf(RuntimeException.class);
    }

    /** One key, generated once for the tests that need a bare key. */
    private static final class ReusableKeysHolder {
        static final RSAKey KEY = RsaKeySource.generating().next();
    }
}
