package io.github.cognitoemulator.core.seed;

import org.jspecify.annotations.Nullable;

/**
 * A pool's {@code Policies.PasswordPolicy}; members left {@code null} are left out of the request, and so take
 * Cognito's defaults.
 *
 * @param minimumLength {@code MinimumLength}, 6 to 99
 * @param requireUppercase {@code RequireUppercase}
 * @param requireLowercase {@code RequireLowercase}
 * @param requireNumbers {@code RequireNumbers}
 * @param requireSymbols {@code RequireSymbols}
 * @param temporaryPasswordValidityDays {@code TemporaryPasswordValidityDays}
 * @param passwordHistorySize {@code PasswordHistorySize}
 */
public record PasswordPolicySeed(
        @Nullable Integer minimumLength,
        @Nullable Boolean requireUppercase,
        @Nullable Boolean requireLowercase,
        @Nullable Boolean requireNumbers,
        @Nullable Boolean requireSymbols,
        @Nullable Integer temporaryPasswordValidityDays,
        @Nullable Integer passwordHistorySize) {}
