/** Tokens: per-pool RS256 signing keys, ID and access tokens with Cognito's claims, refresh tokens. */
@NullMarked
package io.github.cognitoemulator.core.token;

import org.jspecify.annotations.NullMarked;
