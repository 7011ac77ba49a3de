/** Small helpers shared by the feature packages: identifiers, pagination and the redaction of secrets. */
@NullMarked
package io.github.cognitoemulator.core.support;

import org.jspecify.annotations.NullMarked;
