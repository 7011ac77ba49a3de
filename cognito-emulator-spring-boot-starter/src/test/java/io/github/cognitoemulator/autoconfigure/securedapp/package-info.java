/**
 * An application secured by Cognito tokens with the shortest security configuration that gives roles to groups and
 * opens the emulator's developer pages.
 */
@NullMarked
package io.github.cognitoemulator.autoconfigure.securedapp;

import org.jspecify.annotations.NullMarked;
