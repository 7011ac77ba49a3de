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
 * Serves what the emulator publishes over plain GETs: each pool's OpenID Connect discovery document and key set at
 * {@code /{poolId}/.well-known/openid-configuration} and {@code /{poolId}/.well-known/jwks.json}, the same two
 * documents for the emulator as a whole at {@code /.well-known/...} (the key set there holds every pool's keys). All
 * paths are relative to {@code cognito.emulator.documents-path}; other requests pass through untouched. These are
 * public documents, as Cognito's are: anyone may read them, from any origin.
 */
public final class CognitoEmulatorDocumentsFilter extends OncePerRequestFilter {

    private final EmulatorHttp.Endpoint endpoint;

    /**
     * @param emulator the emulator whose documents are served
     * @param path where the documents are served within the application; must start with {@code /}
     * @param issuer the issuer the documents describe
     */
    public CognitoEmulatorDocumentsFilter(CognitoEmulator emulator, String path, CognitoEmulatorIssuer issuer) {
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
    public CognitoEmulatorDocumentsFilter(
            CognitoEmulator emulator, String path, CognitoEmulatorIssuer issuer, EmulatorAccess access) {
        this.endpoint = access.api(new DocumentsEndpoint(emulator, path, issuer), EmulatorAccess::forbidden);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServletEndpointAdapter.serve(this.endpoint, request, response, chain);
    }
}
