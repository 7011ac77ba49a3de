/** Resource servers: the custom OAuth scopes ({@code identifier/scope}) that app clients may be allowed. */
@NullMarked
package io.github.cognitoemulator.core.resourceserver;

import org.jspecify.annotations.NullMarked;
