package io.github.cognitoemulator.core.oauth;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The cookies managed login sets and reads, scoped to the site's path. */
public final class Cookies {

    private Cookies() {}

    /** The cookies of {@code request}'s {@code Cookie} headers, the first of each name. */
    public static Map<String, String> of(HostedRequest request) {
        Map<String, String> cookies = new LinkedHashMap<>();
        java.util.List<String> headers = request.headers().get("cookie");
        if (headers == null) {
            return cookies;
        }
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                String name = (equals < 0) ? "" : pair.substring(0, equals).trim();
                if (name.isEmpty()) {
                    continue;
                }
                String value = pair.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                cookies.putIfAbsent(name, value);
            }
        }
        return cookies;
    }

    /** The value of the cookie {@code name} in {@code request}, or {@code null}. */
    public static @Nullable String value(HostedRequest request, String name) {
        return of(request).get(name);
    }

    /** The path cookies are scoped to: the path of the site's URL. */
    public static String path(HostedRequest request) {
        String url = request.siteUrl();
        int scheme = url.indexOf("://");
        int slash = url.indexOf('/', (scheme < 0) ? 0 : scheme + 3);
        return (slash < 0) ? "/" : url.substring(slash);
    }

    /**
     * A {@code Set-Cookie} header for a cookie of the site, HttpOnly and SameSite=Lax, Secure when the site is served
     * over HTTPS.
     *
     * @param maxAgeSeconds how long the browser keeps it; {@code 0} removes it
     */
    public static HostedResponse.Header set(HostedRequest request, String name, String value, long maxAgeSeconds) {
        StringBuilder cookie = new StringBuilder()
                .append(name)
                .append('=')
                .append(value)
                .append("; Max-Age=")
                .append(maxAgeSeconds)
                .append("; Path=")
                .append(path(request));
        if (request.siteUrl().startsWith("https://")) {
            cookie.append("; Secure");
        }
        cookie.append("; HttpOnly; SameSite=Lax");
        return new HostedResponse.Header("Set-Cookie", cookie.toString());
    }

    /** A {@code Set-Cookie} header removing the cookie {@code name}. */
    public static HostedResponse.Header clear(HostedRequest request, String name) {
        return set(request, name, "", 0);
    }
}
