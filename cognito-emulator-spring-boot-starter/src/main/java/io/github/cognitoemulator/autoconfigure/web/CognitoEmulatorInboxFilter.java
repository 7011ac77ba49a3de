package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.core.CognitoEmulator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the inbox of messages that would have gone out by email or SMS (codes, temporary passwords, invitations) at
 * {@code <cognito.emulator.path>/_emulator/messages}, newest first, optionally narrowed with the {@code poolId} and
 * {@code username} query parameters. Other requests pass through untouched.
 *
 * <p>It carries no CORS header: what it shows is as secret as a password, so only pages of the application's own
 * origin, and whoever the application's security lets through, may read it.
 */
public final class CognitoEmulatorInboxFilter extends OncePerRequestFilter {

    /** Where the inbox is, relative to the emulator's path. */
    public static final String INBOX_PATH = "/_emulator/messages";

    private final EmulatorHttp.Endpoint endpoint;

    /**
     * @param emulator the emulator whose inbox is served
     * @param path the emulator's path within the application; must start with {@code /}
     */
    public CognitoEmulatorInboxFilter(CognitoEmulator emulator, String path) {
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
    public CognitoEmulatorInboxFilter(CognitoEmulator emulator, String path, EmulatorAccess access) {
        this.endpoint = access.developerPage(new InboxEndpoint(emulator, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServletEndpointAdapter.serve(this.endpoint, request, response, chain);
    }
}
