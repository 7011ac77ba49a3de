package io.github.cognitoemulator.core.client;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An app client's token lifetimes: the numbers it was given, the units they are in, and Cognito's defaults (ID and
 * access tokens 1 hour, refresh tokens 30 days).
 *
 * @param accessToken the access token validity as given, or {@code null}
 * @param idToken the ID token validity as given, or {@code null}
 * @param refreshToken the refresh token validity as given, or {@code null}
 * @param accessTokenUnit the unit of {@code accessToken}, or {@code null} for hours
 * @param idTokenUnit the unit of {@code idToken}, or {@code null} for hours
 * @param refreshTokenUnit the unit of {@code refreshToken}, or {@code null} for days
 */
public record TokenValidity(
        @Nullable Integer accessToken,
        @Nullable Integer idToken,
        @Nullable Integer refreshToken,
        @Nullable String accessTokenUnit,
        @Nullable String idTokenUnit,
        @Nullable String refreshTokenUnit) {

    /** How long access tokens live. */
    public Duration accessTokenDuration() {
        return duration(this.accessToken, this.accessTokenUnit, "hours", Duration.ofHours(1));
    }

    /** How long ID tokens live. */
    public Duration idTokenDuration() {
        return duration(this.idToken, this.idTokenUnit, "hours", Duration.ofHours(1));
    }

    /** How long refresh tokens live. */
    public Duration refreshTokenDuration() {
        return duration(this.refreshToken, this.refreshTokenUnit, "days", Duration.ofDays(30));
    }

    /** Whether every lifetime lies in the range Cognito allows: 5 minutes to 1 day, refresh 1 hour to 10 years. */
    boolean inAllowedRange() {
        return within(accessTokenDuration(), Duration.ofMinutes(5), Duration.ofDays(1))
                && within(idTokenDuration(), Duration.ofMinutes(5), Duration.ofDays(1))
                && within(refreshTokenDuration(), Duration.ofHours(1), Duration.ofDays(3650));
    }

    private static boolean within(Duration value, Duration min, Duration max) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    static Duration duration(
            @Nullable Integer amount, @Nullable String unit, String defaultUnit, Duration defaultDuration) {
        if (amount == null || amount == 0) {
            return defaultDuration;
        }
        String effectiveUnit = (unit != null) ? unit : defaultUnit;
        return Duration.of(amount, ChronoUnit.valueOf(effectiveUnit.toUpperCase(Locale.ROOT)));
    }
}
