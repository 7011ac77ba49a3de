package io.github.cognitoemulator.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.oauth.HostedRequest;
import io.github.cognitoemulator.core.oauth.HostedResponse;
import io.github.cognitoemulator.core.token.RsaKeySource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Managed login's adapters on both stacks: which requests are its, and the bytes carried in and out. */
class ManagedLoginEndpointTests {

    private static final CognitoEmulatorIssuer ISSUER = new CognitoEmulatorIssuer(null, "/app", "/cognito", 8080);

    private static final Set<String> SITES = Set.of("us-east-1_Pool12345", "shop");

    private final List<HostedRequest> handled = new ArrayList<>();

    private final HostedResponse answer = new HostedResponse(
            302,
            List.of(
                    new HostedResponse.Header("Location", "https://app.example.com/cb?code=abc"),
                    new HostedResponse.Header("Set-Cookie", "XSRF-TOKEN=x; Path=/cognito/shop; Secure"),
                    new HostedResponse.Header("Set-Cookie", "cognito=y; Path=/cognito/shop; HttpOnly"),
                    new HostedResponse.Header("Cache-Control", "no-store")),
            "moved".getBytes(StandardCharsets.UTF_8));

    private final ManagedLoginEndpoint endpoint = new ManagedLoginEndpoint(
            (site, path) -> SITES.contains(site) && path.startsWith("/oauth2/"),
            (request) -> {
                this.handled.add(request);
                return this.answer;
            },
            "/cognito/",
            ISSUER);

    private boolean chainCalled;

    private final WebFilterChain chain = (exchange) -> {
        this.chainCalled = true;
        return Mono.empty();
    };

