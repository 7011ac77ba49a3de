package io.github.cognitoemulator.autoconfigure;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.StringUtils;

/**
 * The issuer of the emulator's tokens: every pool's {@code iss} is {@link #baseUrl()}{@code /<poolId>}, and the pool's
 * discovery document and key set are served under it.
 *
 * <p>The base is {@code cognito.emulator.issuer-base-url} when set. Otherwise it is
 * {@code http://localhost:<port><context path><documents path>}, where the port is the one the application's server
 * listens on once it has started (before that, {@code server.port}): the same for every caller, whether it reached the
 * application as {@code localhost}, {@code 127.0.0.1} or through a proxy, so tokens issued through one name verify
 * through any other.
 */
public final class CognitoEmulatorIssuer implements ApplicationListener<WebServerInitializedEvent> {

    private final @Nullable String configuredBaseUrl;

    private final String contextPath;

    private final String documentsPath;

    private volatile int port;

    /**
     * @param configuredBaseUrl the configured base URL, or {@code null} to derive it from the local server
     * @param contextPath the application's context path, empty for none
     * @param documentsPath where the emulator's documents are served within the application, starting with {@code /}
     * @param port the port the server is configured to listen on, replaced by the actual one once it listens
     */
    public CognitoEmulatorIssuer(
            @Nullable String configuredBaseUrl, String contextPath, String documentsPath, int port) {
        this.configuredBaseUrl = configuredBaseUrl;
        this.contextPath = ApplicationPaths.withoutTrailingSlashes(Objects.requireNonNull(contextPath));
        this.documentsPath = ApplicationPaths.withoutTrailingSlashes(Objects.requireNonNull(documentsPath));
        this.port = port;
    }

    /** The base of every pool's issuer, without a trailing slash. */
    public String baseUrl() {
        if (this.configuredBaseUrl != null) {
            return this.configuredBaseUrl;
        }
        return "http://localhost:" + this.port + this.contextPath + this.documentsPath;
    }

    /** The {@code iss} of a pool's tokens. */
    public String issuer(String userPoolId) {
        return baseUrl() + "/" + userPoolId;
    }

    /**
     * The pool whose issuer {@code iss} is, when {@code iss} is {@link #baseUrl()}{@code /<something>} without a
     * further slash; whether that pool exists is for the caller to ask.
     */
    public Optional<String> userPoolId(@Nullable String iss) {
        String prefix = baseUrl() + "/";
        if (iss == null || !iss.startsWith(prefix)) {
            return Optional.empty();
        }
        String userPoolId = iss.substring(prefix.length());
        return (userPoolId.isEmpty() || userPoolId.contains("/")) ? Optional.empty() : Optional.of(userPoolId);
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // A separate management server has a port of its own; the emulator lives only on the main one.
        if (!StringUtils.hasLength(event.getApplicationContext().getServerNamespace())) {
            this.port = event.getWebServer().getPort();
        }
    }

    @Override
    public String toString() {
        return "CognitoEmulatorIssuer[" + baseUrl() + "]";
    }
}
