package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.core.CognitoEmulator;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Serves each pool's managed login from a reactive (WebFlux) application, as {@link CognitoEmulatorManagedLoginFilter}
 * does from a servlet one: the OAuth 2.0 endpoints and sign-in pages at {@code <documents-path>/<site>/...}. They are
 * for anyone's browser, as Cognito's are, so it runs at {@link CognitoJsonProtocolWebFilter#ORDER}, ahead of Spring
 * Security.
 */
public final class CognitoEmulatorManagedLoginWebFilter implements WebFilter, Ordered {

    private final EmulatorHttp.Endpoint endpoint;

    /**
     * @param emulator the emulator whose pools' managed login is served
     * @param path where the sites are within the application's base path ({@code cognito.emulator.documents-path});
     *     must start with {@code /}
     * @param issuer the issuer whose base URL the sites' URLs are under
     */
    public CognitoEmulatorManagedLoginWebFilter(CognitoEmulator emulator, String path, CognitoEmulatorIssuer issuer) {
        this(emulator, path, issuer, EmulatorAccess.loopbackOnly());
    }

    /**
     * A filter that answers only the callers {@code access} lets in; the others are
     * refused without their bodies being read.
     *
     * @param emulator the emulator that answers
     * @param path as for the constructor without {@code access}
     * @param issuer as for the constructor without {@code access}
     * @param access who may reach the emulator
     */
    public CognitoEmulatorManagedLoginWebFilter(
            CognitoEmulator emulator, String path, CognitoEmulatorIssuer issuer, EmulatorAccess access) {
        this.endpoint = access.api(new ManagedLoginEndpoint(emulator, path, issuer), EmulatorAccess::forbidden);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveEndpointAdapter.serve(this.endpoint, exchange, chain);
    }

    @Override
    public int getOrder() {
        return CognitoJsonProtocolWebFilter.ORDER;
    }
}
