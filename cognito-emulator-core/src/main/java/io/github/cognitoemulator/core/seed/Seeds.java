package io.github.cognitoemulator.core.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Helpers of the seed records, which take {@code null} for "none" as configuration binders hand it over. */
final class Seeds {

    private Seeds() {}

    static <T> List<T> copy(@Nullable List<T> values) {
        return (values != null) ? List.copyOf(values) : List.of();
    }

    /** A copy that keeps the given order, so that scopes and attributes are created as declared. */
    static Map<String, String> copy(@Nullable Map<String, String> values) {
        return (values != null) ? java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values)) : Map.of();
    }
}
