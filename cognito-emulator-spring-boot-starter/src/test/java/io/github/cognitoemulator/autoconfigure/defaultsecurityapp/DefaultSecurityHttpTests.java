package io.github.cognitoemulator.autoconfigure.defaultsecurityapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.autoconfigure.CognitoSignIn;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.MutableClock;
import io.github.cognitoemulator.core.protocol.ProtocolRequest;
import io.github.cognitoemulator.core.protocol.ProtocolResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * With Spring Boot's default security every request needs a token: the emulator's protocol and documents still work,
 * as their filters come first, while its inbox stays closed until the application opens it.
 */
@SpringBootTest(classes = DefaultSecurityApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class DefaultSecurityHttpTests {

    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private CognitoEmulator emulator;

    @Autowired
    private CognitoEmulatorIssuer issuer;

    @Autowired
    private MutableClock clock;

    private CognitoSignIn cognito() {
        return new CognitoSignIn(this.emulator, this.issuer);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }

    private HttpResponse<String> get(String path, @Nullable String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertInvalidToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying((value) -> assertThat(value).startsWith(INVALID_TOKEN));
    }

    @Test
    void managedLoginIsOpenToAnyBrowserWithoutTheApplicationPermittingIt() throws Exception {
        String poolId = cognito().createPool();

        HttpResponse<String> login = get("/" + poolId + "/login", null);
        HttpResponse<String> elsewhere = get("/us-east-1_Nope12345/login", null);

        assertThat(login.statusCode()).isNotEqualTo(401);
        assertThat(login.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(elsewhere.statusCode()).isEqualTo(401);
    }

    @Test
    void theEmulatorsTokensAuthenticateWithoutAnyDecoderOfTheApplication() throws Exception {
        CognitoSignIn.Tokens tokens = cognito().newUser();

        HttpResponse<String> hello = get("/hello", tokens.accessToken());

        assertThat(hello.statusCode()).isEqualTo(200);
        assertThat(hello.body()).startsWith("hello ");
        assertThat(get("/hello", tokens.idToken()).statusCode()).isEqualTo(200);
        assertThat(get("/hello", null).statusCode()).isEqualTo(401);
    }

    @Test
    void awsCallsAndTheDocumentsNeedNoPermission() throws Exception {
        HttpResponse<String> created = this.http.send(
                HttpRequest.newBuilder(uri("/"))
                        .header("X-Amz-Target", "AWSCognitoIdentityProviderService.CreateUserPool")
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .header(
                                "Authorization",
                                "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/cognito-idp/aws4_request, "
                                        + "SignedHeaders=host;x-amz-target, Signature=0")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"PoolName\":\"open\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String poolId = cognito().createPool();

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("\"Name\":\"open\"");
        assertThat(get("/.well-known/jwks.json", null).statusCode()).isEqualTo(200);
        HttpResponse<String> discovery = get("/" + poolId + "/.well-known/openid-configuration", null);
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains(this.issuer.issuer(poolId));
    }

    @Test
    void theInboxIsClosedUntilTheApplicationOpensIt() throws Exception {
        HttpResponse<String> inbox = get("/_emulator/messages", null);

        assertThat(inbox.statusCode()).isEqualTo(401);
        assertThat(inbox.body()).doesNotContain("[");
        assertThat(inbox.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        String token = cognito().newUser().accessToken();
        HttpResponse<String> signedIn = get("/_emulator/messages", token);
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aTokenOfAPoolThatIsGoneIsAnInvalidToken() throws Exception {
        CognitoSignIn cognito = cognito();
        String poolId = cognito.createPool();
        String clientId = cognito.createClient(poolId);
        cognito.createUser(poolId, "alice");
        String token = cognito.signIn(clientId, "alice").accessToken();
        cognito.call("DeleteUserPool", Map.of("UserPoolId", poolId));

        assertInvalidToken(get("/hello", token));
    }

    @Test
    void aTokenOfAnotherIssuerIsAnInvalidToken() throws Exception {
        CognitoSignIn cognito = cognito();
        String poolId = cognito.createPool();
        String clientId = cognito.createClient(poolId);
        cognito.createUser(poolId, "alice");
        // Signed by the emulator, but issued as real Cognito would, under https://cognito-idp.<region>.amazonaws.com
        ProtocolResponse signIn = this.emulator.handle(new ProtocolRequest(
                "AWSCognitoIdentityProviderService.InitiateAuth",
                ("{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"" + clientId
                                + "\",\"AuthParameters\":{\"USERNAME\":\"alice\",\"PASSWORD\":\""
                                + CognitoSignIn.PASSWORD + "\"}}")
                        .getBytes(StandardCharsets.UTF_8),
                null));
        String body = signIn.bodyAsString();
        String token = body.replaceAll(".*\"AccessToken\":\"([^\"]+)\".*", "$1");

        assertThat(signIn.status()).isEqualTo(200);
        assertInvalidToken(get("/hello", token));
    }

    @Test
    void aTokenWithABadSignatureIsAnInvalidToken() throws Exception {
        String token = cognito().newUser().accessToken();
        String other = cognito().newUser().accessToken();
        String forged = token.substring(0, token.indexOf('.') + 1)
                + other.split("\\.")[1]
                + token.substring(token.lastIndexOf('.'));

        assertInvalidToken(get("/hello", forged));
        assertInvalidToken(get("/hello", "not-a-token"));
    }

    @Test
    void anExpiredTokenIsAnInvalidTokenByTheEmulatorsClock() throws Exception {
        String token = cognito().newUser().accessToken();
        assertThat(get("/hello", token).statusCode()).isEqualTo(200);

        this.clock.advance(Duration.ofHours(1));

        assertInvalidToken(get("/hello", token));
    }
}
