/**
 * Test support: {@link io.github.cognitoemulator.core.testkit.CognitoTestKit} sets up users and hands out their
 * tokens without sign-in round trips, reads the codes the emulator "sent", resets the emulator and moves its clock.
 */
@NullMarked
package io.github.cognitoemulator.core.testkit;

import org.jspecify.annotations.NullMarked;
