/** A Spring Boot application that talks to the in-process Cognito emulator when run with the {@code dev} profile. */
@NullMarked
package io.github.cognitoemulator.sample;

import org.jspecify.annotations.NullMarked;
