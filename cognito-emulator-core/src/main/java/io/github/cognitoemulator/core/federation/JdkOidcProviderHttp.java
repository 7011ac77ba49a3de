package io.github.cognitoemulator.core.federation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link OidcProviderHttp} over the JDK's HTTP client, with timeouts and a bound on what it reads. */
final class JdkOidcProviderHttp implements OidcProviderHttp {

    /**
     * Made on first use: building an HTTP client sets up TLS and starts a selector thread, which would add to the
     * startup of every application although few pools ever federate.
     */
    private volatile @Nullable HttpClient client;

    private final Duration timeout;

    private final int maxResponseBytes;

    JdkOidcProviderHttp(Duration timeout, int maxResponseBytes) {
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public Response get(URI uri, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(this.timeout).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    @Override
    public Response postForm(URI uri, Map<String, String> form, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(this.timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** The form encoded as {@code application/x-www-form-urlencoded}. */
    static String formBody(Map<String, String> form) {
        List<String> fields = new ArrayList<>();
        form.forEach((name, value) -> fields.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return String.join("&", fields);
    }

    private Response send(HttpRequest request) throws IOException {
        try {
            HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                return new Response(response.statusCode(), read(body, this.maxResponseBytes));
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for " + request.uri());
        }
    }

    private HttpClient client() {
        HttpClient current = this.client;
        if (current == null) {
            synchronized (this) {
                current = this.client;
                if (current == null) {
                    current = HttpClient.newBuilder()
                            .connectTimeout(this.timeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    this.client = current;
                }
            }
        }
        return current;
    }

    /** The body as text, failing once it grows past {@code maxBytes} so that a provider cannot exhaust memory. */
    static String read(InputStream body, int maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while ((n = body.read(buffer)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw new IOException("The provider's answer is larger than " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
