/**
 * A pool's OAuth 2.0 endpoints and managed login pages, as Cognito serves them on a user pool domain:
 * {@code /oauth2/authorize}, {@code /oauth2/token}, {@code /oauth2/userInfo}, {@code /oauth2/revoke}, {@code /logout}
 * and the sign-in pages, answered from a transport-neutral {@link io.github.cognitoemulator.core.oauth.HostedRequest}.
 */
@NullMarked
package io.github.cognitoemulator.core.oauth;

import org.jspecify.annotations.NullMarked;
