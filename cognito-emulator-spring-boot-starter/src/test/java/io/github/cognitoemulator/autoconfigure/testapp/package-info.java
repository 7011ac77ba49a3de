/** A small host application that serves its own routes next to the emulator, as a real one would. */
@NullMarked
package io.github.cognitoemulator.autoconfigure.testapp;

import org.jspecify.annotations.NullMarked;
