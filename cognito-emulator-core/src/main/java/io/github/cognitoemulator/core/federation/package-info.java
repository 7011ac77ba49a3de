/**
 * Sign-in through a pool's external OpenID Connect identity providers: the redirect to the provider, and at
 * {@code /oauth2/idpresponse} the exchange of its code, the check of its ID token, and the federated or linked user.
 */
@NullMarked
package io.github.cognitoemulator.core.federation;

import org.jspecify.annotations.NullMarked;
