package io.github.cognitoemulator.core.seed;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A custom attribute of a pool's schema, one {@code Schema} entry of CreateUserPool.
 *
 * @param name the name without the {@code custom:} prefix
 * @param type {@code AttributeDataType}: {@code String} (the default), {@code Number}, {@code DateTime} or
 *     {@code Boolean}
 * @param mutable {@code Mutable}: whether it may change after the user is created; Cognito's default is {@code true}
 * @param developerOnly {@code DeveloperOnlyAttribute}
 * @param minLength {@code StringAttributeConstraints.MinLength}
 * @param maxLength {@code StringAttributeConstraints.MaxLength}
 * @param minValue {@code NumberAttributeConstraints.MinValue}
 * @param maxValue {@code NumberAttributeConstraints.MaxValue}
 */
public record CustomAttributeSeed(
        String name,
        @Nullable String type,
        @Nullable Boolean mutable,
        @Nullable Boolean developerOnly,
        @Nullable Integer minLength,
        @Nullable Integer maxLength,
        @Nullable Integer minValue,
        @Nullable Integer maxValue) {

    public CustomAttributeSeed {
        Objects.requireNonNull(name, "'name' must not be null");
    }
}
