package io.github.cognitoemulator.bench;

import io.github.cognitoemulator.core.protocol.CognitoJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Cognito's JSON 1.1 protocol over HTTP, as the AWS SDKs speak it, against the emulator or a peer. */
final class JsonApi {

    private final URI endpoint;

    private final HttpClient http;

    JsonApi(String endpoint) {
        this.endpoint = URI.create(endpoint);
        // HTTP/1.1 with kept-alive connections, as wrk and the SDKs use them.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Sends one action; the caller looks at the status. */
    HttpResponse<byte[]> send(String action, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(this.endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + action)
                // cognito-local wants a credential scope to tell the region; the emulator ignores it on loopback.
                .header(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/cognito-idp/aws4_request, "
                                + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends one action that must succeed, and reads its answer. */
    Map<String, Object> call(String action, String body) {
        try {
            HttpResponse<byte[]> response = send(action, body);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(action + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return CognitoJson.readMap(response.body());
        } catch (IOException ex) {
            throw new IllegalStateException(action + " failed: " + ex, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(action + " interrupted", ex);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** A JSON string literal. */
    static String quote(String value) {
        return new String(CognitoJson.write(value), StandardCharsets.UTF_8);
    }
}
