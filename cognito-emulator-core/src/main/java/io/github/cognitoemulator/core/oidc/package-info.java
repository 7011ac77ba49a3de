/** OpenID Connect discovery documents and key sets. */
@NullMarked
package io.github.cognitoemulator.core.oidc;

import org.jspecify.annotations.NullMarked;
