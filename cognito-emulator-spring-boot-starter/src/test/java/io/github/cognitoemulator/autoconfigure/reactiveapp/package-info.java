/** A small reactive host application that serves its own routes next to the emulator, as a real one would. */
@NullMarked
package io.github.cognitoemulator.autoconfigure.reactiveapp;

import org.jspecify.annotations.NullMarked;
