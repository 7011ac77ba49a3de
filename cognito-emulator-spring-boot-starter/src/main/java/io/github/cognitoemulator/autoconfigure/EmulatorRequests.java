package io.github.cognitoemulator.autoconfigure;

import jakarta.servlet.http.HttpServletRequest;

/** How the emulator's web adapters read a request's path. */
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
}
