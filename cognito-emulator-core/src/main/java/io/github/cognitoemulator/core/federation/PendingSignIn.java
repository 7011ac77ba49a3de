package io.github.cognitoemulator.core.federation;

import io.github.cognitoemulator.core.oauth.AuthorizationRequest;
import io.github.cognitoemulator.core.store.ResourceKind;
import java.time.Instant;

/**
 * A sign-in handed over to an external provider and not come back yet, kept under
 * {@code <pool id>/<SHA-256 of the state sent to the provider>}, so that the state itself is never stored.
 *
 * @param providerName the provider the browser was sent to
 * @param request the app client's authorization request, answered once the provider signed the user in
 * @param nonce the {@code nonce} sent to the provider, which its ID token must carry back
 * @param createdAt when the browser was sent to the provider
 * @param expiresAt when the provider's answer stops being accepted
 */
public record PendingSignIn(
        String providerName, AuthorizationRequest request, String nonce, Instant createdAt, Instant expiresAt) {

    /** The kind of record. */
    public static final ResourceKind<PendingSignIn> KIND =
            ResourceKind.of("federation-pending-sign-in", PendingSignIn.class);
}
