package io.github.cognitoemulator.core.branding;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The managed login branding style of an app client.
 *
 * @param managedLoginBrandingId a UUID
 * @param userPoolId the pool
 * @param clientId the app client the style applies to
 * @param useCognitoProvidedValues whether the style is Cognito's default rather than its own settings
 * @param settings the style's settings document, or {@code null}
 * @param assets its images
 * @param creationDate when the style was created
 * @param lastModifiedDate when it last changed
 */
public record ManagedLoginBranding(
        String managedLoginBrandingId,
        String userPoolId,
        String clientId,
        boolean useCognitoProvidedValues,
        @Nullable Map<String, Object> settings,
        List<Asset> assets,
        Instant creationDate,
        Instant lastModifiedDate) {

    public ManagedLoginBranding {
        Objects.requireNonNull(managedLoginBrandingId, "'managedLoginBrandingId' must not be null");
        assets = List.copyOf(assets);
    }

    /**
     * An image of a branding style.
     *
     * @param category where it shows, for example {@code PAGE_HEADER_LOGO}
     * @param colorMode {@code LIGHT}, {@code DARK} or {@code DYNAMIC}
     * @param extension its file type, for example {@code PNG}
     * @param bytes its content in base64, or {@code null}
     * @param resourceId its id, or {@code null}
     */
    public record Asset(
            String category,
            String colorMode,
            String extension,
            @Nullable String bytes,
            @Nullable String resourceId) {}
}
