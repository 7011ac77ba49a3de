package io.github.cognitoemulator.autoconfigure;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/** How the emulator's web adapters read a request: its path within the emulator and the issuer it implies. */
final class EmulatorRequests {

    private EmulatorRequests() {}

    /** {@code path} without trailing slashes, so {@code /} becomes the empty string. */
    static String stripTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    /** The request path within the servlet context. */
    static String pathWithinApplication(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /**
     * The base URL of token issuers: the configured one, or the emulator's own URL as this request reached it, so
     * that tokens, discovery documents and key sets agree whatever host and port the caller used.
     */
    static String issuerBaseUrl(HttpServletRequest request, @Nullable String configured, String basePath) {
        if (configured != null) {
            return configured;
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath() + basePath;
    }
}
