/** JUnit 5 support: {@link io.github.cognitoemulator.core.junit.CognitoEmulatorExtension}. */
@NullMarked
package io.github.cognitoemulator.core.junit;

import org.jspecify.annotations.NullMarked;
