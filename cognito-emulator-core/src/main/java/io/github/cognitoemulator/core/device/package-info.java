/** The devices users sign in from: tracking, remembering, and the actions that list and forget them. */
@NullMarked
package io.github.cognitoemulator.core.device;

import org.jspecify.annotations.NullMarked;
