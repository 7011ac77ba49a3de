/** App clients: their auth flows, secrets and token lifetimes, and the actions that manage them. */
@NullMarked
package io.github.cognitoemulator.core.client;

import org.jspecify.annotations.NullMarked;
