package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.autoconfigure.ApplicationPaths;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's HTTP endpoints without a web stack: what a request is answered with, decided from its method, path,
 * headers and query, and then its body. The servlet filters and the reactive WebFilters only carry requests in and
 * answers out, so both stacks answer alike.
 *
 * <p>Deciding is in two steps so that no adapter reads a body the application is meant to get: {@link Endpoint#route}
 * looks at the {@link Request} alone and says whether the request is the emulator's; only then does the adapter read
 * the body, at most {@link Handle#bodyLimit()} bytes of it, and ask for the {@link Response}.
 */
final class EmulatorHttp {

    private EmulatorHttp() {}

    /** Looks up a request's headers by name, case-insensitively; an absent header has no values. */
    @FunctionalInterface
    interface Headers {

        List<String> values(String name);

        default @Nullable String first(String name) {
            List<String> values = values(name);
            return values.isEmpty() ? null : values.get(0);
        }
    }

    /** Looks up the first value of a query parameter, decoded, or {@code null}. */
    @FunctionalInterface
    interface QueryParameters {

        @Nullable
        String first(String name);
    }

    /**
     * A request as far as it is known before its body is read.
     *
     * @param method the HTTP method
     * @param path the path within the application (without its context or base path), not decoded
     * @param headers the request's headers
     * @param query the request's query parameters
     * @param contentLength the declared length of the body, or {@code -1} when unknown
     */
    record Request(String method, String path, Headers headers, QueryParameters query, long contentLength) {}

    /**
     * An answer to write back as it is.
     *
     * @param status the HTTP status
     * @param headers the headers, in the order they are written; {@code Content-Length} is the adapter's
     * @param body the body, possibly empty
     */
    record Response(int status, Map<String, String> headers, byte[] body) {

        Response {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            Objects.requireNonNull(body, "'body' must not be null");
        }

        static Response json(int status, String body, Map<String, String> extraHeaders) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json;charset=UTF-8");
            headers.putAll(extraHeaders);
            return new Response(status, headers, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What an endpoint makes of a request. */
    sealed interface Route permits Pass, Handle {}

    /** Not the emulator's: the request goes on to the application untouched, body unread. */
    enum Pass implements Route {
        INSTANCE
    }

    /**
     * The emulator's: the adapter reads the body, at most {@code bodyLimit} bytes, and writes {@code answer} of it, or
     * {@code overLimit} when the body is longer. Answering may use the emulator's store, so a reactive adapter runs it
     * off the event loop.
     *
     * @param bodyLimit the most bytes of body the answer takes; 0 when it takes none and the body is left unread
     * @param answer the answer to the body that was read
     * @param overLimit the answer to a body longer than {@code bodyLimit}
     */
    record Handle(int bodyLimit, Function<byte[], Response> answer, Supplier<Response> overLimit) implements Route {

        /** An answer that needs no body. */
        static Handle withoutBody(Supplier<Response> answer) {
            return new Handle(0, (body) -> answer.get(), answer);
        }
    }

    /** One of the emulator's endpoints. */
    @FunctionalInterface
    interface Endpoint {

        Route route(Request request);
    }

    /** Checks a configured path, and gives it without trailing slashes. */
    static String basePath(String path) {
        Objects.requireNonNull(path, "'path' must not be null");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("'path' must start with '/' but was '" + path + "'");
        }
        return ApplicationPaths.withoutTrailingSlashes(path);
    }
}
