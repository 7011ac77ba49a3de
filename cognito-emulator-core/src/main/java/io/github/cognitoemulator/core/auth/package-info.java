/** Signing in: the auth flows, their challenges and sessions, SRP and the secret hash. */
@NullMarked
package io.github.cognitoemulator.core.auth;

import org.jspecify.annotations.NullMarked;
