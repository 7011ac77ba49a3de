package io.github.cognitoemulator.core.provider;

import io.github.cognitoemulator.core.store.ResourceKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An external identity provider of a user pool ({@code IdentityProviderType}), kept under
 * {@code <pool id>/<provider name>}.
 *
 * @param providerName the name, which social providers share with their type
 * @param providerType {@code SAML}, {@code OIDC}, {@code Google}, {@code Facebook}, {@code LoginWithAmazon} or
 *     {@code SignInWithApple}
 * @param providerDetails the details as given, with the keys Cognito derives for the type
 * @param attributeMapping provider attributes by pool attribute
 * @param idpIdentifiers the friendly identifiers, unique in the pool
 * @param creationDate when the provider was created
 * @param lastModifiedDate when the provider last changed
 */
public record IdentityProvider(
        String providerName,
        String providerType,
        Map<String, String> providerDetails,
        Map<String, String> attributeMapping,
        List<String> idpIdentifiers,
        Instant creationDate,
        Instant lastModifiedDate) {

    /** The kind of record, keyed by {@code <pool id>/<provider name>}. */
    public static final ResourceKind<IdentityProvider> KIND =
            ResourceKind.of("identity-provider", IdentityProvider.class);

    public IdentityProvider {
        providerDetails = new TreeMap<>(providerDetails);
        attributeMapping = new TreeMap<>(attributeMapping);
        idpIdentifiers = List.copyOf(idpIdentifiers);
    }

    /** The key of the provider called {@code providerName} in a pool. */
    public static String key(String userPoolId, String providerName) {
        return userPoolId + "/" + providerName;
    }
}
