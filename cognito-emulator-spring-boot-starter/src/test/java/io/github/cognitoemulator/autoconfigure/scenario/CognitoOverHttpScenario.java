package io.github.cognitoemulator.autoconfigure.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/**
 * What an application with the starter serves over real HTTP, whatever its web stack: each subclass starts one host
 * application (servlet or reactive) with the {@code dev} profile on a random port, and the same tests run against it.
 * The host application must answer {@code POST /} with {@value #HOST_ANSWER_PREFIX} and the body it received.
 */
public abstract class CognitoOverHttpScenario {

    /** How the host application answers a {@code POST /} that is not the emulator's. */
    public static final String HOST_ANSWER_PREFIX = "host application received: ";

    private static final String PASSWORD = "Passw0rd!x";

    // HTTP/1.1: the client's default offer to upgrade a plain connection to HTTP/2 can leave a POST that opens a
    // connection unanswered by Netty; and time-outs, so that a request left unanswered fails rather than blocks.
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @LocalServerPort
    private int port;

    @Test
    void theAwsSdkCreatesAPoolAClientAndAUserWhoSignsInAndReadsHimself() {
        try (CognitoIdentityProviderClient cognito = cognito()) {
            SignedIn alice = signUpAndSignIn(cognito, "alice");

            GetUserResponse user = cognito.getUser((request) -> request.accessToken(alice.accessToken()));

            assertThat(alice.poolId()).startsWith("eu-west-1_");
            assertThat(user.username()).isEqualTo("alice");
            assertThat(claim(alice.accessToken(), "$.username")).isEqualTo("alice");
        }
    }

    @Test
    void theAwsSdkGetsCognitosErrors() {
        try (CognitoIdentityProviderClient cognito = cognito()) {
            assertThatExceptionOfType(ResourceNotFoundException.class)
                    .isThrownBy(() -> cognito.describeUserPool((request) -> request.userPoolId("eu-west-1_nosuchpool")))
                    .satisfies((error) -> {
                        assertThat(error.statusCode()).isEqualTo(400);
                        assertThat(error.awsErrorDetails().errorMessage())
                                .isEqualTo("User pool eu-west-1_nosuchpool does not exist.");
                    });
        }
    }

    @Test
    void theDiscoveryDocumentNamesTheIssuerOfTheTokensAndTheKeySetHoldsTheirKey() throws Exception {
        try (CognitoIdentityProviderClient cognito = cognito()) {
            SignedIn bob = signUpAndSignIn(cognito, "bob");
            String iss = claim(bob.accessToken(), "$.iss");

            HttpResponse<String> discovery = get("/" + bob.poolId() + "/.well-known/openid-configuration");
            HttpResponse<String> keys = get("/" + bob.poolId() + "/.well-known/jwks.json");

            assertThat(iss).isEqualTo("http://localhost:" + this.port + "/" + bob.poolId());
            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(discovery.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue("*");
            assertThat(JsonPath.<String>read(discovery.body(), "$.issuer")).isEqualTo(iss);
            assertThat(JsonPath.<String>read(discovery.body(), "$.jwks_uri")).isEqualTo(iss + "/.well-known/jwks.json");
            assertThat(keys.statusCode()).isEqualTo(200);
            assertThat(JsonPath.<java.util.List<String>>read(keys.body(), "$.keys[*].kid"))
                    .contains(header(bob.accessToken(), "$.kid"));
        }
    }

    @Test
    void aSignInThroughAnotherHostNameGetsTheSameIssuer() {
        try (CognitoIdentityProviderClient cognito = cognito(URI.create("http://127.0.0.1:" + this.port + "/"))) {
            SignedIn carol = signUpAndSignIn(cognito, "carol");

            assertThat(claim(carol.accessToken(), "$.iss"))
                    .isEqualTo("http://localhost:" + this.port + "/" + carol.poolId());
        }
    }

    @Test
    void anUnknownPoolHasNoDocuments() throws Exception {
        HttpResponse<String> response = get("/eu-west-1_nosuchpool/.well-known/jwks.json");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"User pool eu-west-1_nosuchpool does not exist.\"}");
    }

    @Test
    void aPoolsManagedLoginIsTheEmulatorsWhileOtherPathsOfThatShapeStayTheApplications() throws Exception {
        try (CognitoIdentityProviderClient cognito = cognito()) {
            String poolId = cognito.createUserPool((request) -> request.poolName("login-pool"))
                    .userPool()
                    .id();

            HttpResponse<String> byPoolId = get("/" + poolId + "/login");
            HttpResponse<String> token = post(
                    "/" + poolId + "/oauth2/token",
                    "application/x-www-form-urlencoded",
                    "grant_type=client_credentials");
            HttpResponse<String> elsewhere = get("/shop/login");
            // As text, which both stacks hand to a controller as it is.
            HttpResponse<String> elsewhereToken =
                    post("/shop/oauth2/token", "text/plain", "grant_type=client_credentials");

            assertThat(byPoolId.body()).doesNotStartWith(HOST_ANSWER_PREFIX);
            assertThat(token.body()).doesNotStartWith(HOST_ANSWER_PREFIX);
            assertThat(elsewhere.statusCode()).isEqualTo(200);
            assertThat(elsewhere.body()).isEqualTo(HOST_ANSWER_PREFIX + "GET /shop/login");
            assertThat(elsewhereToken.body())
                    .isEqualTo(HOST_ANSWER_PREFIX + "POST /shop/oauth2/token grant_type=client_credentials");
        }
    }

