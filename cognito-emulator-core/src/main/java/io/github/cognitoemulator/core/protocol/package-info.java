/** Cognito's JSON 1.1 protocol: target dispatch, request validation, AWS-shaped responses and errors. */
@NullMarked
package io.github.cognitoemulator.core.protocol;

import org.jspecify.annotations.NullMarked;
