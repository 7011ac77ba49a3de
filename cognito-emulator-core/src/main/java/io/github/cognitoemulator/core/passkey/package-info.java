/**
 * Passkeys (WebAuthn credentials): their registration with StartWebAuthnRegistration and
 * CompleteWebAuthnRegistration, their listing and deletion, and the check of the assertions that sign users in with
 * them.
 */
@NullMarked
package io.github.cognitoemulator.core.passkey;

import org.jspecify.annotations.NullMarked;
