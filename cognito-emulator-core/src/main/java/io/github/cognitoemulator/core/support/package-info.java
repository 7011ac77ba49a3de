/** Small helpers shared by the feature packages: identifiers and pagination. */
@NullMarked
package io.github.cognitoemulator.core.support;

import org.jspecify.annotations.NullMarked;
