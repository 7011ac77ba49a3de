package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Handle;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Response;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Route;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Carries a reactive request to an {@link EmulatorHttp.Endpoint} and its answer back. The body is gathered without
 * blocking and never beyond the endpoint's limit; the answer, which may reach a JDBC store, is computed on the
 * bounded elastic scheduler, never on an event-loop thread.
 */
final class ReactiveEndpointAdapter {

    private static final byte[] NO_BODY = new byte[0];

    private ReactiveEndpointAdapter() {}

    static Mono<Void> serve(EmulatorHttp.Endpoint endpoint, ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        Route route = endpoint.route(new EmulatorHttp.Request(
                request.getMethod().name(),
                request.getPath().pathWithinApplication().value(),
                EmulatorHttp.Headers.of(
                        () -> request.getHeaders().headerNames(),
                        (name) -> request.getHeaders().getOrEmpty(name)),
                (name) -> queryParameter(request.getQueryParams(), name),
                request.getHeaders().getContentLength(),
                request.getURI().getRawQuery(),
                request.getURI().getRawPath(),
                remoteAddress(request)));
        if (!(route instanceof Handle handle)) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        // Back on the connection's own thread to write: Reactor Netty can leave the connection's next request without
        // its body when an answer is written from another thread.
        return answer(handle, request)
                .publishOn(ConnectionThreads.writerOf(response))
                .flatMap((answer) -> write(answer, response));
    }

    /**
     * The first value of a query parameter, decoded as a servlet container decodes it ({@code +} and {@code %20} are
     * spaces; a parameter without {@code =} is empty); WebFlux keeps names and values as they were sent.
     */
    static @Nullable String queryParameter(MultiValueMap<String, String> rawParameters, String name) {
        for (Map.Entry<String, List<String>> parameter : rawParameters.entrySet()) {
            if (name.equals(decode(parameter.getKey()))) {
                for (String value : parameter.getValue()) {
                    String decoded = (value != null) ? decode(value) : "";
                    if (decoded != null) {
                        return decoded;
                    }
                }
            }
        }
        return null;
    }

    /** {@code text} decoded, or {@code null} when it is not validly encoded, which a servlet container ignores. */
    private static @Nullable String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static @Nullable InetAddress remoteAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return (remote != null) ? remote.getAddress() : null;
    }

    private static Mono<Response> answer(Handle handle, ServerHttpRequest request) {
        if (handle.bodyLimit() > 0 && request.getHeaders().getContentLength() > handle.bodyLimit()) {
            // Refused on its declared length alone, none of it read.
            return Mono.fromSupplier(handle.overLimit()).subscribeOn(Schedulers.boundedElastic());
        }
        Mono<byte[]> body = (handle.bodyLimit() == 0)
                ? Mono.just(NO_BODY)
                : DataBufferUtils.join(request.getBody(), handle.bodyLimit())
                        .map(ReactiveEndpointAdapter::bytes)
                        .defaultIfEmpty(NO_BODY);
        return body.publishOn(Schedulers.boundedElastic())
                .map(handle.answer())
                .onErrorResume(
                        DataBufferLimitException.class,
                        (tooLong) -> Mono.fromSupplier(handle.overLimit()).subscribeOn(Schedulers.boundedElastic()));
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static Mono<Void> write(Response answer, ServerHttpResponse response) {
        response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
        answer.writeHeaders(response.getHeaders()::set, response.getHeaders()::add);
        response.getHeaders().setContentLength(answer.body().length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.body())));
    }
}
