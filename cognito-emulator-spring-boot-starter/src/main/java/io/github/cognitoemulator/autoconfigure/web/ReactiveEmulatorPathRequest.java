package io.github.cognitoemulator.autoconfigure.web;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.security.web.reactive.ApplicationContextServerWebExchangeMatcher;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The reactive counterpart of {@link EmulatorPathRequest}: exchange matchers for the Cognito emulator's paths in a
 * WebFlux application's security, for example
 * {@code exchanges.matchers(ReactiveEmulatorPathRequest.toCognitoEmulator()).permitAll()}.
 */
public final class ReactiveEmulatorPathRequest {

    private ReactiveEmulatorPathRequest() {}

    /**
     * A matcher for every request the emulator answers, the same requests as
     * {@link EmulatorPathRequest#toCognitoEmulator()}; it matches nothing while the emulator is off.
     */
    public static ServerWebExchangeMatcher toCognitoEmulator() {
        return new CognitoEmulatorExchangeMatcher();
    }

    /** The matcher of {@link #toCognitoEmulator()}. */
    public static final class CognitoEmulatorExchangeMatcher
            extends ApplicationContextServerWebExchangeMatcher<ApplicationContext> {

        private volatile Optional<EmulatorPaths> paths = Optional.empty();

        private CognitoEmulatorExchangeMatcher() {
            super(ApplicationContext.class);
        }

        @Override
        protected boolean ignoreApplicationContext(ApplicationContext applicationContext) {
            return hasServerNamespace(applicationContext, "management");
        }

        @Override
        protected void initialized(Supplier<ApplicationContext> context) {
            this.paths = EmulatorPaths.of(context.get());
        }

        @Override
        protected Mono<MatchResult> matches(ServerWebExchange exchange, Supplier<ApplicationContext> context) {
            ServerHttpRequest request = exchange.getRequest();
            boolean matches = this.paths
                    .map((paths) -> paths.matches(
                            request.getMethod().name(),
                            request.getPath().pathWithinApplication().value(),
                            (name) -> request.getHeaders().getOrEmpty(name)))
                    .orElse(false);
            return matches ? MatchResult.match() : MatchResult.notMatch();
        }

        @Override
        public String toString() {
            return "CognitoEmulatorExchangeMatcher";
        }
    }
}
