package io.github.cognitoemulator.core.seed;

import java.util.Map;
import java.util.Objects;

/**
 * A resource server of a pool, whose scopes app clients may allow as {@code <identifier>/<scope>}.
 *
 * @param identifier {@code Identifier}, for example {@code https://api.example.com}
 * @param name {@code Name}
 * @param scopes the scopes, each name with its description, in the order given
 */
public record ResourceServerSeed(String identifier, String name, Map<String, String> scopes) {

    public ResourceServerSeed {
        Objects.requireNonNull(identifier, "'identifier' must not be null");
        Objects.requireNonNull(name, "'name' must not be null");
        scopes = Seeds.copy(scopes);
    }
}
