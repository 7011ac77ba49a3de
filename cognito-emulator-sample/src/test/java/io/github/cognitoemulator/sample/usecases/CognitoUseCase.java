package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every use case shares: the sample application started once with only the {@code dev} profile (so the
 * emulator must switch itself on from the profile alone), and the real AWS SDK pointed at it.
 *
 * <p>The application's API trusts the access tokens of its own pool and app client only, which the {@code dev} profile
 * seeds ({@code us-east-1_Sample123}, with the users {@code alice} and {@code bob}).
 *
 * <p>Every subclass keeps exactly these annotations so that Spring reuses one application context for the whole
 * run. Tests never clean up; each one works in pools it created itself, so they cannot see each other's data.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
abstract class CognitoUseCase {

    /** The pattern of a user {@code sub}: any UUID, since newer pools no longer issue version 4 ones. */
    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** A password that satisfies Cognito's default policy. */
    static final String STRONG_PASSWORD = "Str0ng!Passw0rd";

    private static final Map<String, CognitoIdentityProviderClient> CLIENTS = new ConcurrentHashMap<>();

    private static final AtomicInteger NAMES = new AtomicInteger();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    /** The SDK client for {@code us-east-1}, the region these tests expect. */
    CognitoIdentityProviderClient cognito() {
        return cognito(Region.US_EAST_1);
    }

    /** An SDK client signing its requests for {@code region}. */
    CognitoIdentityProviderClient cognito(Region region) {
        // Clients are cached because building one costs more than most of the calls made with it.
        return CLIENTS.computeIfAbsent(
                this.port + "/" + region.id(),
                (key) -> CognitoIdentityProviderClient.builder()
                        .endpointOverride(URI.create("http://localhost:" + this.port))
                        .region(region)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                        .httpClient(UrlConnectionHttpClient.create())
                        // A retried call would hide whether the emulator answered the first attempt correctly.
                        .overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                        .build());
    }

    /** A name no other test uses, so tests sharing the emulator never collide. */
    static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    }

    /** Creates a pool with Cognito's defaults and returns its id. */
    String createPool() {
        return createPool((request) -> {}).id();
    }

    /** Creates a pool with a fresh name, after {@code customizer} has set what the test needs. */
    UserPoolType createPool(Consumer<CreateUserPoolRequest.Builder> customizer) {
        return cognito()
                .createUserPool((request) -> customizer.accept(request.poolName(unique("pool"))))
                .userPool();
    }

    /** Creates a user without sending an invitation. */
    UserType createUser(String poolId, String username, AttributeType... attributes) {
        return cognito()
                .adminCreateUser((request) -> request.userPoolId(poolId)
                        .username(username)
                        .messageAction(MessageActionType.SUPPRESS)
                        .userAttributes(attributes))
                .user();
    }

    static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    /** A mutable custom string attribute, as it is declared in a pool's {@code Schema} (without its prefix). */
    static SchemaAttributeType customString(String name) {
        return SchemaAttributeType.builder()
                .name(name)
                .attributeDataType(AttributeDataType.STRING)
                .mutable(true)
                .build();
    }

    /** A user's attributes by name, for assertions that should not depend on their order. */
    static Map<String, String> attributes(List<AttributeType> attributes) {
        return attributes.stream().collect(Collectors.toMap(AttributeType::name, AttributeType::value));
    }

    /** The attributes of a user, read back with AdminGetUser. */
    Map<String, String> attributesOf(String poolId, String username) {
        return attributes(cognito()
                .adminGetUser((request) -> request.userPoolId(poolId).username(username))
                .userAttributes());
    }

    /**
     * Runs a call expected to fail, checks that it failed the way Cognito fails (HTTP 400 and the exception's name
     * as error code), and returns the exception for the test to check its message.
     */
    static <T extends CognitoIdentityProviderException> T cognitoError(Class<T> type, ThrowingCallable call) {
        T error = catchThrowableOfType(type, call);
        assertThat(error).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(type.getSimpleName());
        return error;
    }

    /**
     * Sends a raw JSON 1.1 call, to see exactly what goes over the wire. It carries a SigV4 {@code Authorization}
     * header, as the SDKs send with administrative actions; the emulator requires one but never checks it.
     */
    HttpResponse<String> post(String action, String body) {
        return send(rawCall(action, body)
                .header(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/cognito-idp/aws4_request, "
                                + "SignedHeaders=host;x-amz-target, Signature=0")
                .build());
    }

    /** Sends a raw, unsigned JSON 1.1 call, the way a browser SDK calls the actions that need no signature. */
    HttpResponse<String> postUnsigned(String action, String body) {
        return send(rawCall(action, body).build());
    }

    private HttpRequest.Builder rawCall(String action, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + action)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Sends a raw GET to the application. */
    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
                .GET()
                .build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
