package io.github.cognitoemulator.core.seed;

import org.jspecify.annotations.Nullable;

/**
 * A pool's MFA setting, applied with SetUserPoolMfaConfig once the pool exists.
 *
 * @param configuration {@code MfaConfiguration}: {@code OFF}, {@code ON} or {@code OPTIONAL}
 * @param softwareToken {@code SoftwareTokenMfaConfiguration.Enabled}: authenticator apps (TOTP) as a factor, which
 *     {@code ON} and {@code OPTIONAL} need as no SMS or email is configured
 */
public record MfaSeed(
        @Nullable String configuration, @Nullable Boolean softwareToken) {}