    @Test
    void aServletRequestReachesManagedLoginWithItsRawQueryHeadersAndBody() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/app/cognito/shop/oauth2/token");
        request.setContextPath("/app");
        request.setQueryString("a=b%20c&redirect_uri=https%3A%2F%2Fx");
        request.addHeader("Content-Type", "application/x-www-form-urlencoded");
        request.addHeader("Cookie", "one=1");
        request.addHeader("Cookie", "two=2");
        request.setContent("grant_type=authorization_code&code=abc".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        ServletEndpointAdapter.serve(this.endpoint, request, response, chain);

        assertThat(chain.getRequest()).isNull();
        HostedRequest hosted = this.handled.get(0);
        assertThat(hosted.method()).isEqualTo("POST");
        assertThat(hosted.site()).isEqualTo("shop");
        assertThat(hosted.siteUrl()).isEqualTo("http://localhost:8080/app/cognito/shop");
        assertThat(hosted.issuerBaseUrl()).isEqualTo("http://localhost:8080/app/cognito");
        assertThat(hosted.path()).isEqualTo("/oauth2/token");
        assertThat(hosted.rawQuery()).isEqualTo("a=b%20c&redirect_uri=https%3A%2F%2Fx");
        assertThat(hosted.headers().get("cookie")).containsExactly("one=1", "two=2");
        assertThat(hosted.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(new String(hosted.body(), StandardCharsets.UTF_8))
                .isEqualTo("grant_type=authorization_code&code=abc");
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getHeader("Location")).isEqualTo("https://app.example.com/cb?code=abc");
        assertThat(response.getHeaders("Set-Cookie"))
                .containsExactly("XSRF-TOKEN=x; Path=/cognito/shop; Secure", "cognito=y; Path=/cognito/shop; HttpOnly");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getContentLength()).isEqualTo(5);
        assertThat(response.getContentAsString()).isEqualTo("moved");
    }

    @Test
    void aReactiveRequestReachesManagedLoginWithItsRawQueryHeadersAndBody() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.method(
                        HttpMethod.POST,
                        URI.create(
                                "/app/cognito/us-east-1_Pool12345/oauth2/token?a=b%20c&redirect_uri=https%3A%2F%2Fx"))
                .contextPath("/app")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "one=1", "two=2")
                .body("grant_type=refresh_token"));

        ReactiveEndpointAdapter.serve(this.endpoint, exchange, this.chain).block();

        assertThat(this.chainCalled).isFalse();
        HostedRequest hosted = this.handled.get(0);
        assertThat(hosted.method()).isEqualTo("POST");
        assertThat(hosted.site()).isEqualTo("us-east-1_Pool12345");
        assertThat(hosted.siteUrl()).isEqualTo("http://localhost:8080/app/cognito/us-east-1_Pool12345");
        assertThat(hosted.path()).isEqualTo("/oauth2/token");
        assertThat(hosted.rawQuery()).isEqualTo("a=b%20c&redirect_uri=https%3A%2F%2Fx");
        assertThat(hosted.headers().get("cookie")).containsExactly("one=1", "two=2");
        assertThat(new String(hosted.body(), StandardCharsets.UTF_8)).isEqualTo("grant_type=refresh_token");
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(302);
        assertThat(exchange.getResponse().getHeaders().get("Set-Cookie"))
                .containsExactly("XSRF-TOKEN=x; Path=/cognito/shop; Secure", "cognito=y; Path=/cognito/shop; HttpOnly");
        assertThat(exchange.getResponse().getHeaders().getFirst("Location"))
                .isEqualTo("https://app.example.com/cb?code=abc");
        assertThat(exchange.getResponse().getHeaders().getContentLength()).isEqualTo(5);
        assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo("moved");
    }

    @Test
    void aRequestWithoutQueryOrBodyHasNeither() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/cognito/shop/oauth2/authorize");

        ServletEndpointAdapter.serve(this.endpoint, request, new MockHttpServletResponse(), new MockFilterChain());

        assertThat(this.handled.get(0).rawQuery()).isNull();
        assertThat(this.handled.get(0).body()).isEmpty();
        assertThat(this.handled.get(0).method()).isEqualTo("GET");
    }

    @Test
    void anythingButAServedPathOfASiteGoesToTheApplication() throws Exception {
        for (String path : List.of(
                "/cognito/unknown/oauth2/authorize",
                "/cognito/shop/login",
                "/cognito/shop",
                "/cognito/shop/",
                "/cognito//oauth2/authorize",
                "/cognito/oauth2/authorize",
                "/other/shop/oauth2/authorize",
                "/cognitox/shop/oauth2/authorize")) {
            MockFilterChain chain = new MockFilterChain();
            ServletEndpointAdapter.serve(
                    this.endpoint, new MockHttpServletRequest("GET", path), new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as(path).isNotNull();
        }
        assertThat(this.handled).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithoutReachingManagedLogin() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cognito/shop/oauth2/token");
        request.setContent(new byte[ManagedLoginEndpoint.MAX_BODY_BYTES + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockHttpServletRequest exact = new MockHttpServletRequest("POST", "/cognito/shop/oauth2/token");
        exact.setContent(new byte[ManagedLoginEndpoint.MAX_BODY_BYTES]);

        ServletEndpointAdapter.serve(this.endpoint, request, response, new MockFilterChain());

        assertThat(this.handled).isEmpty();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("text/plain;charset=UTF-8");
        ServletEndpointAdapter.serve(this.endpoint, exact, new MockHttpServletResponse(), new MockFilterChain());
        assertThat(this.handled).hasSize(1);
        assertThat(this.handled.get(0).body()).hasSize(ManagedLoginEndpoint.MAX_BODY_BYTES);
    }

    @Test
    void splitsARequestPathIntoSiteAndPath() {
        assertThat(ManagedLoginEndpoint.sitePath("", "/us-east-1_a/oauth2/authorize"))
                .isEqualTo(new ManagedLoginEndpoint.SitePath("us-east-1_a", "/oauth2/authorize"));
        assertThat(ManagedLoginEndpoint.sitePath("/c", "/c/shop/login"))
                .isEqualTo(new ManagedLoginEndpoint.SitePath("shop", "/login"));
        assertThat(ManagedLoginEndpoint.sitePath("/c", "/c/shop")).isNull();
        assertThat(ManagedLoginEndpoint.sitePath("/c", "/c//login")).isNull();
        assertThat(ManagedLoginEndpoint.sitePath("/c", "/cx/shop/login")).isNull();
    }

    @Test
    void theFiltersServeTheEmulatorsPoolsAndDomainsOnly() throws Exception {
        CognitoEmulator emulator =
                CognitoEmulator.builder().keySource(RsaKeySource.generating()).build();
        String poolId = new String(
                        emulator.handle("CreateUserPool", "{\"PoolName\":\"pool\"}")
                                .body(),
                        StandardCharsets.UTF_8)
                .replaceAll(".*\"Id\":\"([^\"]+)\".*", "$1");
        emulator.handle("CreateUserPoolDomain", "{\"UserPoolId\":\"" + poolId + "\",\"Domain\":\"my-shop\"}");
        CognitoEmulatorManagedLoginFilter filter = new CognitoEmulatorManagedLoginFilter(emulator, "/", ISSUER);
        CognitoEmulatorManagedLoginWebFilter webFilter =
                new CognitoEmulatorManagedLoginWebFilter(emulator, "/", ISSUER);

        for (String path : List.of("/" + poolId + "/login", "/my-shop/oauth2/authorize", "/" + poolId + "/logout")) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as(path).isNull();
            this.chainCalled = false;
            webFilter
                    .filter(MockServerWebExchange.from(MockServerHttpRequest.get(path)), this.chain)
                    .block();
            assertThat(this.chainCalled).as(path).isFalse();
        }
        for (String path :
                List.of("/us-east-1_Nope12345/login", "/other-shop/login", "/" + poolId + "/account", "/" + poolId)) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as(path).isNotNull();
            this.chainCalled = false;
            webFilter
                    .filter(MockServerWebExchange.from(MockServerHttpRequest.get(path)), this.chain)
                    .block();
            assertThat(this.chainCalled).as(path).isTrue();
        }
        assertThat(webFilter.getOrder()).isEqualTo(CognitoJsonProtocolWebFilter.ORDER);
    }
}
