/**
 * Multi-factor authentication: software tokens (TOTP), the users' MFA preferences and legacy MFA options, and what
 * sign-in needs to know of them.
 */
@NullMarked
package io.github.cognitoemulator.core.mfa;

import org.jspecify.annotations.NullMarked;
