package io.github.cognitoemulator.autoconfigure.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

@SpringBootTest(classes = HostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
@ExtendWith(OutputCaptureExtension.class)
class CognitoEmulatorHttpTests {

    private static final String AMZ_JSON = "application/x-amz-json-1.1";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void theAwsSdkCreatesAndDescribesAUserPool() {
        try (CognitoIdentityProviderClient cognito = cognito(Region.US_EAST_1)) {
            String id = cognito.createUserPool((request) -> request.poolName("sdk-pool"))
                    .userPool()
                    .id();
            UserPoolType described = cognito.describeUserPool((request) -> request.userPoolId(id))
                    .userPool();
            assertThat(id).startsWith("us-east-1_");
            assertThat(described.id()).isEqualTo(id);
            assertThat(described.name()).isEqualTo("sdk-pool");
        }
    }

    @Test
    void theSigningRegionPrefixesUserPoolIds() {
        try (CognitoIdentityProviderClient cognito = cognito(Region.EU_WEST_1)) {
            String id = cognito.createUserPool((request) -> request.poolName("irish-pool"))
                    .userPool()
                    .id();
            assertThat(id).startsWith("eu-west-1_");
        }
    }

    @Test
    void readsAnAmzJsonBodyAndAnswersWithCorsHeaders() throws Exception {
        HttpResponse<String> response =
                post("AWSCognitoIdentityProviderService.CreateUserPool", AMZ_JSON, "{\"PoolName\":\"raw-pool\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(AMZ_JSON);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValue("x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date");
        assertThat(response.body()).contains("\"Name\":\"raw-pool\"");
    }

    @Test
    void anUnknownCognitoActionIsAnUnknownOperation() throws Exception {
        HttpResponse<String> response = post("AWSCognitoIdentityProviderService.NoSuchAction", AMZ_JSON, "{}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException:");
        assertThat(response.body()).isEqualTo("{\"__type\":\"UnknownOperationException\"}");
    }

    @Test
    void aMemberTooLongToEchoInAResponseHeaderIsRejectedAsCognitoRejectsIt() throws Exception {
        String body = "{\"UserPoolId\":\"" + "a".repeat(70_000) + "\",\"Username\":\"alice\"}";

        HttpResponse<String> response = post("AWSCognitoIdentityProviderService.AdminGetUser", AMZ_JSON, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidParameterException:");
        assertThat(response.headers().firstValue("x-amzn-ErrorMessage")).isEmpty();
        assertThat(response.body())
                .startsWith("{\"__type\":\"InvalidParameterException\",\"message\":\"2 validation errors detected: ")
                .endsWith("Member must have length less than or equal to 55\"}");
    }

    @Test
    void aBodyOverTheRequestSizeLimitIsRefusedAsTooLarge() throws Exception {
        // One byte over Cognito's 2 MB: the JSON parser's own limits lie far beyond what is read.
        String body = "{\"PoolName\":\"" + "p".repeat(2 * 1024 * 1024 - 14) + "\"}";

        HttpResponse<String> response = post("AWSCognitoIdentityProviderService.CreateUserPool", AMZ_JSON, body);

        assertThat(body).hasSize(2 * 1024 * 1024 + 1);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body())
                .isEqualTo("{\"__type\":\"RequestEntityTooLargeException\","
                        + "\"message\":\"HTTP content length exceeded 2097152 bytes.\"}");
    }

    @Test
    void aPlainPostReachesTheApplication() throws Exception {
        HttpResponse<String> response = post(null, "text/plain", "just text");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(HostController.ANSWER_PREFIX + "just text");
    }

    @Test
    void anotherServicesCallReachesTheApplication() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", "application/x-amz-json-1.0", "{}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(HostController.ANSWER_PREFIX + "{}");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isEmpty();
    }

    @Test
    void theApplicationsOtherRoutesStillWork() throws Exception {
        HttpResponse<String> response = this.http.send(
                HttpRequest.newBuilder(uri("/greeting")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello from the host application");
    }

    @Test
    void warnsOnceThatTheEmulatorIsActive(CapturedOutput output) {
        assertThat(output.getOut())
                .containsOnlyOnce(
                        "Cognito emulator is active at http://localhost:" + this.port + "/ (region us-east-1)")
                .contains("never run it in production");
    }

    private CognitoIdentityProviderClient cognito(Region region) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(uri("/"))
                .region(region)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    private HttpResponse<String> post(@Nullable String target, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/"))
                .header("Content-Type", contentType)
                .header(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/cognito-idp/aws4_request, "
                                + "SignedHeaders=host;x-amz-target, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }
}
