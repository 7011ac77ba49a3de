package io.github.cognitoemulator.core.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The answer to a {@link ProtocolRequest}: what a transport writes back, unchanged.
 *
 * @param status the HTTP status
 * @param headers the response headers, {@code Content-Type} and {@code x-amzn-RequestId} among them
 * @param body the JSON body
 */
public record ProtocolResponse(int status, Map<String, String> headers, byte[] body) {

    public ProtocolResponse {
        headers = Map.copyOf(headers);
    }

    /** The body as text. */
    public String bodyAsString() {
        return new String(this.body, StandardCharsets.UTF_8);
    }
}
