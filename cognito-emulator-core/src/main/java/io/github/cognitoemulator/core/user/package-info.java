/** Users: their attributes, status and credentials, lookup by username or alias, and the admin actions. */
@NullMarked
package io.github.cognitoemulator.core.user;

import org.jspecify.annotations.NullMarked;
