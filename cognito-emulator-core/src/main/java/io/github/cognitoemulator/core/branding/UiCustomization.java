package io.github.cognitoemulator.core.branding;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The classic hosted UI's customization of a pool ({@code ALL}) or of one app client.
 *
 * @param userPoolId the pool
 * @param clientId the app client, or {@code ALL} for every client without its own
 * @param css the style sheet, or {@code null}
 * @param imageUrl where the logo is served, or {@code null} without one
 * @param cssVersion names this version of the customization
 * @param creationDate when it was first set
 * @param lastModifiedDate when it last changed
 */
public record UiCustomization(
        String userPoolId,
        String clientId,
        @Nullable String css,
        @Nullable String imageUrl,
        String cssVersion,
        Instant creationDate,
        Instant lastModifiedDate) {

    public UiCustomization {
        Objects.requireNonNull(userPoolId, "'userPoolId' must not be null");
        Objects.requireNonNull(clientId, "'clientId' must not be null");
    }
}
