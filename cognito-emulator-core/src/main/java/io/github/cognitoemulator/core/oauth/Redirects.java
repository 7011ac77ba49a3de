package io.github.cognitoemulator.core.oauth;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Redirect answers. */
final class Redirects {

    private Redirects() {}

    /** A {@code 302 Found} to {@code location}, with {@code headers} (cookies). */
    static HostedResponse found(String location, List<HostedResponse.Header> headers) {
        List<HostedResponse.Header> all = new ArrayList<>();
        all.add(new HostedResponse.Header("Location", location));
        all.add(new HostedResponse.Header("Cache-Control", "no-store"));
        all.addAll(headers);
        return new HostedResponse(302, all, new byte[0]);
    }

    /** A {@code 302 Found} to {@code location}. */
    static HostedResponse found(String location) {
        return found(location, List.of());
    }

    /** {@code uri} with {@code parameters} added to its query. */
    static String withQuery(String uri, Parameters parameters) {
        String query = parameters.encode();
        if (query.isEmpty()) {
            return uri;
        }
        return uri + (uri.contains("?") ? "&" : "?") + query;
    }

    /** The error page of the site, for a request that names no client or redirect URI to answer. */
    static HostedResponse errorPage(HostedRequest http, String error, @Nullable String clientId) {
        Parameters query = Parameters.NONE.with("error", error);
        if (clientId != null && !clientId.isEmpty()) {
            query = query.with("client_id", clientId);
        }
        return found(withQuery(http.siteUrl() + "/error", query));
    }
}
