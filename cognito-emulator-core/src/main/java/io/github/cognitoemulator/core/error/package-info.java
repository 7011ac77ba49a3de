/** The errors Cognito answers with: one exception type carrying {@code __type} and message. */
@NullMarked
package io.github.cognitoemulator.core.error;

import org.jspecify.annotations.NullMarked;
