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
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Certificate;
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
    void validityTimesAreUtcTimeUpTo2049AndGeneralizedTimeFrom2050() throws Exception {
        RSAKey key = ReusableKeysHolder.KEY;

        Certificate early = Certificate.getInstance(
                SigningCertificate.der(key, "early", Instant.parse("2039-12-31T23:59:59.999Z")));
        Certificate late =
                Certificate.getInstance(SigningCertificate.der(key, "late", Instant.parse("2040-01-01T00:00:00Z")));

        assertThat(early.getStartDate().toASN1Primitive()).isInstanceOf(ASN1UTCTime.class);
        assertThat(early.getEndDate().toASN1Primitive()).isInstanceOf(ASN1UTCTime.class);
        assertThat(((ASN1UTCTime) early.getEndDate().toASN1Primitive()).getTime())
                .isEqualTo("491231235959GMT+00:00");
        assertThat(late.getStartDate().toASN1Primitive()).isInstanceOf(ASN1UTCTime.class);
        assertThat(late.getEndDate().toASN1Primitive()).isInstanceOf(ASN1GeneralizedTime.class);
        assertThat(((ASN1GeneralizedTime) late.getEndDate().toASN1Primitive()).getTimeString())
                .isEqualTo("20500101000000Z");
    }

    @Test
    void theNamesAreUtf8CommonNamesAndTheCertificateHasNoExtensions() throws Exception {
        Certificate certificate = Certificate.getInstance(
                SigningCertificate.der(ReusableKeysHolder.KEY, "eu-west-1_Pool", Instant.EPOCH));

        RDN[] subject = certificate.getSubject().getRDNs();
        assertThat(subject).hasSize(1);
        assertThat(subject[0].getFirst().getType()).isEqualTo(BCStyle.CN);
        assertThat(subject[0].getFirst().getValue()).isInstanceOf(DERUTF8String.class);
        assertThat(subject[0].getFirst().getValue().toString()).isEqualTo("eu-west-1_Pool");
        assertThat(certificate.getIssuer()).isEqualTo(certificate.getSubject());
        assertThat(certificate.getTBSCertificate().getExtensions()).isNull();
        assertThat(certificate.getSerialNumber().getValue())
                .isEqualTo(SigningCertificate.serialNumber(ReusableKeysHolder.KEY.getKeyID()));
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
