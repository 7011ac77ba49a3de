package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.autoconfigure.ApplicationPaths;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
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
    interface Headers {

        List<String> values(String name);

        /** The names of the headers the request has, each once, in the case the web stack gives them. */
        Collection<String> names();

        default @Nullable String first(String name) {
            List<String> values = values(name);
            return values.isEmpty() ? null : values.get(0);
        }

        /** Every header with its values, in the order of {@link #names()}. */
        default Map<String, List<String>> all() {
            Map<String, List<String>> all = new LinkedHashMap<>();
            for (String name : names()) {
                all.put(name, values(name));
            }
            return all;
        }

        /** The headers of a web stack that gives the names, and the values of one name. */
        static Headers of(Supplier<Collection<String>> names, Function<String, List<String>> values) {
            return new Headers() {

                @Override
                public List<String> values(String name) {
                    return values.apply(name);
                }

                @Override
                public Collection<String> names() {
                    return names.get();
                }
            };
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
     * @param rawQuery the query string as sent, not decoded, or {@code null} when there is none
     * @param rawPath the whole path as sent, context path included, not decoded: the one a SigV4 signature covers
     * @param remoteAddress the caller's address, or {@code null} when the web stack does not know it
     */
    record Request(
            String method,
            String path,
            Headers headers,
            QueryParameters query,
            long contentLength,
            @Nullable String rawQuery,
            String rawPath,
            @Nullable InetAddress remoteAddress) {

        /** A request whose path is the whole path, from a caller whose address is unknown. */
        Request(
                String method,
                String path,
                Headers headers,
                QueryParameters query,
                long contentLength,
                @Nullable String rawQuery) {
            this(method, path, headers, query, contentLength, rawQuery, path, null);
        }
    }

    /**
     * An answer to write back as it is.
     *
     * @param status the HTTP status
     * @param headers the headers, in the order they are written, a name possibly more than once (as
     *     {@code Set-Cookie}): its first line replaces whatever the response had under that name, the next ones are
     *     added to it; {@code Content-Length} is the adapter's
     * @param body the body, possibly empty
     */
    record Response(int status, List<Header> headers, byte[] body) {

        Response {
            headers = List.copyOf(headers);
            Objects.requireNonNull(body, "'body' must not be null");
        }

        /** An answer with each header once, in the map's order. */
        Response(int status, Map<String, String> headers, byte[] body) {
            this(status, Header.of(headers), body);
        }

        /**
         * Writes the headers with {@code set} for the first line of each name and {@code add} for the next ones, so
         * that repeated headers all arrive and a header the response had already is replaced.
         */
        void writeHeaders(BiConsumer<String, String> set, BiConsumer<String, String> add) {
            Set<String> written = new HashSet<>();
            for (Header header : this.headers) {
                if (written.add(header.name().toLowerCase(Locale.ROOT))) {
                    set.accept(header.name(), header.value());
                } else {
                    add.accept(header.name(), header.value());
                }
            }
        }

        static Response json(int status, String body, Map<String, String> extraHeaders) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json;charset=UTF-8");
            headers.putAll(extraHeaders);
            return new Response(status, headers, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * One header line of a {@link Response}.
     *
     * @param name the header name
     * @param value the header value
     */
    record Header(String name, String value) {

        Header {
            Objects.requireNonNull(name, "'name' must not be null");
            Objects.requireNonNull(value, "'value' must not be null");
        }

        /** The lines of {@code headers}, one per name, in the map's order. */
        static List<Header> of(Map<String, String> headers) {
            List<Header> lines = new ArrayList<>();
            headers.forEach((name, value) -> lines.add(new Header(name, value)));
            return lines;
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
