/** User pools: their settings, schema and password policy, and the actions that manage them. */
@NullMarked
package io.github.cognitoemulator.core.pool;

import org.jspecify.annotations.NullMarked;
