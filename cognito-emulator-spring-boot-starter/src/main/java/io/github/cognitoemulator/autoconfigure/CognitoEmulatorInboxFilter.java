package io.github.cognitoemulator.autoconfigure;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.message.MessageJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
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

    private final CognitoEmulator emulator;

    private final String inboxPath;

    /**
     * @param emulator the emulator whose inbox is served
     * @param path the emulator's path within the application; must start with {@code /}
     */
    public CognitoEmulatorInboxFilter(CognitoEmulator emulator, String path) {
        this.emulator = Objects.requireNonNull(emulator, "'emulator' must not be null");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("'path' must start with '/' but was '" + path + "'");
        }
        this.inboxPath = EmulatorRequests.stripTrailingSlashes(path) + INBOX_PATH;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"GET".equals(request.getMethod())
                || !EmulatorRequests.pathWithinApplication(request).equals(this.inboxPath)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = MessageJson.write(this.emulator
                        .inbox()
                        .messages(request.getParameter("poolId"), request.getParameter("username")))
                .getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