    @Test
    void theInboxHoldsTheTemporaryPasswordWithoutCrossOriginAccess() throws Exception {
        try (CognitoIdentityProviderClient cognito = cognito()) {
            String poolId = cognito.createUserPool((request) -> request.poolName("inbox-pool"))
                    .userPool()
                    .id();
            cognito.adminCreateUser((request) -> request.userPoolId(poolId)
                    .username("carol")
                    .temporaryPassword("Temp1234!x")
                    .desiredDeliveryMediums(DeliveryMediumType.EMAIL)
                    .userAttributes((email) -> email.name("email").value("carol@example.com")));

            HttpResponse<String> inbox = get("/_emulator/messages?poolId=" + poolId + "&username=carol");

            assertThat(inbox.statusCode()).isEqualTo(200);
            assertThat(inbox.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
            assertThat(inbox.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(inbox.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
            assertThat(JsonPath.<java.util.List<String>>read(inbox.body(), "$[*].username"))
                    .containsExactly("carol");
            assertThat(inbox.body()).contains("Temp1234!x");
        }
    }

    @Test
    void answersTheBrowsersCorsPreflight() throws Exception {
        HttpRequest preflight = HttpRequest.newBuilder(uri("/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-amz-target,x-amz-user-agent")
                .build();

        HttpResponse<String> response = this.http.send(preflight, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValue("POST, OPTIONS");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValue("content-type, x-amz-target, x-amz-user-agent");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValue("x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date");
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("86400");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void anUnsignedAdministrativeCallIsRefusedWithCorsHeaders() throws Exception {
        HttpRequest unsigned = HttpRequest.newBuilder(uri("/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools")
                .POST(HttpRequest.BodyPublishers.ofString("{\"MaxResults\":10}"))
                .build();

        HttpResponse<String> response = this.http.send(unsigned, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException:");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.body())
                .isEqualTo(
                        "{\"__type\":\"MissingAuthenticationTokenException\",\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void aPostThatIsNotCognitosReachesTheApplicationWithItsBody() throws Exception {
        HttpRequest plain = HttpRequest.newBuilder(uri("/"))
                .header("Content-Type", "text/plain")
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .POST(HttpRequest.BodyPublishers.ofString("just text"))
                .build();

        HttpResponse<String> response = this.http.send(plain, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(HOST_ANSWER_PREFIX + "just text");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isEmpty();
    }

    @Test
    void theImportJobsPreSignedUrlTakesItsFileAsS3Would() throws Exception {
        try (CognitoIdentityProviderClient cognito = cognito()) {
            String poolId = cognito.createUserPool((request) -> request.poolName("import-pool"))
                    .userPool()
                    .id();
            String url = cognito.createUserImportJob((request) -> request.userPoolId(poolId)
                            .jobName("import")
                            .cloudWatchLogsRoleArn("arn:aws:iam::000000000000:role/import"))
                    .userImportJob()
                    .preSignedUrl();
            String header = String.join(
                    ",",
                    cognito.getCSVHeader((request) -> request.userPoolId(poolId))
                            .csvHeader());

            HttpResponse<String> accepted = put(URI.create(url), header + "\n");
            HttpResponse<String> unknown = put(uri("/_emulator/user-import/import-nosuchjob1"), "a");

            assertThat(url).startsWith("http://localhost:" + this.port + "/_emulator/user-import/import-");
            assertThat(accepted.statusCode()).isEqualTo(200);
            assertThat(accepted.body()).isEmpty();
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/xml");
            assertThat(unknown.body()).contains("<Code>NoSuchKey</Code>");
        }
    }

    private SignedIn signUpAndSignIn(CognitoIdentityProviderClient cognito, String username) {
        String poolId = cognito.createUserPool((request) -> request.poolName(username + "-pool"))
                .userPool()
                .id();
        String clientId = cognito.createUserPoolClient((request) -> request.userPoolId(poolId)
                        .clientName(username + "-client")
                        .explicitAuthFlows(
                                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient()
                .clientId();
        cognito.adminCreateUser(
                (request) -> request.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS));
        cognito.adminSetUserPassword((request) ->
                request.userPoolId(poolId).username(username).password(PASSWORD).permanent(true));
        String accessToken = cognito.initiateAuth((request) -> request.clientId(clientId)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(java.util.Map.of("USERNAME", username, "PASSWORD", PASSWORD)))
                .authenticationResult()
                .accessToken();
        return new SignedIn(poolId, accessToken);
    }

    private record SignedIn(String poolId, String accessToken) {}

    private static String claim(String jwt, String path) {
        return JsonPath.read(part(jwt, 1), path);
    }

    private static String header(String jwt, String path) {
        return JsonPath.read(part(jwt, 0), path);
    }

    private static String part(String jwt, int index) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
    }

    private CognitoIdentityProviderClient cognito() {
        return cognito(uri("/"));
    }

    private CognitoIdentityProviderClient cognito(URI endpoint) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_WEST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return this.http.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, String body)
            throws IOException, InterruptedException {
        return this.http.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(URI target, String body) throws IOException, InterruptedException {
        return this.http.send(
                HttpRequest.newBuilder(target)
                        .timeout(Duration.ofSeconds(30))
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }
}
