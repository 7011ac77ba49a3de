package io.github.cognitoemulator.core.auth;

import io.github.cognitoemulator.core.client.ClientStore;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.token.IssuedTokens;
import io.github.cognitoemulator.core.token.TokenRequest;
import io.github.cognitoemulator.core.token.TokenService;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import io.github.cognitoemulator.core.user.UserStatus;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Issues a user's tokens as a successful sign-in would, without the sign-in, for tests that need a signed-in user
 * rather than a sign-in. The tokens come from the same {@link TokenService} as a sign-in's (claims, groups,
 * validities, the pre token generation trigger, a refresh session); a user a sign-in would turn away gets the same
 * error, and a user a sign-in would challenge to set a new password gets none.
 */
public final class DirectTokens {

    private final PoolStore pools;

    private final ClientStore clients;

    private final UserDirectory users;

    private final TokenService tokens;

    private final Clock clock;

    public DirectTokens(PoolStore pools, ClientStore clients, UserDirectory users, TokenService tokens, Clock clock) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.clients = Objects.requireNonNull(clients, "'clients' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.tokens = Objects.requireNonNull(tokens, "'tokens' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    /**
     * The tokens of a sign-in of {@code username} (or of a sign-in alias) through {@code clientId}.
     *
     * @param issuerBaseUrl the base of the {@code iss} claim, {@code <issuerBaseUrl>/<pool id>}
     * @throws io.github.cognitoemulator.core.error.CognitoException {@code ResourceNotFoundException} for a missing
     *     pool or client (or a client of another pool), {@code UserNotFoundException}, and what a sign-in answers
     *     for a disabled user, an unconfirmed one or one whose password must be reset
     * @throws IllegalStateException when the user has a temporary password, for which a sign-in answers with the
     *     {@code NEW_PASSWORD_REQUIRED} challenge rather than tokens
     */
    public IssuedTokens issue(String userPoolId, String clientId, String username, String issuerBaseUrl) {
        UserPool pool = this.pools.find(userPoolId).orElseThrow(() -> Errors.userPoolNotFound(userPoolId));
        UserPoolClient client = this.clients
                .find(clientId)
                .filter((candidate) -> candidate.userPoolId().equals(pool.id()))
                .orElseThrow(() -> Errors.clientNotFound(clientId));
        User user = this.users.findForSignIn(pool, username).orElseThrow(Errors::userNotFound);
        AuthenticationActions.checkCanSignIn(client, user);
        if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD) {
            throw new IllegalStateException("User " + user.username() + " of pool " + pool.id()
                    + " has a temporary password: a sign-in would be challenged to set a new one"
                    + " (NEW_PASSWORD_REQUIRED) rather than get tokens");
        }
        return this.tokens.issue(new TokenRequest(
                pool, client, user, issuerBaseUrl + "/" + pool.id(), this.clock.instant(), null, null, Map.of()));
    }
}
