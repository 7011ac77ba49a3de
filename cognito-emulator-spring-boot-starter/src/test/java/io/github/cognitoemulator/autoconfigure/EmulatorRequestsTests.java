package io.github.cognitoemulator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class EmulatorRequestsTests {

    @Test
    void stripsEveryTrailingSlash() {
        assertThat(EmulatorRequests.stripTrailingSlashes("/cognito//")).isEqualTo("/cognito");
        assertThat(EmulatorRequests.stripTrailingSlashes("/")).isEmpty();
        assertThat(EmulatorRequests.stripTrailingSlashes("/a/b")).isEqualTo("/a/b");
    }

    @Test
    void issuerLeavesOutTheDefaultPortOfItsScheme() {
        assertThat(issuer("http", "localhost", 80)).isEqualTo("http://localhost/api/cognito");
        assertThat(issuer("https", "localhost", 443)).isEqualTo("https://localhost/api/cognito");
        assertThat(issuer("http", "localhost", 443)).isEqualTo("http://localhost:443/api/cognito");
        assertThat(issuer("https", "localhost", 80)).isEqualTo("https://localhost:80/api/cognito");
        assertThat(issuer("http", "localhost", 9229)).isEqualTo("http://localhost:9229/api/cognito");
    }

    @Test
    void issuerBracketsAnIpv6Host() {
        assertThat(issuer("http", "::1", 9229)).isEqualTo("http://[::1]:9229/api/cognito");
        assertThat(issuer("http", "[::1]", 9229)).isEqualTo("http://[::1]:9229/api/cognito");
    }

    @Test
    void configuredIssuerWins() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        assertThat(EmulatorRequests.issuerBaseUrl(request, "https://idp.example.com", "/cognito"))
                .isEqualTo("https://idp.example.com");
    }

    private static String issuer(String scheme, String host, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cognito");
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        request.setContextPath("/api");
        return EmulatorRequests.issuerBaseUrl(request, null, "/cognito");
    }
}
