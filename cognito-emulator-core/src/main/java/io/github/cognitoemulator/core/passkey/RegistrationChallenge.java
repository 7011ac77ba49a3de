package io.github.cognitoemulator.core.passkey;

import java.time.Instant;

/**
 * The challenge of a passkey registration that StartWebAuthnRegistration began and CompleteWebAuthnRegistration has
 * not finished yet. A user has at most one: starting again replaces it, so pending registrations never pile up.
 *
 * @param userPoolId the pool
 * @param sub the user registering
 * @param clientId the app client of the access token that started the registration
 * @param challenge the challenge the authenticator must sign, base64url
 * @param relyingPartyId the relying party the credential must be scoped to
 * @param userVerification {@code required} or {@code preferred}
 * @param expiresAt when the challenge stops being accepted
 */
public record RegistrationChallenge(
        String userPoolId,
        String sub,
        String clientId,
        String challenge,
        String relyingPartyId,
        String userVerification,
        Instant expiresAt) {}
