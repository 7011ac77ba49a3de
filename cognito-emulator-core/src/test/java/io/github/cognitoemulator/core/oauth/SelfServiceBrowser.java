package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.CognitoEmulator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A browser of one pool's managed login, driving {@link ManagedLogin#handle(HostedRequest)} in-process: it keeps the
 * site's cookies and sends back the XSRF token of the last page in the forms it posts.
 */
final class SelfServiceBrowser {

    static final String ISSUER_BASE = "http://localhost:4566";

    private final CognitoEmulator emulator;

    private final String site;

    private final Map<String, String> cookies = new LinkedHashMap<>();

    SelfServiceBrowser(CognitoEmulator emulator, String site) {
        this.emulator = emulator;
        this.site = site;
    }

    String siteUrl() {
        return ISSUER_BASE + "/" + this.site;
    }

    /** The cookies the site has set, by name. */
    Map<String, String> cookies() {
        return this.cookies;
    }

    Page get(String path, @Nullable String query) {
        return send("GET", path, query, Map.of(), new byte[0]);
    }

    /**
     * Posts a form with {@code namesAndValues}, and the XSRF token of the cookie the site set (as a page's hidden field
     * would carry it).
     */
    Page post(String path, @Nullable String query, String... namesAndValues) {
        List<String> pairs = new ArrayList<>(List.of(namesAndValues));
        String token = this.cookies.get(Csrf.COOKIE);
        if (token != null) {
            pairs.add(Csrf.FIELD);
            pairs.add(token);
        }
        return postExactly(path, query, pairs.toArray(new String[0]));
    }

    /** Posts a form with exactly {@code namesAndValues}. */
    Page postExactly(String path, @Nullable String query, String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(Parameters.encode(namesAndValues[i]))
                    .append('=')
                    .append(Parameters.encode(namesAndValues[i + 1]));
        }
        return send(
                "POST",
                path,
                query,
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    Page send(String method, String path, @Nullable String query, Map<String, List<String>> headers, byte[] body) {
        Map<String, List<String>> all = new LinkedHashMap<>(headers);
        if (!this.cookies.isEmpty()) {
            StringBuilder cookie = new StringBuilder();
            this.cookies.forEach((name, value) -> {
                if (cookie.length() > 0) {
                    cookie.append("; ");
                }
                cookie.append(name).append('=').append(value);
            });
            all.put("Cookie", List.of(cookie.toString()));
        }
        HostedRequest request = new HostedRequest(method, this.site, siteUrl(), ISSUER_BASE, path, query, all, body);
        HostedResponse response = this.emulator.managedLogin().handle(request);
        for (HostedResponse.Header header : response.headers()) {
            if (header.name().equalsIgnoreCase("Set-Cookie")) {
                String pair = header.value().split(";", 2)[0];
                int equals = pair.indexOf('=');
                String name = pair.substring(0, equals);
                String value = pair.substring(equals + 1);
                if (value.isEmpty() || header.value().contains("Max-Age=0")) {
                    this.cookies.remove(name);
                } else {
                    this.cookies.put(name, value);
                }
            }
        }
        return new Page(response.status(), response, response.bodyText());
    }

    /**
     * A page or redirect the site answered.
     *
     * @param status the HTTP status
     * @param response the whole answer
     * @param html the body text
     */
    record Page(int status, HostedResponse response, String html) {

        private static final Pattern ALERT = Pattern.compile("<div id=\"errors\" role=\"alert\"[^>]*>([^<]*)</div>");

        @Nullable
        String location() {
            return this.response.header("Location");
        }

        /** The text of the page's alert region, empty when it says nothing. */
        String alert() {
            Matcher matcher = ALERT.matcher(this.html);
            if (!matcher.find()) {
                throw new AssertionError("No alert region in " + this.html);
            }
            return matcher.group(1)
                    .replace("&#39;", "'")
                    .replace("&quot;", "\"")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&");
        }

        /** The {@code <input>} element named {@code name}, or {@code null}. */
        @Nullable
        String input(String name) {
            Matcher matcher = Pattern.compile("<input [^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>")
                    .matcher(this.html);
            return matcher.find() ? matcher.group() : null;
        }

        /** The forms' actions, in page order. */
        List<String> formActions() {
            List<String> actions = new ArrayList<>();
            Matcher matcher =
                    Pattern.compile("<form method=\"post\" action=\"([^\"]*)\"").matcher(this.html);
            while (matcher.find()) {
                actions.add(matcher.group(1).replace("&amp;", "&"));
            }
            return actions;
        }

        /** The links' targets, in page order. */
        List<String> links() {
            List<String> links = new ArrayList<>();
            Matcher matcher = Pattern.compile("<a href=\"([^\"]*)\"").matcher(this.html);
            while (matcher.find()) {
                links.add(matcher.group(1).replace("&amp;", "&"));
            }
            return links;
        }
    }
}
