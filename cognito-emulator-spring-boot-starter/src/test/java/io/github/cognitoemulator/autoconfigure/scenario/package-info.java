/** Tests that run alike against a servlet and a reactive host application. */
@NullMarked
package io.github.cognitoemulator.autoconfigure.scenario;

import org.jspecify.annotations.NullMarked;
