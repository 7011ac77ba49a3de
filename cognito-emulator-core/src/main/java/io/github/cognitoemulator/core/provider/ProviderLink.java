package io.github.cognitoemulator.core.provider;

import io.github.cognitoemulator.core.store.ResourceKind;
import java.time.Instant;

/**
 * An external identity linked to a pool user by AdminLinkProviderForUser, kept under
 * {@code <pool id>/<provider name>/<provider attribute value>} so that an identity is linked to one user at most.
 *
 * @param sub the {@code sub} of the user it is linked to
 * @param providerName the identity provider
 * @param providerType the provider's type
 * @param providerAttributeName the attribute that identifies the external user, {@code Cognito_Subject} for social
 *     providers
 * @param providerAttributeValue the external user's value of that attribute
 * @param dateCreated when the link was made
 */
public record ProviderLink(
        String sub,
        String providerName,
        String providerType,
        String providerAttributeName,
        String providerAttributeValue,
        Instant dateCreated) {

    /** The kind of record. */
    public static final ResourceKind<ProviderLink> KIND = ResourceKind.of("provider-link", ProviderLink.class);

    /** The key of the link of an external identity. */
    public static String key(String userPoolId, String providerName, String providerAttributeValue) {
        return userPoolId + "/" + providerName + "/" + providerAttributeValue;
    }
}
