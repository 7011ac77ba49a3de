package io.github.cognitoemulator.core.federation;

import io.github.cognitoemulator.core.support.Redacted;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the emulator talks to an external OpenID Connect provider: discovery documents, key sets, the token endpoint
 * and the userInfo endpoint. A seam, so that tests serve a provider in-process.
 */
public interface OidcProviderHttp {

    /**
     * Sends a {@code GET}.
     *
     * @param headers extra request headers, such as {@code Authorization}
     * @throws IOException when the provider cannot be reached or its answer is too large
     */
    Response get(URI uri, Map<String, String> headers) throws IOException;

    /**
     * Sends a {@code POST} of an {@code application/x-www-form-urlencoded} body.
     *
     * @param form the form fields, in order
     * @param headers extra request headers
     * @throws IOException when the provider cannot be reached or its answer is too large
     */
    Response postForm(URI uri, Map<String, String> form, Map<String, String> headers) throws IOException;

    /**
     * A client over the JDK's {@link java.net.http.HttpClient}.
     *
     * @param timeout how long to wait to connect and for each answer
     * @param maxResponseBytes the largest answer body read; a larger one fails
     */
    static OidcProviderHttp jdk(Duration timeout, int maxResponseBytes) {
        return new JdkOidcProviderHttp(timeout, maxResponseBytes);
    }

    /** A client over the JDK's with a 5 second timeout and answers of at most 1 MiB. */
    static OidcProviderHttp jdk() {
        return jdk(Duration.ofSeconds(5), 1 << 20);
    }

    /**
     * The provider's answer.
     *
     * @param status the HTTP status
     * @param body the body as UTF-8 text
     */
    record Response(int status, String body) {

        public Response {
            Objects.requireNonNull(body, "'body' must not be null");
        }

        /** A description without the body, which may hold the provider's tokens. */
        @Override
        public String toString() {
            return "Response[status=" + this.status + ", body=" + Redacted.secret(this.body) + "]";
        }

        /** Whether the status is 2xx. */
        public boolean isSuccess() {
            return this.status >= 200 && this.status < 300;
        }
    }
}
