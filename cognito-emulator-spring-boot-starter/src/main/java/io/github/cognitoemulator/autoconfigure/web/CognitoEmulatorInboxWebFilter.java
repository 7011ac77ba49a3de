package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.core.CognitoEmulator;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Serves the inbox of messages that would have gone out by email or SMS in a reactive (WebFlux) application, as
 * {@link CognitoEmulatorInboxFilter} does in a servlet one, at
 * {@code <cognito.emulator.path>}{@value CognitoEmulatorInboxFilter#INBOX_PATH}.
 *
 * <p>It is a developer page, not part of Cognito's API, and what it shows is as secret as a password: it runs at
 * {@link #ORDER}, behind Spring Security's {@code WebFilterChainProxy} (at -100), so the application's security
 * decides who may read it, and it carries no CORS header.
 */
public final class CognitoEmulatorInboxWebFilter implements WebFilter, Ordered {

    /** Behind Spring Security's {@code WebFilterChainProxy} (-100) and any other security filter. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    private final EmulatorHttp.Endpoint endpoint;

    /**
     * @param emulator the emulator whose inbox is served
     * @param path the emulator's path within the application's base path; must start with {@code /}
     */
    public CognitoEmulatorInboxWebFilter(CognitoEmulator emulator, String path) {
        this(emulator, path, EmulatorAccess.loopbackOnly());
    }

    /**
     * A filter that answers only the callers {@code access} lets in; the others are
     * refused without their bodies being read.
     *
     * @param emulator the emulator that answers
     * @param path as for the constructor without {@code access}
     * @param access who may reach the emulator
     */
    public CognitoEmulatorInboxWebFilter(CognitoEmulator emulator, String path, EmulatorAccess access) {
        this.endpoint = access.developerPage(new InboxEndpoint(emulator, path));
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
