package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.core.CognitoEmulator;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Serves Cognito's JSON 1.1 protocol from a reactive (WebFlux) application, as {@link CognitoJsonProtocolFilter} does
 * from a servlet one: only a {@code POST} to the configured path whose {@code X-Amz-Target} names the Cognito user
 * pools service, and the browser's CORS preflight for it, are answered; every other request continues down the chain
 * untouched, body unread.
 *
 * <p>It runs at {@link #ORDER}, ahead of Spring Security's {@code WebFilterChainProxy} (at -100), so the AWS SDK
 * reaches the emulator whatever the application's security rules.
 */
public final class CognitoJsonProtocolWebFilter implements WebFilter, Ordered {

    /** Ahead of Spring Security's {@code WebFilterChainProxy} (-100) and any filter that could reject an AWS call. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final EmulatorHttp.Endpoint endpoint;

    /**
     * @param emulator the emulator that answers every Cognito call
     * @param path where the emulator answers, within the application's base path; must start with {@code /}, a
     *     trailing {@code /} is optional
     * @param issuer the issuer of the tokens it hands out
     */
    public CognitoJsonProtocolWebFilter(CognitoEmulator emulator, String path, CognitoEmulatorIssuer issuer) {
        this(emulator, path, issuer, EmulatorAccess.loopbackOnly());
    }

    /**
     * A filter that answers only the callers {@code access} lets in, and takes bodies up to its limit; the others are
     * refused without their bodies being read.
     *
     * @param emulator the emulator that answers
     * @param path as for the constructor without {@code access}
     * @param issuer as for the constructor without {@code access}
     * @param access who may reach the emulator
     */
    public CognitoJsonProtocolWebFilter(
            CognitoEmulator emulator, String path, CognitoEmulatorIssuer issuer, EmulatorAccess access) {
        this.endpoint = access.api(access.jsonProtocol(emulator, path, issuer), JsonProtocolEndpoint::accessDenied);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveEndpointAdapter.serve(this.endpoint, exchange, chain);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
