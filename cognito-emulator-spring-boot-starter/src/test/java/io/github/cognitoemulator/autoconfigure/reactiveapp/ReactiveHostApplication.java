package io.github.cognitoemulator.autoconfigure.reactiveapp;

import io.github.cognitoemulator.autoconfigure.scenario.RemoteCaller;
import java.net.InetSocketAddress;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A reactive (WebFlux) application with routes of its own, {@code POST /} among them, that the emulator must leave
 * alone. Its tests run it with {@code spring.main.web-application-type=reactive}, since the servlet stack is on the
 * test class path too. It has no security, though Spring Security is on the test class path, like the servlet
 * {@code HostApplication}.
 */
@SpringBootApplication(
        exclude = {
            SecurityAutoConfiguration.class,
            ReactiveUserDetailsServiceAutoConfiguration.class,
            ReactiveWebSecurityAutoConfiguration.class,
            ReactiveOAuth2ResourceServerAutoConfiguration.class
        })
class ReactiveHostApplication {

    /**
     * Lets a test call as if from another host: a request with {@value RemoteCaller#HEADER} has that address as its
     * remote address, as WebFlux's {@code ForwardedHeaderTransformer} gives a proxied caller's. The tests cannot
     * reach the server from another host, and must not send traffic off this machine.
     */
    @Bean
    WebFilter remoteCallerForTests() {
        return new RemoteCallerWebFilter();
    }

    private static final class RemoteCallerWebFilter implements WebFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            String remote = exchange.getRequest().getHeaders().getFirst(RemoteCaller.HEADER);
            if (remote == null) {
                return chain.filter(exchange);
            }
            InetSocketAddress address = new InetSocketAddress(RemoteCaller.address(remote), 40000);
            return chain.filter(exchange.mutate()
                    .request(exchange.getRequest()
                            .mutate()
                            .remoteAddress(address)
                            .build())
                    .build());
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
