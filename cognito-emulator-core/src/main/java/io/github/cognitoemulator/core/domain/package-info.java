/** User pool domains: prefix domains of Cognito's own and custom domains. */
@NullMarked
package io.github.cognitoemulator.core.domain;

import org.jspecify.annotations.NullMarked;
