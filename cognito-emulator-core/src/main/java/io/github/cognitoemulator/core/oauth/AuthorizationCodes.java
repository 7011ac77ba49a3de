package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.support.Digests;
import io.github.cognitoemulator.core.support.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The authorization codes of the code grant: single use, valid five minutes, bound to what the authorization request
 * asked. Only a digest of each code is kept, keyed {@code <pool id>/<digest>}.
 */
final class AuthorizationCodes {

    /** The kind of record. */
    static final ResourceKind<AuthorizationCode> KIND =
            ResourceKind.of("oauth-authorization-code", AuthorizationCode.class);

    /** How long a code can be exchanged. */
    static final Duration LIFETIME = Duration.ofMinutes(5);

    /**
     * The most codes a pool holds at once. Codes are swept from the pool whenever one is issued; past this many
     * unexchanged live codes, the oldest goes, so that a client that never exchanges its codes cannot grow the store.
     */
    static final int MAX_PER_POOL = 1000;

    private final ResourceStore resources;

    private final Clock clock;

    private final Ids ids;

    AuthorizationCodes(ResourceStore resources, Clock clock, Ids ids) {
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    /** Issues a code for {@code request}, signed in as {@code sub} at {@code authTime}. */
    String issue(String userPoolId, AuthorizationRequest request, String sub, Instant authTime) {
        Instant now = this.clock.instant();
        sweep(userPoolId, now);
        String code = this.ids.uuid();
        AuthorizationCode record = new AuthorizationCode(
                userPoolId,
                request.clientId(),
                request.redirectUri(),
                request.scopes(),
                request.nonce(),
                request.codeChallenge(),
                request.codeChallengeMethod(),
                sub,
                authTime,
                now.plus(LIFETIME));
        // A fresh random code cannot collide, and a pool deleted meanwhile has no use for it.
        this.resources.create(KIND, userPoolId, key(userPoolId, code), record);
        return code;
    }

    /**
     * Takes a code: of any number of concurrent exchanges, exactly one gets it, and it is gone afterwards.
     *
     * @return the code's record, or empty when it is unknown, used or expired
     */
    Optional<AuthorizationCode> take(String userPoolId, String code) {
        while (true) {
            Optional<Resource<AuthorizationCode>> found = this.resources.find(KIND, key(userPoolId, code));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            if (this.resources.write(List.of(new ResourceChange.Delete(found.get())))) {
                AuthorizationCode taken = found.get().value();
                return this.clock.instant().isBefore(taken.expiresAt()) ? Optional.of(taken) : Optional.empty();
            }
            // Changed or gone meanwhile: read again; a code another exchange took is then absent.
        }
    }

    /** Removes the pool's expired codes, and the oldest live ones past {@link #MAX_PER_POOL}. */
    private void sweep(String userPoolId, Instant now) {
        List<Resource<AuthorizationCode>> live = new ArrayList<>();
        List<ResourceChange> removals = new ArrayList<>();
        for (Resource<AuthorizationCode> code : this.resources.list(KIND, userPoolId, userPoolId + "/")) {
            if (now.isBefore(code.value().expiresAt())) {
                live.add(code);
            } else {
                removals.add(new ResourceChange.Delete(code));
            }
        }
        live.sort(Comparator.comparing(
                (Resource<AuthorizationCode> code) -> code.value().expiresAt()));
        for (int i = 0; i <= live.size() - MAX_PER_POOL; i++) {
            removals.add(new ResourceChange.Delete(live.get(i)));
        }
        // One at a time: a code exchanged meanwhile is already gone, and that is fine.
        for (ResourceChange removal : removals) {
            this.resources.write(List.of(removal));
        }
    }

    private static String key(String userPoolId, String code) {
        return userPoolId + "/" + Digests.sha256(code);
    }

    /**
     * An issued authorization code.
     *
     * @param userPoolId the pool
     * @param clientId the app client it was issued to
     * @param redirectUri the redirect URI of the authorization request, which the exchange must repeat
     * @param scopes the granted scopes
     * @param nonce the request's nonce, or {@code null}
     * @param codeChallenge the PKCE challenge, or {@code null}
     * @param codeChallengeMethod {@code S256} or {@code plain}, or {@code null}
     * @param sub the user
     * @param authTime when the user signed in
     * @param expiresAt when the code stops working
     */
    record AuthorizationCode(
            String userPoolId,
            String clientId,
            String redirectUri,
            List<String> scopes,
            @Nullable String nonce,
            @Nullable String codeChallenge,
            @Nullable String codeChallengeMethod,
            String sub,
            Instant authTime,
            Instant expiresAt) {

        AuthorizationCode {
            scopes = List.copyOf(scopes);
        }
    }
}
