package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.token.RefreshSession;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The scopes of the OAuth grants behind refresh tokens, so that a refresh keeps them: one record per sign-in, keyed
 * {@code <pool id>/<sub>/<origin_jti>}, kept as long as its refresh session. A user's expired records are swept
 * whenever she is granted another.
 */
final class GrantedScopes {

    /** The kind of record. */
    static final ResourceKind<Grant> KIND = ResourceKind.of("oauth-granted-scopes", Grant.class);

    private final ResourceStore resources;

    private final Clock clock;

    GrantedScopes(ResourceStore resources, Clock clock) {
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    /** Remembers the scopes granted to the sign-in behind {@code session}. */
    void remember(RefreshSession session, List<String> scopes) {
        Instant now = this.clock.instant();
        String prefix = session.userPoolId() + "/" + session.sub() + "/";
        for (Resource<Grant> grant : this.resources.list(KIND, session.userPoolId(), prefix)) {
            if (!now.isBefore(grant.value().retainUntil())) {
                this.resources.write(List.of(new ResourceChange.Delete(grant)));
            }
        }
        this.resources.create(
                KIND,
                session.userPoolId(),
                prefix + session.originJti(),
                new Grant(session.userPoolId(), session.sub(), session.originJti(), scopes, session.retainUntil()));
    }

    /** The scopes granted to the sign-in behind {@code session}, empty when it was not an OAuth grant. */
    Optional<List<String>> of(RefreshSession session) {
        return this.resources
                .find(KIND, session.userPoolId() + "/" + session.sub() + "/" + session.originJti())
                .map((grant) -> grant.value().scopes());
    }

    /**
     * The scopes of one grant.
     *
     * @param userPoolId the pool
     * @param sub the user
     * @param originJti the sign-in
     * @param scopes the granted scopes
     * @param retainUntil when the refresh session, and so this record, may be forgotten
     */
    record Grant(String userPoolId, String sub, String originJti, List<String> scopes, Instant retainUntil) {

        Grant {
            scopes = List.copyOf(scopes);
        }
    }
}
