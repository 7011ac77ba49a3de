/** One-time verification codes: issue, expiry, single use and attempt limits. */
@NullMarked
package io.github.cognitoemulator.core.code;

import org.jspecify.annotations.NullMarked;
