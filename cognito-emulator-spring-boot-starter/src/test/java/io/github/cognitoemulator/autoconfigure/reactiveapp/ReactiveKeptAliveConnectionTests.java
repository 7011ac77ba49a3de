package io.github.cognitoemulator.autoconfigure.reactiveapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.autoconfigure.scenario.CognitoOverHttpScenario;
import io.github.cognitoemulator.core.CognitoEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The emulator's answers on Reactor Netty leave a kept-alive connection as WebFlux's own do: the application's next
 * requests on it, a POST with a body among them, are answered. An answer written from the thread that computed it, off the event
 * loop, used to leave such a request waiting for its body within a few dozen rounds.
 */
@SpringBootTest(
        classes = ReactiveHostApplication.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=reactive")
@ActiveProfiles("dev")
class ReactiveKeptAliveConnectionTests {

    private static final int ROUNDS = 100;

    /** One connection, kept alive from request to request. */
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    private int port;

    @Autowired
    private CognitoEmulator emulator;

    @Test
    void theApplicationAnswersEveryRequestThatFollowsTheEmulatorsOnOneConnection() throws Exception {
        String response = new String(
                this.emulator
                        .handle("CreateUserPool", "{\"PoolName\":\"kept-alive\"}")
                        .body(),
                StandardCharsets.UTF_8);
        String poolId = response.replaceAll("(?s).*\"Id\":\"([^\"]+)\".*", "$1");

        for (int round = 0; round < ROUNDS; round++) {
            HttpResponse<String> loginPage =
                    send(HttpRequest.newBuilder(uri("/" + poolId + "/login")).GET());
            HttpResponse<String> keys = send(HttpRequest.newBuilder(uri("/" + poolId + "/.well-known/jwks.json"))
                    .GET());
            HttpResponse<String> applicationPage =
                    send(HttpRequest.newBuilder(uri("/shop/login")).GET());
            HttpResponse<String> application = send(HttpRequest.newBuilder(uri("/shop/oauth2/token"))
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("round " + round)));

            assertThat(loginPage.body()).doesNotStartWith(CognitoOverHttpScenario.HOST_ANSWER_PREFIX);
            assertThat(keys.statusCode()).isEqualTo(200);
            assertThat(applicationPage.body())
                    .isEqualTo(CognitoOverHttpScenario.HOST_ANSWER_PREFIX + "GET /shop/login");
            assertThat(application.body())
                    .isEqualTo(CognitoOverHttpScenario.HOST_ANSWER_PREFIX + "POST /shop/oauth2/token round " + round);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return this.http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }
}
