package io.github.cognitoemulator.core.oauth;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decoded {@code application/x-www-form-urlencoded} parameters, from a query string or a form body, in the order they
 * were sent.
 *
 * @param values every value of each name, in order
 */
public record Parameters(Map<String, List<String>> values) {

    /** No parameters. */
    public static final Parameters NONE = new Parameters(Map.of());

    public Parameters {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** Parses {@code encoded} ({@code a=1&b=2}); {@code null} or empty gives no parameters. */
    public static Parameters parse(@Nullable String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return NONE;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode((equals < 0) ? pair : pair.substring(0, equals));
            String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
            values.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
        }
        return new Parameters(values);
    }

    /** The query of {@code request}. */
    public static Parameters query(HostedRequest request) {
        return parse(request.rawQuery());
    }

    /** The form body of {@code request}, when it is a form post; else no parameters. */
    public static Parameters form(HostedRequest request) {
        String contentType = request.header("Content-Type");
        if (!"POST".equals(request.method())
                || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return NONE;
        }
        return parse(new String(request.body(), StandardCharsets.UTF_8));
    }

    /** The first value of {@code name}, or {@code null}. */
    public @Nullable String first(String name) {
        List<String> list = this.values.get(name);
        return (list == null || list.isEmpty()) ? null : list.get(0);
    }

    /** The first value of {@code name} when not empty, else {@code null}. */
    public @Nullable String nonEmpty(String name) {
        String value = first(name);
        return (value == null || value.isEmpty()) ? null : value;
    }

    /** Whether {@code name} was sent more than once. */
    public boolean repeated(String name) {
        List<String> list = this.values.get(name);
        return list != null && list.size() > 1;
    }

    /** These parameters with {@code name} set to {@code value} alone. */
    public Parameters with(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(this.values);
        copy.put(name, List.of(value));
        return new Parameters(copy);
    }

    /** These parameters without {@code names}. */
    public Parameters without(String... names) {
        Map<String, List<String>> copy = new LinkedHashMap<>(this.values);
        for (String name : names) {
            copy.remove(name);
        }
        return new Parameters(copy);
    }

    /** The first value of each name, in order. */
    public Map<String, String> firstValues() {
        Map<String, String> first = new LinkedHashMap<>();
        this.values.forEach((name, list) -> {
            if (!list.isEmpty()) {
                first.put(name, list.get(0));
            }
        });
        return first;
    }

    /** Encodes these parameters as a query string, without the {@code ?}. */
    public String encode() {
        StringBuilder encoded = new StringBuilder();
        this.values.forEach((name, list) -> {
            for (String value : list) {
                if (encoded.length() > 0) {
                    encoded.append('&');
                }
                encoded.append(encode(name)).append('=').append(encode(value));
            }
        });
        return encoded.toString();
    }

    /** Percent-encodes {@code text} for a query or fragment, spaces as {@code %20}. */
    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // A stray '%' is kept as sent rather than failing the whole request.
            return text;
        }
    }
}
