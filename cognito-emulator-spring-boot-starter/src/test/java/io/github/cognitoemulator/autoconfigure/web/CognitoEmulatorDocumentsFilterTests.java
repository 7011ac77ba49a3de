package io.github.cognitoemulator.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.token.RsaKeySource;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CognitoEmulatorDocumentsFilterTests {

    private final CognitoEmulator emulator =
            CognitoEmulator.builder().keySource(RsaKeySource.generating()).build();

    private final String poolId = new String(
                    this.emulator
                            .handle("CreateUserPool", "{\"PoolName\":\"pool\"}")
                            .body(),
                    StandardCharsets.UTF_8)
            .replaceAll(".*\"Id\":\"([^\"]+)\".*", "$1");

    private final CognitoEmulatorDocumentsFilter filter = new CognitoEmulatorDocumentsFilter(
            this.emulator, "/cognito/", new CognitoEmulatorIssuer(null, "", "/cognito", 8080));

    @Test
    void servesThePoolsDiscoveryDocumentWithTheEmulatorsIssuer() throws Exception {
        Exchange exchange = get("/cognito/" + this.poolId + "/.well-known/openid-configuration");

        assertThat(exchange.chain.getRequest()).isNull();
        assertThat(exchange.response.getStatus()).isEqualTo(200);
        assertThat(exchange.response.getContentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(exchange.response.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(exchange.response.getContentAsString())
                .contains("\"issuer\":\"http://localhost:8080/cognito/" + this.poolId + "\"");
        assertThat(exchange.response.getContentLength()).isEqualTo(exchange.response.getContentAsByteArray().length);
    }

    @Test
    void servesThePoolsKeySet() throws Exception {
        Exchange exchange = get("/cognito/" + this.poolId + "/.well-known/jwks.json");

        assertThat(exchange.response.getStatus()).isEqualTo(200);
        assertThat(exchange.response.getContentAsString()).startsWith("{\"keys\":[");
    }

    @Test
    void unknownPoolIsNotFound() throws Exception {
        Exchange exchange = get("/cognito/us-east-1_nope12345/.well-known/jwks.json");

        assertThat(exchange.response.getStatus()).isEqualTo(404);
        assertThat(exchange.response.getContentAsString())
                .isEqualTo("{\"message\":\"User pool us-east-1_nope12345 does not exist.\"}");
    }

    @Test
    void servesTheEmulatorsOwnDocuments() throws Exception {
        assertThat(get("/cognito/.well-known/openid-configuration").response.getContentAsString())
                .contains("\"issuer\":\"http://localhost:8080/cognito\"");
        assertThat(get("/cognito/.well-known/jwks.json").response.getContentAsString())
                .startsWith("{\"keys\":[");
    }

    @Test
    void leavesTheInboxToTheDeveloperPages() throws Exception {
        assertThat(get("/cognito/_emulator/messages").chain.getRequest()).isNotNull();
    }

    @Test
    void ignoresTheHostTheRequestNamed() throws Exception {
        MockHttpServletRequest request =
                new MockHttpServletRequest("GET", "/cognito/" + this.poolId + "/.well-known/openid-configuration");
        request.setServerName("127.0.0.1");
        request.setServerPort(4566);

        assertThat(run(request).response.getContentAsString())
                .contains("\"issuer\":\"http://localhost:8080/cognito/" + this.poolId + "\"");
    }

    @Test
    void passesOnEverythingElse() throws Exception {
        assertThat(get("/cognito/other").chain.getRequest()).isNotNull();
        assertThat(get("/elsewhere/.well-known/jwks.json").chain.getRequest()).isNotNull();
        assertThat(get("/cognito").chain.getRequest()).isNotNull();
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/cognito/.well-known/jwks.json");
        assertThat(run(post).chain.getRequest()).isNotNull();
    }

    @Test
    void usesTheConfiguredIssuer() throws Exception {
        CognitoEmulatorDocumentsFilter configured = new CognitoEmulatorDocumentsFilter(
                this.emulator, "/", new CognitoEmulatorIssuer("https://idp.example.com", "", "/", 8080));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/.well-known/openid-configuration");
        MockHttpServletResponse response = new MockHttpServletResponse();

        configured.doFilter(request, response, new MockFilterChain());

        assertThat(response.getContentAsString()).contains("\"issuer\":\"https://idp.example.com\"");
    }

    @Test
    void rejectsAPathThatDoesNotStartWithASlash() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CognitoEmulatorDocumentsFilter(
                        this.emulator, "cognito", new CognitoEmulatorIssuer(null, "", "/", 8080)))
                .withMessage("'path' must start with '/' but was 'cognito'");
    }

    private Exchange get(String uri) throws Exception {
        return run(new MockHttpServletRequest("GET", uri));
    }

    private Exchange run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        this.filter.doFilter(request, response, chain);
        return new Exchange(response, chain);
    }

    private record Exchange(MockHttpServletResponse response, MockFilterChain chain) {}
}
