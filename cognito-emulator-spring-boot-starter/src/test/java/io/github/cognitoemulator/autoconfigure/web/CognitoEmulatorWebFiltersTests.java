package io.github.cognitoemulator.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.token.RsaKeySource;
import io.github.cognitoemulator.core.userimport.UserImportActions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The reactive filters at their edges, and the limits both stacks share. */
class CognitoEmulatorWebFiltersTests {

    /** A caller on this machine, whom the emulator answers. */
    private static final InetSocketAddress LOCAL = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);

    private static final CognitoEmulatorIssuer ISSUER = new CognitoEmulatorIssuer(null, "", "/", 8080);

    private static final String SIGNED =
            "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/cognito-idp/aws4_request, "
                    + "SignedHeaders=host;x-amz-target, Signature=0";

    private final CognitoEmulator emulator =
            CognitoEmulator.builder().keySource(RsaKeySource.generating()).build();

    private boolean chainCalled;

    private final WebFilterChain chain = (exchange) -> {
        this.chainCalled = true;
        return Mono.empty();
    };

    @Test
    void everyFilterChecksItsPath() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CognitoJsonProtocolWebFilter(this.emulator, "cognito", ISSUER))
                .withMessage("'path' must start with '/' but was 'cognito'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CognitoEmulatorDocumentsWebFilter(this.emulator, "cognito", ISSUER))
                .withMessage("'path' must start with '/' but was 'cognito'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CognitoEmulatorImportUploadWebFilter(this.emulator, "cognito"))
                .withMessage("'path' must start with '/' but was 'cognito'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CognitoEmulatorInboxWebFilter(this.emulator, "cognito"))
                .withMessage("'path' must start with '/' but was 'cognito'");
    }

    @Test
    void answersACognitoCallAtTheConfiguredPathWithinTheBasePath() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/app/cognito/")
                .remoteAddress(LOCAL)
                .contextPath("/app")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools")
                .header("Authorization", SIGNED)
                .body("{\"MaxResults\":10}"));

        run(new CognitoJsonProtocolWebFilter(this.emulator, "/cognito", ISSUER), exchange);

        assertThat(this.chainCalled).isFalse();
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(200);
        assertThat(exchange.getResponse().getHeaders().getFirst("Access-Control-Allow-Origin"))
                .isEqualTo("*");
        assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo("{\"UserPools\":[]}");
    }

    @Test
    void passesOnEverythingElse() {
        WebFilter[] filters = {
            new CognitoJsonProtocolWebFilter(this.emulator, "/", ISSUER),
            new CognitoEmulatorDocumentsWebFilter(this.emulator, "/", ISSUER),
            new CognitoEmulatorImportUploadWebFilter(this.emulator, "/"),
            new CognitoEmulatorInboxWebFilter(this.emulator, "/")
        };
        for (WebFilter filter : filters) {
            this.chainCalled = false;
            run(
                    filter,
                    MockServerWebExchange.from(
                            MockServerHttpRequest.post("/greeting").remoteAddress(LOCAL)));
            assertThat(this.chainCalled).as(filter.getClass().getSimpleName()).isTrue();
        }
    }

    @Test
    void aCognitoCallOverTheBodyLimitIsRefusedAsTooLargeOnBothStacks() throws Exception {
        byte[] body = new byte[EmulatorAccess.DEFAULT_MAX_REQUEST_BYTES + 1];
        paddedListUserPools(body);
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/")
                .remoteAddress(LOCAL)
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools")
                .header("Authorization", SIGNED)
                .body(new String(body, StandardCharsets.US_ASCII)));
        MockHttpServletRequest servletRequest = new MockHttpServletRequest("POST", "/");
        servletRequest.addHeader("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools");
        servletRequest.addHeader("Authorization", SIGNED);
        servletRequest.setContent(body);
        MockHttpServletResponse servletResponse = new MockHttpServletResponse();

        run(new CognitoJsonProtocolWebFilter(this.emulator, "/", ISSUER), exchange);
        new CognitoJsonProtocolFilter(this.emulator, "/", ISSUER)
                .doFilter(servletRequest, servletResponse, new MockFilterChain());

        String tooLarge = "{\"__type\":\"RequestEntityTooLargeException\","
                + "\"message\":\"HTTP content length exceeded 2097152 bytes.\"}";
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(413);
        assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo(tooLarge);
        assertThat(servletResponse.getStatus()).isEqualTo(413);
        assertThat(servletResponse.getContentAsString()).isEqualTo(tooLarge);
    }

    @Test
    void aCognitoCallOfExactlyTheBodyLimitIsRead() {
        byte[] body = new byte[EmulatorAccess.DEFAULT_MAX_REQUEST_BYTES];
        paddedListUserPools(body);
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/")
                .remoteAddress(LOCAL)
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools")
                .header("Authorization", SIGNED)
                .body(new String(body, StandardCharsets.US_ASCII)));

        run(new CognitoJsonProtocolWebFilter(this.emulator, "/", ISSUER), exchange);

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void anImportFileDeclaredOverTheLimitIsTooLargeWithoutBeingRead() {
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.put("/_emulator/user-import/import-abc123")
                        .remoteAddress(LOCAL)
                        .contentLength(UserImportActions.MAX_FILE_BYTES + 1L)
                        .body(Flux.error(new AssertionError("the body was read"))));

        run(new CognitoEmulatorImportUploadWebFilter(this.emulator, "/"), exchange);

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(400);
        assertThat(exchange.getResponse().getHeaders().getFirst("Content-Type")).isEqualTo("application/xml");
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("<Code>EntityTooLarge</Code>");
    }

    @Test
    void anImportFileForNoJobIsNoSuchKey() {
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.put("/_emulator/user-import/import-abc123")
                        .remoteAddress(LOCAL)
                        .body("a,b"));

        run(new CognitoEmulatorImportUploadWebFilter(this.emulator, "/"), exchange);

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(404);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("<Code>NoSuchKey</Code>");
    }

    /** A valid ListUserPools call followed by as much whitespace as fits, which JSON allows. */
    private static void paddedListUserPools(byte[] body) {
        Arrays.fill(body, (byte) ' ');
        byte[] call = "{\"MaxResults\":10}".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(call, 0, body, 0, call.length);
    }

    private void run(WebFilter filter, MockServerWebExchange exchange) {
        filter.filter(exchange, this.chain).block();
    }
}
