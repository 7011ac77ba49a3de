package io.github.cognitoemulator.core.passkey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A passkey registered by a user: what its assertions are checked against, and what ListWebAuthnCredentials shows.
 *
 * @param userPoolId the pool
 * @param sub the user
 * @param credentialId the credential id, base64url without padding, as WebAuthn clients send it
 * @param relyingPartyId the relying party the credential is scoped to
 * @param attestedCredentialData the authenticator's attested credential data (AAGUID, id and COSE public key),
 *     base64url
 * @param signCount the signature counter of the last accepted assertion
 * @param backupEligible whether the authenticator said the credential may be backed up
 * @param backedUp whether the authenticator said the credential is backed up
 * @param authenticatorAttachment {@code platform} or {@code cross-platform}, {@code null} when the client did not say
 * @param transports the transports the client reported
 * @param friendlyName the generated name ListWebAuthnCredentials reports
 * @param createdAt when the registration completed
 */
public record PasskeyCredential(
        String userPoolId,
        String sub,
        String credentialId,
        String relyingPartyId,
        String attestedCredentialData,
        long signCount,
        boolean backupEligible,
        boolean backedUp,
        @Nullable String authenticatorAttachment,
        List<String> transports,
        String friendlyName,
        Instant createdAt) {

    public PasskeyCredential {
        Objects.requireNonNull(credentialId, "'credentialId' must not be null");
        transports = List.copyOf(transports);
    }

    /** This credential after an assertion that reported {@code signCount} and {@code backedUp}. */
    PasskeyCredential used(long signCount, boolean backedUp) {
        return new PasskeyCredential(
                this.userPoolId,
                this.sub,
                this.credentialId,
                this.relyingPartyId,
                this.attestedCredentialData,
                signCount,
                this.backupEligible,
                backedUp,
                this.authenticatorAttachment,
                this.transports,
                this.friendlyName,
                this.createdAt);
    }
}
