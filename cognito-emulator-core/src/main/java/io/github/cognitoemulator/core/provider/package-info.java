/** External identity providers of a user pool (SAML, OIDC and the social ones) and the users linked to them. */
@NullMarked
package io.github.cognitoemulator.core.provider;

import org.jspecify.annotations.NullMarked;
