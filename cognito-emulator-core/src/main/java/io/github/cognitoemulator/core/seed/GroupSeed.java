package io.github.cognitoemulator.core.seed;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A group of a pool.
 *
 * @param name {@code GroupName}
 * @param description {@code Description}
 * @param precedence {@code Precedence}: the lowest wins the {@code cognito:preferred_role} of a member of several
 * @param roleArn {@code RoleArn}
 */
public record GroupSeed(
        String name,
        @Nullable String description,
        @Nullable Integer precedence,
        @Nullable String roleArn) {

    public GroupSeed {
        Objects.requireNonNull(name, "'name' must not be null");
    }

    /** A group with only a name. */
    public static GroupSeed named(String name) {
        return new GroupSeed(name, null, null, null);
    }
}
