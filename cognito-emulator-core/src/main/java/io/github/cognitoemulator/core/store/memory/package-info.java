/** The in-memory store: the default, for development and tests; its state is gone when the JVM stops. */
@NullMarked
package io.github.cognitoemulator.core.store.memory;

import org.jspecify.annotations.NullMarked;
