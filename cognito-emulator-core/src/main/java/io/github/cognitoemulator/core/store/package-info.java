/** The seam behind which all of the emulator's mutable state lives, and its implementations. */
@NullMarked
package io.github.cognitoemulator.core.store;

import org.jspecify.annotations.NullMarked;
