/**
 * Spring Security for the emulator's tokens: an in-process decoder, servlet and reactive, and Cognito groups and scopes
 * as authorities.
 */
@NullMarked
package io.github.cognitoemulator.autoconfigure.security;

import org.jspecify.annotations.NullMarked;
