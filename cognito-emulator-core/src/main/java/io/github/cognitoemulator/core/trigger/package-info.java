/**
 * Cognito's Lambda triggers without Lambda: one interface per trigger, whose events and responses are records named
 * as in the JSON events Cognito sends to a function, and {@link io.github.cognitoemulator.core.trigger.LambdaTriggers}
 * that binds handlers to the function ARNs of a pool's {@code LambdaConfig}.
 */
@NullMarked
package io.github.cognitoemulator.core.trigger;

import org.jspecify.annotations.NullMarked;
