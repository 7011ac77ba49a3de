package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.core.CognitoEmulator;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Serves the emulator's OpenID Connect documents from a reactive (WebFlux) application, as
 * {@link CognitoEmulatorDocumentsFilter} does from a servlet one: each pool's discovery document and key set under
 * {@code cognito.emulator.documents-path}, and the emulator's own at {@code /.well-known/...} there. They are public,
 * as Cognito's are, so it runs at {@link CognitoJsonProtocolWebFilter#ORDER}, ahead of Spring Security.
 */
public final class CognitoEmulatorDocumentsWebFilter implements WebFilter, Ordered {

    private final EmulatorHttp.Endpoint endpoint;

    /**
     * @param emulator the emulator whose documents are served
     * @param path where the documents are served within the application's base path; must start with {@code /}
     * @param issuer the issuer the documents describe
     */
    public CognitoEmulatorDocumentsWebFilter(CognitoEmulator emulator, String path, CognitoEmulatorIssuer issuer) {
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
    public CognitoEmulatorDocumentsWebFilter(
            CognitoEmulator emulator, String path, CognitoEmulatorIssuer issuer, EmulatorAccess access) {
        this.endpoint = access.api(new DocumentsEndpoint(emulator, path, issuer), EmulatorAccess::forbidden);
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
