package io.github.cognitoemulator.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.token.RsaKeySource;
import jakarta.servlet.Filter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The filters of both stacks at the emulator's edge: who they answer, how much body they take, and the signatures
 * they check, without a server.
 */
class EmulatorEdgeFiltersTests {

    private static final String OTHER_HOST = "203.0.113.9";

    private static final InetSocketAddress OTHER = new InetSocketAddress(address(OTHER_HOST), 40000);

    private static final InetSocketAddress LOCAL = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);

    private static final CognitoEmulatorIssuer ISSUER = new CognitoEmulatorIssuer(null, "", "/", 8080);

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static final String FAKE_SIGNATURE =
            "AWS4-HMAC-SHA256 Credential=test/20260304/us-east-1/cognito-idp/aws4_request, "
                    + "SignedHeaders=host;x-amz-target, Signature=0";

    private static final String REFUSAL = "The Cognito emulator answers callers on this machine only. Set"
            + " cognito.emulator.remote-access.allowed=true to let other hosts in.";

    private final CognitoEmulator emulator = CognitoEmulator.builder()
            .keySource(RsaKeySource.generating())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();

    private final EmulatorAccess sharedServer = new EmulatorAccess(true, Map.of(KEY_ID, SECRET), 1024);

    private boolean chainCalled;

    private final WebFilterChain chain = (exchange) -> {
        this.chainCalled = true;
        return Mono.empty();
    };

    @Test
    void everyServletFilterRefusesACallerOnAnotherHostByDefault() throws Exception {
        Map<Filter, MockHttpServletRequest> requests = Map.of(
                new CognitoJsonProtocolFilter(this.emulator, "/", ISSUER), cognitoCall("ListUserPools"),
                new CognitoEmulatorDocumentsFilter(this.emulator, "/", ISSUER),
                        new MockHttpServletRequest("GET", "/.well-known/jwks.json"),
                new CognitoEmulatorInboxFilter(this.emulator, "/"),
                        new MockHttpServletRequest("GET", "/_emulator/messages"),
                new CognitoEmulatorImportUploadFilter(this.emulator, "/"),
                        new MockHttpServletRequest("PUT", "/_emulator/user-import/import-abc"));
        for (Map.Entry<Filter, MockHttpServletRequest> entry : requests.entrySet()) {
            String filter = entry.getKey().getClass().getSimpleName();
            MockHttpServletRequest request = entry.getValue();
            request.setRemoteAddr(OTHER_HOST);
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();

            entry.getKey().doFilter(request, response, chain);

            assertThat(chain.getRequest()).as(filter).isNull();
            assertThat(response.getStatus()).as(filter).isEqualTo(403);
            assertThat(response.isCommitted()).as(filter).isTrue();
            if (filter.equals("CognitoJsonProtocolFilter")) {
                assertThat(response.getHeader("x-amzn-ErrorType")).isEqualTo("AccessDeniedException:");
                assertThat(response.getContentAsString())
                        .isEqualTo("{\"__type\":\"AccessDeniedException\",\"message\":\"" + REFUSAL + "\"}");
            } else {
                assertThat(response.getContentAsString()).as(filter).isEqualTo(REFUSAL);
            }
        }
    }

    @Test
    void managedLoginRefusesACallerOnAnotherHostByDefault() throws Exception {
        this.emulator.handle("CreateUserPool", "{\"PoolName\":\"p\"}");
        String poolId = poolId();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/" + poolId + "/login");
        request.setRemoteAddr(OTHER_HOST);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/" + poolId + "/login").remoteAddress(OTHER));

        new CognitoEmulatorManagedLoginFilter(this.emulator, "/", ISSUER)
                .doFilter(request, response, new MockFilterChain());
        new CognitoEmulatorManagedLoginWebFilter(this.emulator, "/", ISSUER)
                .filter(exchange, this.chain)
                .block();

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(403);
        assertThat(this.chainCalled).isFalse();
    }

    @Test
    void everyWebFilterRefusesACallerOnAnotherHostOrAnUnknownOneByDefault() {
        Map<WebFilter, MockServerHttpRequest.BaseBuilder<?>> requests = Map.of(
                new CognitoJsonProtocolWebFilter(this.emulator, "/", ISSUER),
                        MockServerHttpRequest.post("/")
                                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools")
                                .header("Authorization", FAKE_SIGNATURE),
                new CognitoEmulatorDocumentsWebFilter(this.emulator, "/", ISSUER),
                        MockServerHttpRequest.get("/.well-known/jwks.json"),
                new CognitoEmulatorInboxWebFilter(this.emulator, "/"), MockServerHttpRequest.get("/_emulator/messages"),
                new CognitoEmulatorImportUploadWebFilter(this.emulator, "/"),
                        MockServerHttpRequest.put("/_emulator/user-import/import-abc"));
        for (Map.Entry<WebFilter, MockServerHttpRequest.BaseBuilder<?>> entry : requests.entrySet()) {
            String filter = entry.getKey().getClass().getSimpleName();
            for (InetSocketAddress remote : new InetSocketAddress[] {OTHER, null}) {
                MockServerWebExchange exchange =
                        MockServerWebExchange.from(entry.getValue().remoteAddress(remote));

                entry.getKey().filter(exchange, this.chain).block();

                assertThat(this.chainCalled).as(filter).isFalse();
                assertThat(exchange.getResponse().getStatusCode().value())
                        .as(filter)
                        .isEqualTo(403);
            }
        }
    }

    @Test
    void aServletCallDeclaredOverTheLimitIsRefusedUnreadAndAnsweredAtOnce() throws Exception {
        MockHttpServletRequest request = cognitoCall("ListUserPools");
        request.setContent(new byte[1025]);
        MockHttpServletResponse response = new MockHttpServletResponse();

        new CognitoJsonProtocolFilter(this.emulator, "/", ISSUER, this.sharedServer)
                .doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.isCommitted()).isTrue();
        assertThat(response.getHeader("x-amzn-ErrorType")).isEqualTo("RequestEntityTooLargeException:");
        assertThat(response.getHeader("x-amzn-ErrorMessage")).isEqualTo("HTTP content length exceeded 1024 bytes.");
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.getHeader("Access-Control-Expose-Headers")).isEqualTo(JsonProtocolEndpoint.EXPOSED_HEADERS);
        assertThat(response.getContentAsString())
                .isEqualTo("{\"__type\":\"RequestEntityTooLargeException\","
                        + "\"message\":\"HTTP content length exceeded 1024 bytes.\"}");
        // Not one byte of it was read.
        assertThat(request.getInputStream().available()).isEqualTo(1025);
    }

    @Test
    void aServletCallOfExactlyTheLimitIsRead() throws Exception {
        MockHttpServletRequest request = cognitoCall("ListUserPools");
        byte[] body = new byte[1024];
        java.util.Arrays.fill(body, (byte) ' ');
        byte[] json = "{\"MaxResults\":10}".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(json, 0, body, 0, json.length);
        request.setContent(body);
        MockHttpServletResponse response = new MockHttpServletResponse();

        new CognitoJsonProtocolFilter(this.emulator, "/", ISSUER, new EmulatorAccess(false, Map.of(), 1024))
                .doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void aReactiveCallDeclaredOverTheLimitIsRefusedUnread() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/")
                .remoteAddress(LOCAL)
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools")
                .header("Authorization", FAKE_SIGNATURE)
                .contentLength(1025)
                .body(reactor.core.publisher.Flux.error(new IllegalStateException("the body was read"))));

        new CognitoJsonProtocolWebFilter(this.emulator, "/", ISSUER, this.sharedServer)
                .filter(exchange, this.chain)
                .block();

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(413);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .isEqualTo("{\"__type\":\"RequestEntityTooLargeException\","
                        + "\"message\":\"HTTP content length exceeded 1024 bytes.\"}");
    }

    @Test
    void anAdministrativeCallSignedWithTheConfiguredKeyIsAnswered() throws Exception {
        MockHttpServletResponse response = callSigned(KEY_ID, SECRET, "ListUserPools", "{\"MaxResults\":10}");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"UserPools\":[]}");
    }

    @Test
    void anAdministrativeCallWithAWrongSignatureGetsAwssRefusalWithItsRequestId() throws Exception {
        MockHttpServletResponse response = callSigned(KEY_ID, "wrong", "ListUserPools", "{\"MaxResults\":10}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getHeader("x-amzn-ErrorType")).isEqualTo("InvalidSignatureException:");
        assertThat(response.getHeader("x-amzn-RequestId")).isNotBlank();
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.getContentAsString())
                .isEqualTo("{\"__type\":\"InvalidSignatureException\",\"message\":\""
                        + SignatureV4Verifier.MISMATCH_MESSAGE + "\"}");
    }

    @Test
    void anAdministrativeCallWithAnUnknownKeyIsUnrecognized() throws Exception {
        MockHttpServletResponse response =
                callSigned("AKIAI44QH8DHBEXAMPLE", SECRET, "ListUserPools", "{\"MaxResults\":10}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString())
                .isEqualTo("{\"__type\":\"UnrecognizedClientException\","
                        + "\"message\":\"The security token included in the request is invalid.\"}");
    }

    @Test
    void aPublicCallIsAnsweredAsCognitoAnswersItWhateverItsSignature() throws Exception {
        MockHttpServletResponse response = callSigned(
                KEY_ID,
                "wrong",
                "InitiateAuth",
                "{\"ClientId\":\"nosuchclient0000000000000\",\"AuthFlow\":\"USER_PASSWORD_AUTH\","
                        + "\"AuthParameters\":{\"USERNAME\":\"a\",\"PASSWORD\":\"b\"}}");

        assertThat(response.getHeader("x-amzn-ErrorType")).isEqualTo("ResourceNotFoundException:");
    }

    @Test
    void anUnsignedAdministrativeCallStillMissesItsToken() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.addHeader("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools");
        request.setContent("{\"MaxResults\":10}".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();

        new CognitoJsonProtocolFilter(this.emulator, "/", ISSUER, this.sharedServer)
                .doFilter(request, response, new MockFilterChain());

        assertThat(response.getHeader("x-amzn-ErrorType")).isEqualTo("MissingAuthenticationTokenException:");
    }

    @Test
    void aReactiveCallIsCheckedOnItsWholePathAsSent() {
        SdkHttpRequest signed = sign(KEY_ID, SECRET, "ListUserPools", "{\"MaxResults\":10}", "/app/cognito");
        MockServerHttpRequest.BodyBuilder request =
                MockServerHttpRequest.post("/app/cognito").contextPath("/app").remoteAddress(OTHER);
        signed.headers().forEach((name, values) -> request.header(name, values.toArray(String[]::new)));
        MockServerWebExchange exchange = MockServerWebExchange.from(request.body("{\"MaxResults\":10}"));

        new CognitoJsonProtocolWebFilter(this.emulator, "/cognito", ISSUER, this.sharedServer)
                .filter(exchange, this.chain)
                .block();

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(200);
    }

    private MockHttpServletResponse callSigned(String keyId, String secret, String action, String body)
            throws Exception {
        SdkHttpRequest signed = sign(keyId, secret, action, body, "/");
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.setRemoteAddr(OTHER_HOST);
        signed.headers().forEach((name, values) -> values.forEach((value) -> request.addHeader(name, value)));
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        new CognitoJsonProtocolFilter(this.emulator, "/", ISSUER, this.sharedServer)
                .doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static SdkHttpRequest sign(String keyId, String secret, String action, String body, String path) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("http://localhost" + path))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AWSCognitoIdentityProviderService." + action)
                .build();
        return AwsV4HttpSigner.create()
                .sign((r) -> r.identity(AwsCredentialsIdentity.create(keyId, secret))
                        .request(request)
                        .payload(ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-idp")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC)))
                .request();
    }

    private String poolId() {
        return com.jayway.jsonpath.JsonPath.read(
                new String(
                        this.emulator
                                .handle("ListUserPools", "{\"MaxResults\":1}")
                                .body(),
                        StandardCharsets.UTF_8),
                "$.UserPools[0].Id");
    }

    private static MockHttpServletRequest cognitoCall(String action) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.addHeader("X-Amz-Target", "AWSCognitoIdentityProviderService." + action);
        request.addHeader("Authorization", FAKE_SIGNATURE);
        request.setContent("{\"MaxResults\":10}".getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException ex) {
            throw new IllegalArgumentException(literal, ex);
        }
    }
}
