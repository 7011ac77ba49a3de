package io.github.cognitoemulator.core.support;

import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How values that hold secrets (passwords, codes, tokens, client secrets, keys) describe themselves: a record's own
 * {@code toString} would print every component, so these print the place of each secret but never its value, and a
 * value logged by accident leaks nothing.
 */
public final class Redacted {

    /** What stands for a secret in a description. */
    public static final String MARK = "***";

    private Redacted() {}

    /** {@link #MARK} for a secret, {@code null} when there is none, as a record prints an absent component. */
    public static String secret(@Nullable Object secret) {
        return (secret != null) ? MARK : "null";
    }

    /** A map whose values are secret, such as a request's {@code AuthParameters}: its keys only. */
    public static String values(@Nullable Map<String, ?> secrets) {
        if (secrets == null) {
            return "null";
        }
        return secrets.keySet().stream().map((key) -> key + "=" + MARK).collect(Collectors.joining(", ", "{", "}"));
    }
}
