package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CompromisedCredentialsEventActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventSourceName;
import software.amazon.awssdk.services.cognitoidentityprovider.model.FeatureUnavailableInTierException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LogConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LogLevel;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RiskConfigurationType;

/** The signing certificate, log delivery and threat protection settings of a pool. */
class PoolSecuritySettingsTests extends SignInUseCase {

    @Test
    void theSigningCertificateVerifiesThePoolsIdTokens() throws Exception {
        String poolId = createPool();
        AuthenticationResultType tokens = aliceSignedIn(poolId);

        String certificate = cognito()
                .getSigningCertificate((request) -> request.userPoolId(poolId))
                .certificate();

        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(certificate)));
        String[] jwt = tokens.idToken().split("\\.");
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(x509.getPublicKey());
        verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
    }

    @Test
    void theSigningCertificateOfAnUnknownPoolIsNotFound() {
        cognitoError(
                ResourceNotFoundException.class,
                () -> cognito().getSigningCertificate((request) -> request.userPoolId("us-east-1_missing00")));
    }

    @Test
    void logDeliveryIsKeptAndAnsweredBack() {
        String poolId = createPool();
        LogConfigurationType notifications = LogConfigurationType.builder()
                .eventSource(EventSourceName.USER_NOTIFICATION)
                .logLevel(LogLevel.ERROR)
                .cloudWatchLogsConfiguration(
                        (cloudWatch) -> cloudWatch.logGroupArn("arn:aws:logs:us-east-1:000000000000:log-group:cognito"))
                .build();

        cognito()
                .setLogDeliveryConfiguration(
                        (request) -> request.userPoolId(poolId).logConfigurations(notifications));

        assertThat(cognito()
                        .getLogDeliveryConfiguration((request) -> request.userPoolId(poolId))
                        .logDeliveryConfiguration()
                        .logConfigurations())
                .containsExactly(notifications);
    }

    @Test
    void userActivityLogsNeedThePlusPlan() {
        String poolId = createPool();

        cognitoError(
                FeatureUnavailableInTierException.class,
                () -> cognito()
                        .setLogDeliveryConfiguration((request) -> request.userPoolId(poolId)
                                .logConfigurations((log) -> log.eventSource(EventSourceName.USER_AUTH_EVENTS)
                                        .logLevel(LogLevel.INFO)
                                        .s3Configuration((s3) -> s3.bucketArn("arn:aws:s3:::logs")))));
    }

    @Test
    void riskConfigurationOfThePoolAppliesToClientsWithoutTheirOwn() {
        String poolId = createPool();
        String clientId = createPasswordClient(poolId);

        cognito()
                .setRiskConfiguration((request) -> request.userPoolId(poolId)
                        .compromisedCredentialsRiskConfiguration((compromised) -> compromised.actions(
                                (actions) -> actions.eventAction(CompromisedCredentialsEventActionType.BLOCK))));

        RiskConfigurationType forClient = cognito()
                .describeRiskConfiguration(
                        (request) -> request.userPoolId(poolId).clientId(clientId))
                .riskConfiguration();
        assertThat(forClient.userPoolId()).isEqualTo(poolId);
        assertThat(forClient.compromisedCredentialsRiskConfiguration().actions().eventAction())
                .isEqualTo(CompromisedCredentialsEventActionType.BLOCK);
        assertThat(forClient.lastModifiedDate()).isNotNull();
    }

    @Test
    void riskConfigurationOfAnUnknownClientIsNotFound() {
        String poolId = createPool();

        ResourceNotFoundException error = cognitoError(
                ResourceNotFoundException.class,
                () -> cognito()
                        .describeRiskConfiguration(
                                (request) -> request.userPoolId(poolId).clientId("nosuchclient0000000000000a")));

        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("User pool client nosuchclient0000000000000a does not exist.");
    }
}
