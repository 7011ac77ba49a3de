/** User pool groups, the users in them, and the actions that manage both. */
@NullMarked
package io.github.cognitoemulator.core.group;

import org.jspecify.annotations.NullMarked;
