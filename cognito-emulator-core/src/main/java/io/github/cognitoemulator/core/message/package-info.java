/** Messages Cognito would send by email or SMS, kept in an inbox that developers can read. */
@NullMarked
package io.github.cognitoemulator.core.message;

import org.jspecify.annotations.NullMarked;
