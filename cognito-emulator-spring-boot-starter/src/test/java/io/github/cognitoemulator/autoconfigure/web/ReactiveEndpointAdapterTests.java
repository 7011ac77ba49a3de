package io.github.cognitoemulator.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Handle;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Pass;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class ReactiveEndpointAdapterTests {

    private final List<EmulatorHttp.Request> routed = new ArrayList<>();

    private final AtomicReference<String> answeredOn = new AtomicReference<>();

    private final AtomicReference<byte[]> answeredBody = new AtomicReference<>();

    private boolean chainCalled;

    private final WebFilterChain chain = (exchange) -> {
        this.chainCalled = true;
        return Mono.empty();
    };

    private EmulatorHttp.Endpoint answering(int bodyLimit) {
        return (request) -> {
            this.routed.add(request);
            return new Handle(
                    bodyLimit,
                    (body) -> {
                        this.answeredOn.set(Thread.currentThread().getName());
                        this.answeredBody.set(body);
                        return new Response(
                                201, Map.of("X-Answer", "yes"), "answered".getBytes(StandardCharsets.UTF_8));
                    },
                    () -> new Response(413, Map.of(), new byte[0]));
        };
    }

    @Test
    void passesTheRequestOnUntouchedWhenTheEndpointDoesNotTakeIt() {
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.post("/x").body("body"));

        ReactiveEndpointAdapter.serve((request) -> Pass.INSTANCE, exchange, this.chain)
                .block();

        assertThat(this.chainCalled).isTrue();
        assertThat(exchange.getResponse().getStatusCode()).isNull();
    }

    @Test
    void answersWithTheBodyOffTheEventLoop() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/app/x?username=a%20b")
                .contextPath("/app")
                .header("X-Amz-Target", "one")
                .header("x-amz-target", "two")
                .contentLength(8)
                .body("the body"));

        ReactiveEndpointAdapter.serve(answering(100), exchange, this.chain).block();

        assertThat(this.chainCalled).isFalse();
        EmulatorHttp.Request request = this.routed.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/x");
        assertThat(request.headers().values("X-AMZ-TARGET")).containsExactly("one", "two");
        assertThat(request.headers().first("Absent")).isNull();
        assertThat(request.query().first("username")).isEqualTo("a b");
        assertThat(request.contentLength()).isEqualTo(8);
        assertThat(new String(this.answeredBody.get(), StandardCharsets.UTF_8)).isEqualTo("the body");
        assertThat(this.answeredOn.get()).startsWith("boundedElastic");
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(201);
        assertThat(exchange.getResponse().getHeaders().getFirst("X-Answer")).isEqualTo("yes");
        assertThat(exchange.getResponse().getHeaders().getContentLength()).isEqualTo(8);
        assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo("answered");
    }

    @Test
    void decodesQueryParametersAsAServletContainerDoes() {
        MultiValueMap<String, String> raw = UriComponentsBuilder.fromUriString(
                        "/x?user%6Eame=a+b%2Bc&empty&bad=%zz&bad=second&poolId=one&poolId=two")
                .build()
                .getQueryParams();

        assertThat(ReactiveEndpointAdapter.queryParameter(raw, "username")).isEqualTo("a b+c");
        assertThat(ReactiveEndpointAdapter.queryParameter(raw, "empty")).isEmpty();
        assertThat(ReactiveEndpointAdapter.queryParameter(raw, "bad")).isEqualTo("second");
        assertThat(ReactiveEndpointAdapter.queryParameter(raw, "poolId")).isEqualTo("one");
        assertThat(ReactiveEndpointAdapter.queryParameter(raw, "absent")).isNull();
    }

    @Test
    void givesAnEmptyBodyWhenThereIsNone() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/x"));

        ReactiveEndpointAdapter.serve(answering(100), exchange, this.chain).block();

        assertThat(this.answeredBody.get()).isEmpty();
        assertThat(this.answeredOn.get()).startsWith("boundedElastic");
    }

    @Test
    void leavesTheBodyUnreadWhenTheAnswerTakesNone() {
        boolean[] subscribed = {false};
        Flux<DataBuffer> body = Flux.defer(() -> {
            subscribed[0] = true;
            return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(new byte[] {1}));
        });
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.post("/x").body(body));

        ReactiveEndpointAdapter.serve(answering(0), exchange, this.chain).block();

        assertThat(subscribed[0]).isFalse();
        assertThat(this.answeredBody.get()).isEmpty();
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void answersABodyOverTheLimitWithoutTheEndpointSeeingIt() {
        Flux<DataBuffer> body =
                Flux.range(0, 3).map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[] {1, 2, 3, 4}));
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.post("/x").body(body));

        ReactiveEndpointAdapter.serve(answering(11), exchange, this.chain).block();

        assertThat(this.answeredBody.get()).isNull();
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(413);
        assertThat(exchange.getResponse().getHeaders().getContentLength()).isZero();
    }

    @Test
    void takesABodyOfExactlyTheLimit() {
        Flux<DataBuffer> body =
                Flux.range(0, 3).map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[] {1, 2, 3, 4}));
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.post("/x").body(body));

        ReactiveEndpointAdapter.serve(answering(12), exchange, this.chain).block();

        assertThat(this.answeredBody.get()).hasSize(12);
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(201);
    }
}
