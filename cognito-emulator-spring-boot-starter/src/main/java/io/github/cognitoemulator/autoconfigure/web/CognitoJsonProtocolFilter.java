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
 * Serves Cognito's JSON 1.1 protocol from the application's own servlet container, so the AWS SDK, the AWS CLI and
 * browser SDKs reach the {@link CognitoEmulator} at the application's port.
 *
 * <p>Only a {@code POST} to the configured path whose {@code X-Amz-Target} names the Cognito user pools service, and the
 * browser's CORS preflight for it, are answered here. Every other request, including other {@code POST}s to the same
 * path, continues down the filter chain untouched, so the emulator can share {@code /} with the application.
 */
public final class CognitoJsonProtocolFilter extends OncePerRequestFilter {

    private final EmulatorHttp.Endpoint endpoint;

    /**
     * Creates a filter that answers at {@code path}, relative to the servlet context.
     *
     * @param emulator the emulator that answers every Cognito call
     * @param path where the emulator answers; must start with {@code /}, a trailing {@code /} is optional
     * @param issuer the issuer of the tokens it hands out
     */
    public CognitoJsonProtocolFilter(CognitoEmulator emulator, String path, CognitoEmulatorIssuer issuer) {
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
    public CognitoJsonProtocolFilter(
            CognitoEmulator emulator, String path, CognitoEmulatorIssuer issuer, EmulatorAccess access) {
        this.endpoint = access.api(access.jsonProtocol(emulator, path, issuer), JsonProtocolEndpoint::accessDenied);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServletEndpointAdapter.serve(this.endpoint, request, response, chain);
    }
}
