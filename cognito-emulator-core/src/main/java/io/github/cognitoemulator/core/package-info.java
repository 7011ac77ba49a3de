/** Framework-neutral engine of the Cognito User Pools emulator. */
@NullMarked
package io.github.cognitoemulator.core;

import org.jspecify.annotations.NullMarked;
