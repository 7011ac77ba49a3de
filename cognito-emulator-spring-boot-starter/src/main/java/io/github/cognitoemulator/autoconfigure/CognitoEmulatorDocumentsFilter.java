package io.github.cognitoemulator.autoconfigure;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.oidc.OidcDocuments;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves what the emulator publishes over plain GETs: each pool's OpenID Connect discovery document and key set at
 * {@code /{poolId}/.well-known/openid-configuration} and {@code /{poolId}/.well-known/jwks.json}, the same two
 * documents for the emulator as a whole at {@code /.well-known/...} (the key set there holds every pool's keys). All
 * paths are relative to {@code cognito.emulator.documents-path}; other requests pass through untouched. These are
 * public documents, as Cognito's are: anyone may read them, from any origin.
 */
public final class CognitoEmulatorDocumentsFilter extends OncePerRequestFilter {

    private static final Pattern POOL_DOCUMENT =
            Pattern.compile("/([\\w-]+_[0-9a-zA-Z]+)/\\.well-known/(openid-configuration|jwks\\.json)");

    private static final String JSON = "application/json;charset=UTF-8";

    private final CognitoEmulator emulator;

    private final String basePath;

    private final CognitoEmulatorIssuer issuer;

    /**
     * @param emulator the emulator whose documents are served
     * @param path where the documents are served within the application; must start with {@code /}
     * @param issuer the issuer the documents describe
     */
    public CognitoEmulatorDocumentsFilter(CognitoEmulator emulator, String path, CognitoEmulatorIssuer issuer) {
        this.emulator = Objects.requireNonNull(emulator, "'emulator' must not be null");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("'path' must start with '/' but was '" + path + "'");
        }
        this.basePath = EmulatorRequests.stripTrailingSlashes(path);
        this.issuer = Objects.requireNonNull(issuer, "'issuer' must not be null");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = EmulatorRequests.pathWithinApplication(request);
        if (!"GET".equals(request.getMethod()) || !path.startsWith(this.basePath + "/")) {
            chain.doFilter(request, response);
            return;
        }
        String document = path.substring(this.basePath.length());
        String base = this.issuer.baseUrl();
        Matcher pool = POOL_DOCUMENT.matcher(document);
        if (pool.matches()) {
            String userPoolId = pool.group(1);
            Optional<String> body = pool.group(2).equals("jwks.json")
                    ? this.emulator.jwks(userPoolId)
                    : this.emulator.openidConfiguration(userPoolId, base);
            write(response, body.orElse(null), userPoolId);
            return;
        }
        switch (document) {
            case "/.well-known/openid-configuration" -> write(response, OidcDocuments.openidConfiguration(base), null);
            case "/.well-known/jwks.json" -> write(response, this.emulator.jwks(), null);
            default -> chain.doFilter(request, response);
        }
    }

    private static void write(HttpServletResponse response, @Nullable String body, @Nullable String userPoolId)
            throws IOException {
        String text = body;
        if (text == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            text = "{\"message\":\"User pool " + userPoolId + " does not exist.\"}";
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setContentType(JSON);
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
