package io.github.cognitoemulator.core.oauth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer of a pool's managed login, for a web adapter to write back as it is.
 *
 * @param status the HTTP status
 * @param headers the headers in the order they are written, a name possibly more than once ({@code Set-Cookie});
 *     {@code Content-Length} is the adapter's
 * @param body the body, possibly empty
 */
public record HostedResponse(int status, List<Header> headers, byte[] body) {

    public HostedResponse {
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "'body' must not be null");
    }

    /** An answer with a UTF-8 body of {@code contentType}. */
    public static HostedResponse of(int status, String contentType, String body, List<Header> extraHeaders) {
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("Content-Type", contentType));
        headers.addAll(extraHeaders);
        return new HostedResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The first value of the header {@code name} (any case), or {@code null}. */
    public @Nullable String header(String name) {
        return this.headers.stream()
                .filter((header) -> header.name().equalsIgnoreCase(name))
                .map(Header::value)
                .findFirst()
                .orElse(null);
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(this.body, StandardCharsets.UTF_8);
    }

    /**
     * One header line.
     *
     * @param name the header name
     * @param value the header value
     */
    public record Header(String name, String value) {

        public Header {
            Objects.requireNonNull(name, "'name' must not be null");
            Objects.requireNonNull(value, "'value' must not be null");
        }
    }
}
