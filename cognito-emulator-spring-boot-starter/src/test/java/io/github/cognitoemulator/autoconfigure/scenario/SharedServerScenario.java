package io.github.cognitoemulator.autoconfigure.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * The emulator as a shared development server, whatever the web stack: callers on other hosts are answered, and the
 * administrative calls of the AWS SDK must carry a valid signature of a configured access key, refused as AWS refuses
 * them otherwise; the public calls need none; the inbox is for callers on the server itself. Each subclass runs one
 * host application with {@link #REMOTE_ACCESS}, {@link #ACCESS_KEY_ID} and {@link #ACCESS_KEY_SECRET}; every call of the SDK here comes from {@link RemoteCaller#OTHER_HOST}.
 */
public abstract class SharedServerScenario {

    /** Remote callers allowed, with one access key: {@link #KEY_ID}. */
    public static final String REMOTE_ACCESS = "cognito.emulator.remote-access.allowed=true";

    /** The id of the configured access key. */
    public static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";

    /** Its secret. */
    public static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    /** The property that configures {@link #KEY_ID}. */
    public static final String ACCESS_KEY_ID = "cognito.emulator.remote-access.access-keys[0].id=" + KEY_ID;

    /** The property that configures {@link #SECRET}. */
    public static final String ACCESS_KEY_SECRET = "cognito.emulator.remote-access.access-keys[0].secret=" + SECRET;

    private static final String PASSWORD = "Passw0rd!x";

    @LocalServerPort
    private int port;

    @Test
    void theConfiguredKeySignsAdministrativeCallsFromAnotherHost() {
        try (CognitoIdentityProviderClient admin = cognito(credentials(KEY_ID, SECRET))) {
            String poolId = admin.createUserPool((request) -> request.poolName("shared"))
                    .userPool()
                    .id();

            assertThat(admin.describeUserPool((request) -> request.userPoolId(poolId))
                            .userPool()
                            .name())
                    .isEqualTo("shared");
        }
    }

    @Test
    void aWrongSecretIsAnInvalidSignature() {
        try (CognitoIdentityProviderClient cognito = cognito(credentials(KEY_ID, "not-the-secret"))) {
            assertThatExceptionOfType(CognitoIdentityProviderException.class)
                    .isThrownBy(() -> cognito.listUserPools((request) -> request.maxResults(10)))
                    .satisfies((error) -> {
                        assertThat(error.statusCode()).isEqualTo(400);
                        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                        assertThat(error.awsErrorDetails().errorMessage())
                                .isEqualTo("The request signature we calculated does not match the signature you"
                                        + " provided. Check your AWS Secret Access Key and signing method. Consult the"
                                        + " service documentation for details.");
                    });
        }
    }

    @Test
    void anUnknownKeyIsAnUnrecognizedClient() {
        try (CognitoIdentityProviderClient cognito = cognito(credentials("AKIAI44QH8DHBEXAMPLE", SECRET))) {
            assertThatExceptionOfType(CognitoIdentityProviderException.class)
                    .isThrownBy(() -> cognito.listUserPools((request) -> request.maxResults(10)))
                    .satisfies((error) -> {
                        assertThat(error.statusCode()).isEqualTo(400);
                        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                        assertThat(error.awsErrorDetails().errorMessage())
                                .isEqualTo("The security token included in the request is invalid.");
                    });
        }
    }

    @Test
    void anUnsignedAdministrativeCallMissesItsToken() {
        try (CognitoIdentityProviderClient cognito = cognito(AnonymousCredentialsProvider.create())) {
            assertThatExceptionOfType(CognitoIdentityProviderException.class)
                    .isThrownBy(() -> cognito.listUserPools((request) -> request.maxResults(10)))
                    .satisfies((error) -> {
                        assertThat(error.awsErrorDetails().errorCode())
                                .isEqualTo("MissingAuthenticationTokenException");
                        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Missing Authentication Token");
                    });
        }
    }

    @Test
    void publicCallsNeedNoSignatureAndIgnoreAnyCredentials() {
        try (CognitoIdentityProviderClient admin = cognito(credentials(KEY_ID, SECRET));
                CognitoIdentityProviderClient anonymous = cognito(AnonymousCredentialsProvider.create());
                CognitoIdentityProviderClient wrongKey = cognito(credentials("AKIAI44QH8DHBEXAMPLE", "x"))) {
            String poolId = admin.createUserPool((request) -> request.poolName("public-calls"))
                    .userPool()
                    .id();
            String clientId = admin.createUserPoolClient((request) -> request.userPoolId(poolId)
                            .clientName("app")
                            .explicitAuthFlows(
                                    ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                                    ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                    .userPoolClient()
                    .clientId();
            admin.adminCreateUser(
                    (request) -> request.userPoolId(poolId).username("dana").messageAction(MessageActionType.SUPPRESS));
            admin.adminSetUserPassword((request) -> request.userPoolId(poolId)
                    .username("dana")
                    .password(PASSWORD)
                    .permanent(true));

            String accessToken = anonymous
                    .initiateAuth((request) -> request.clientId(clientId)
                            .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                            .authParameters(Map.of("USERNAME", "dana", "PASSWORD", PASSWORD)))
                    .authenticationResult()
                    .accessToken();

            assertThat(anonymous
                            .getUser((request) -> request.accessToken(accessToken))
                            .username())
                    .isEqualTo("dana");
            // The AWS SDK for Java v2 sends InitiateAuth unsigned whatever its credentials; the refusal is Cognito's.
            assertThatExceptionOfType(NotAuthorizedException.class)
                    .isThrownBy(() -> wrongKey.initiateAuth((request) -> request.clientId(clientId)
                            .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                            .authParameters(Map.of("USERNAME", "dana", "PASSWORD", "wrong"))));
        }
    }

    @Test
    void theInboxIsForCallersOnTheServerOnly() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpRequest.Builder inbox = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + this.port + "/_emulator/messages"))
                .timeout(Duration.ofSeconds(30));

        HttpResponse<String> remote = http.send(
                inbox.copy()
                        .header(RemoteCaller.HEADER, RemoteCaller.OTHER_HOST)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> local = http.send(inbox.copy().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(remote.statusCode()).isEqualTo(403);
        assertThat(local.statusCode()).isEqualTo(200);
    }

    private static AwsCredentialsProvider credentials(String keyId, String secret) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret));
    }

    private CognitoIdentityProviderClient cognito(AwsCredentialsProvider credentials) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(URI.create("http://localhost:" + this.port + "/"))
                .region(Region.EU_WEST_1)
                .credentialsProvider(credentials)
                .overrideConfiguration((config) -> config.putHeader(RemoteCaller.HEADER, RemoteCaller.OTHER_HOST))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
