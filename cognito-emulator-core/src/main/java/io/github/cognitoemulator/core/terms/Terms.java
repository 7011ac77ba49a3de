package io.github.cognitoemulator.core.terms;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A terms document of an app client.
 *
 * @param termsId a UUID
 * @param userPoolId the pool
 * @param clientId the app client that shows the document
 * @param termsName {@code terms-of-use} or {@code privacy-policy}
 * @param termsSource {@code LINK}
 * @param enforcement {@code NONE}
 * @param links the document's URL for each managed login language
 * @param creationDate when the document was created
 * @param lastModifiedDate when the document last changed
 */
public record Terms(
        String termsId,
        String userPoolId,
        String clientId,
        String termsName,
        String termsSource,
        String enforcement,
        Map<String, String> links,
        Instant creationDate,
        Instant lastModifiedDate) {

    public Terms {
        Objects.requireNonNull(termsId, "'termsId' must not be null");
        links = Map.copyOf(links);
    }
}
