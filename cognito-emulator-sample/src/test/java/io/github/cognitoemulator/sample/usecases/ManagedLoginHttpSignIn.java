package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a user in on a pool's managed login over plain HTTP, as a browser without JavaScript would: it follows the
 * redirects from {@code /oauth2/authorize}, fills in the sign-in form that has a password field (its hidden fields
 * kept as they are) and stops at the redirect to the app client's callback, whose query it returns. Cookies are kept
 * per instance, so one instance is one browser.
 */
final class ManagedLoginHttpSignIn {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);

    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.DOTALL);

    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");

    private static final int MAX_STEPS = 10;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * The cookies by name with their paths. A browser keeps {@code Secure} cookies of {@code http://localhost},
     * which it counts as a secure origin, and so does this jar, unlike the JDK's.
     */
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    /**
     * Opens {@code authorizeUrl} and signs in with {@code username} and {@code password}.
     *
     * @return the query parameters of the redirect to {@code redirectUri}: {@code code} and {@code state}, or
     *     {@code error}
     */
    Map<String, String> signIn(URI authorizeUrl, String redirectUri, String username, String password) {
        URI next = authorizeUrl;
        String method = "GET";
        String form = null;
        for (int step = 0; step < MAX_STEPS; step++) {
            HttpResponse<String> response = send(next, method, form);
            keepCookies(response);
            String location = response.headers().firstValue("Location").orElse(null);
            if (location != null) {
                URI target = next.resolve(location);
                if (target.toString().startsWith(redirectUri)) {
                    return query(target.getRawQuery());
                }
                next = target;
                method = "GET";
                form = null;
                continue;
            }
            assertThat(response.statusCode())
                    .as("managed login page %s: %s", next, response.body())
                    .isEqualTo(200);
            SignInForm signInForm = signInForm(response.body());
            next = signInForm.action().isEmpty() ? next : next.resolve(signInForm.action());
            method = signInForm.method();
            form = signInForm.filledIn(username, password);
        }
        throw new AssertionError("No redirect to " + redirectUri + " after " + MAX_STEPS + " steps");
    }

    private void keepCookies(HttpResponse<String> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String[] parts = header.split(";");
            int equals = parts[0].indexOf('=');
            String name = parts[0].substring(0, equals).trim();
            String value = parts[0].substring(equals + 1).trim();
            String path = "/";
            boolean expired = value.isEmpty();
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
                if (attribute.startsWith("path=")) {
                    path = parts[i].trim().substring("path=".length());
                } else if (attribute.equals("max-age=0")) {
                    expired = true;
                }
            }
            if (expired) {
                this.cookies.remove(name);
            } else {
                this.cookies.put(name, new Cookie(value, path));
            }
        }
    }

    private HttpResponse<String> send(URI uri, String method, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        String path = uri.getRawPath();
        String cookieHeader = this.cookies.entrySet().stream()
                .filter((cookie) -> path.startsWith(cookie.getValue().path()))
                .map((cookie) -> cookie.getKey() + "=" + cookie.getValue().value())
                .collect(Collectors.joining("; "));
        if (!cookieHeader.isEmpty()) {
            request.header("Cookie", cookieHeader);
        }
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        } else {
            request.GET();
        }
        try {
            return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The form of the page that has a password field. */
    static SignInForm signInForm(String page) {
        Matcher forms = FORM.matcher(page);
        while (forms.find()) {
            List<Map<String, String>> inputs = new ArrayList<>();
            Matcher input = INPUT.matcher(forms.group(2));
            while (input.find()) {
                inputs.add(attributes(input.group(1)));
            }
            if (inputs.stream().anyMatch((attributes) -> "password".equals(type(attributes)))) {
                Map<String, String> form = attributes(forms.group(1));
                return new SignInForm(
                        form.getOrDefault("action", ""),
                        form.getOrDefault("method", "GET").toUpperCase(Locale.ROOT),
                        inputs);
            }
        }
        throw new AssertionError("No sign-in form with a password field in:\n" + page);
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(tag);
        while (attribute.find()) {
            String value = (attribute.group(3) != null) ? attribute.group(3) : attribute.group(4);
            attributes.put(attribute.group(1).toLowerCase(Locale.ROOT), unescape(value));
        }
        return attributes;
    }

    private static String type(Map<String, String> input) {
        return input.getOrDefault("type", "text").toLowerCase(Locale.ROOT);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = (equals < 0) ? pair : pair.substring(0, equals);
            String value = (equals < 0) ? "" : pair.substring(equals + 1);
            parameters.put(
                    java.net.URLDecoder.decode(name, StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** A cookie's value and the path it is sent below. */
    private record Cookie(String value, String path) {}

    /**
     * A sign-in form as the page has it.
     *
     * @param action where it is sent, relative to the page
     * @param method {@code GET} or {@code POST}
     * @param inputs the attributes of each input field
     */
    record SignInForm(String action, String method, List<Map<String, String>> inputs) {

        /**
         * The form's fields, URL-encoded: the password in the password field, the username in the field named
         * {@code username} or else the first visible text field, every other field as the page filled it in.
         */
        String filledIn(String username, String password) {
            boolean hasUsernameField = this.inputs.stream().anyMatch((input) -> "username".equals(input.get("name")));
            boolean usernameFilled = false;
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map<String, String> input : this.inputs) {
                String name = input.get("name");
                String type = type(input);
                if (name == null || type.equals("submit") || type.equals("button") || type.equals("checkbox")) {
                    continue;
                }
                String value = input.getOrDefault("value", "");
                if (type.equals("password")) {
                    value = password;
                } else if (!usernameFilled
                        && (hasUsernameField
                                ? name.equals("username")
                                : List.of("text", "email", "tel").contains(type))) {
                    value = username;
                    usernameFilled = true;
                }
                fields.put(name, value);
            }
            return fields.entrySet().stream()
                    .map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
                    .collect(Collectors.joining("&"));
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }
}
