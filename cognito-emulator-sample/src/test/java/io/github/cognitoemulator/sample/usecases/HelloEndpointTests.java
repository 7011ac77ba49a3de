package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The application's own endpoints keep working next to the emulator. */
class HelloEndpointTests extends CognitoUseCase {

    @Test
    void helloAnswersWithAGreeting() {
        HttpResponse<String> response = get("/hello");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
        assertThat(json(response.body()).get("message").asString()).contains("Hello");
    }
}
