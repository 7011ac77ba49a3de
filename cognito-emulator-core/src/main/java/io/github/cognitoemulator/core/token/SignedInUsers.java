package io.github.cognitoemulator.core.token;

import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import java.util.Objects;

/**
 * The user behind an access token presented to an action a signed-in user calls (GetUser, ChangePassword,
 * AssociateSoftwareToken, ListDevices, StartWebAuthnRegistration, ...), checked as Cognito checks it: a valid,
 * unexpired, unrevoked token of an existing pool, whose user still exists and is enabled.
 */
public final class SignedInUsers {

    private final TokenService tokens;

    private final PoolStore pools;

    private final UserDirectory users;

    public SignedInUsers(TokenService tokens, PoolStore pools, UserDirectory users) {
        this.tokens = Objects.requireNonNull(tokens, "'tokens' must not be null");
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
    }

    /**
     * The user an access token was issued to.
     *
     * @throws CognitoException {@code NotAuthorizedException} with Cognito's message when the token is not good, its
     *     pool or user is gone, or the user is disabled
     */
    public SignedInUser require(String accessToken) {
        TokenService.AccessTokenClaims claims = this.tokens.verifyAccessToken(accessToken);
        UserPool pool = this.pools
                .find(claims.userPoolId())
                .orElseThrow(() -> ErrorType.NOT_AUTHORIZED.exception("Invalid Access Token"));
        // By sub only: a user whose username or alias happens to be the token's sub is somebody else.
        User user = this.users
                .findBySub(pool, claims.sub())
                .orElseThrow(() -> ErrorType.NOT_AUTHORIZED.exception("User does not exist."));
        if (!user.enabled()) {
            // Disabling a user revokes its access tokens.
            throw ErrorType.NOT_AUTHORIZED.exception("Access Token has been revoked");
        }
        return new SignedInUser(pool, user, claims);
    }

    /**
     * A signed-in user, as its access token names it.
     *
     * @param pool the user's pool
     * @param user the user, as stored now
     * @param claims what the access token says
     */
    public record SignedInUser(UserPool pool, User user, TokenService.AccessTokenClaims claims) {}
}
