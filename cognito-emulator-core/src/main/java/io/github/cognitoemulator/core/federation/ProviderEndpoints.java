package io.github.cognitoemulator.core.federation;

import org.jspecify.annotations.Nullable;

/**
 * Where an OpenID Connect provider signs users in and answers for them.
 *
 * @param authorizeUrl the authorization endpoint the browser is sent to
 * @param tokenUrl the token endpoint that exchanges the code
 * @param attributesUrl the userInfo endpoint, or {@code null} when the provider has none
 * @param jwksUri the key set that verifies the provider's ID tokens
 */
record ProviderEndpoints(
        String authorizeUrl, String tokenUrl, @Nullable String attributesUrl, String jwksUri) {}
