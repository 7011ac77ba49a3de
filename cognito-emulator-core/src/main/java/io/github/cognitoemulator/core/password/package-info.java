/** Passwords: the SRP group, stored credentials and generated temporary passwords. */
@NullMarked
package io.github.cognitoemulator.core.password;

import org.jspecify.annotations.NullMarked;
