package io.github.cognitoemulator.autoconfigure.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.CognitoEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@SpringBootTest(classes = HostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class CognitoEmulatorWithoutProfileHttpTests {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Test
    void definesNoEmulator() {
        assertThat(this.context.getBeanNamesForType(CognitoEmulator.class)).isEmpty();
        assertThat(this.context.containsBean("cognitoJsonProtocolFilterRegistration"))
                .isFalse();
    }

    @Test
    void leavesCognitoCallsToTheApplication() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools")
                .POST(HttpRequest.BodyPublishers.ofString("{\"MaxResults\":10}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(HostController.ANSWER_PREFIX + "{\"MaxResults\":10}");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isEmpty();
    }
}
