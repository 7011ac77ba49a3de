package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.core.CognitoEmulator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves each pool's managed login (the OAuth 2.0 endpoints {@code /oauth2/authorize}, {@code /oauth2/token},
 * {@code /oauth2/userInfo}, {@code /oauth2/revoke}, {@code /logout} and the sign-in pages) at
 * {@code <documents-path>/<site>/...}, where the site is a pool id or the prefix of a pool's domain. Other requests
 * pass through untouched, their bodies unread. Like Cognito's own, these pages are for anyone's browser, so the
 * filter runs ahead of the application's security.
 */
public final class CognitoEmulatorManagedLoginFilter extends OncePerRequestFilter {

    private final EmulatorHttp.Endpoint endpoint;

    /**
     * @param emulator the emulator whose pools' managed login is served
     * @param path where the sites are within the application ({@code cognito.emulator.documents-path}); must start
     *     with {@code /}
     * @param issuer the issuer whose base URL the sites' URLs are under
     */
    public CognitoEmulatorManagedLoginFilter(CognitoEmulator emulator, String path, CognitoEmulatorIssuer issuer) {
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
    public CognitoEmulatorManagedLoginFilter(
            CognitoEmulator emulator, String path, CognitoEmulatorIssuer issuer, EmulatorAccess access) {
        this.endpoint = access.api(new ManagedLoginEndpoint(emulator, path, issuer), EmulatorAccess::forbidden);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServletEndpointAdapter.serve(this.endpoint, request, response, chain);
    }
}
