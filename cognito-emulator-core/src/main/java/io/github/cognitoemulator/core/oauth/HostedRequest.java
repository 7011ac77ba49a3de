package io.github.cognitoemulator.core.oauth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP request to a pool's managed login, as a web adapter hands it over: the site it came to, the path below the
 * site, the raw query and body. Parsing the query, the form and the cookies is the core's, so that every adapter
 * reads them alike.
 *
 * @param method the HTTP method, upper case
 * @param site the segment naming the site: a pool id, or the prefix of one of the pool's domains
 * @param siteUrl the absolute URL of the site's root, without a trailing slash ({@code <issuer base URL>/<site>}); the
 *     pages and endpoints live below it, and its path scopes the cookies
 * @param issuerBaseUrl the base of the {@code iss} claim, {@code <issuerBaseUrl>/<pool id>}
 * @param path the path below the site root, such as {@code /oauth2/authorize} or {@code /login}
 * @param rawQuery the query string as sent, not decoded, or {@code null} when there is none
 * @param headers the request's headers by lower-case name
 * @param body the request body, empty when there is none
 */
public record HostedRequest(
        String method,
        String site,
        String siteUrl,
        String issuerBaseUrl,
        String path,
        @Nullable String rawQuery,
        Map<String, List<String>> headers,
        byte[] body) {

    public HostedRequest {
        Objects.requireNonNull(method, "'method' must not be null");
        Objects.requireNonNull(site, "'site' must not be null");
        Objects.requireNonNull(siteUrl, "'siteUrl' must not be null");
        Objects.requireNonNull(issuerBaseUrl, "'issuerBaseUrl' must not be null");
        Objects.requireNonNull(path, "'path' must not be null");
        Objects.requireNonNull(body, "'body' must not be null");
        Map<String, List<String>> lowerCase = new TreeMap<>();
        headers.forEach((name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = lowerCase;
    }

    /** The first value of the header {@code name} (any case), or {@code null}. */
    public @Nullable String header(String name) {
        List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
        return (values == null || values.isEmpty()) ? null : values.get(0);
    }
}
