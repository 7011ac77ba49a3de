package io.github.cognitoemulator.core.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkOidcProviderHttpTest {

    private HttpServer server;

    private String base;

    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        // Port 0: a free port the system picks.
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.server.createContext("/", (exchange) -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            this.received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
            byte[] answer = exchange.getRequestURI().getPath().equals("/big")
                    ? new byte[2048]
                    : "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(
                    exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        this.server.start();
        this.base = "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        this.server.stop(0);
    }

    @Test
    void getsAndPostsFormsWithTheirHeaders() throws IOException {
        OidcProviderHttp http = OidcProviderHttp.jdk(Duration.ofSeconds(5), 1024);

        OidcProviderHttp.Response got =
                http.get(URI.create(this.base + "/userInfo"), Map.of("Authorization", "Bearer t"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("redirect_uri", "http://x/a b&c");
        OidcProviderHttp.Response posted = http.postForm(URI.create(this.base + "/token"), form, Map.of());
        OidcProviderHttp.Response missing = OidcProviderHttp.jdk().get(URI.create(this.base + "/missing"), Map.of());

        assertThat(got).isEqualTo(new OidcProviderHttp.Response(200, "{\"ok\":true}"));
        assertThat(got.isSuccess()).isTrue();
        assertThat(posted.body()).isEqualTo("{\"ok\":true}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.isSuccess()).isFalse();
        assertThat(this.received)
                .containsExactly(
                        "GET /userInfo Bearer t null ",
                        "POST /token null application/x-www-form-urlencoded"
                                + " grant_type=authorization_code&redirect_uri=http%3A%2F%2Fx%2Fa+b%26c",
                        "GET /missing null null ");
    }

    @Test
    void anAnswerLargerThanTheLimitFails() {
        OidcProviderHttp http = OidcProviderHttp.jdk(Duration.ofSeconds(5), 2047);

        assertThatThrownBy(() -> http.get(URI.create(this.base + "/big"), Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessage("The provider's answer is larger than 2047 bytes");
    }

    @Test
    void readingStopsJustPastTheLimit() throws IOException {
        assertThat(JdkOidcProviderHttp.read(new ByteArrayInputStream(new byte[2048]), 2048))
                .hasSize(2048);
        assertThatThrownBy(() -> JdkOidcProviderHttp.read(new ByteArrayInputStream(new byte[2049]), 2048))
                .isInstanceOf(IOException.class);
    }

    @Test
    void statusesOutsideTwoHundredAreNoSuccess() {
        assertThat(new OidcProviderHttp.Response(199, "").isSuccess()).isFalse();
        assertThat(new OidcProviderHttp.Response(299, "").isSuccess()).isTrue();
        assertThat(new OidcProviderHttp.Response(300, "").isSuccess()).isFalse();
        assertThat(new OidcProviderHttp.Response(200, "{\"id_token\":\"x\"}"))
                .hasToString("Response[status=200, body=***]");
    }
}
