package io.github.cognitoemulator.core.selfservice;

import io.github.cognitoemulator.core.auth.SecretHash;
import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.support.Redacted;
import io.github.cognitoemulator.core.token.SignedInUsers.SignedInUser;
import io.github.cognitoemulator.core.user.User;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * RevokeToken, GlobalSignOut and AdminUserGlobalSignOut: ending sign-ins, so that their refresh tokens and the
 * access tokens issued from them stop working.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RevokeToken.html">RevokeToken</a>
 */
public final class SignOutActions implements ActionFamily {

    private final SelfService service;

    public SignOutActions(SelfService service) {
        this.service = Objects.requireNonNull(service, "'service' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.addUnsigned("RevokeToken", RevokeTokenRequest::parse, this::revokeToken);
        registry.addUnsigned("GlobalSignOut", UserSelfServiceActions.AccessTokenRequest::parse, this::globalSignOut);
        registry.add("AdminUserGlobalSignOut", AdminUserGlobalSignOutRequest::parse, this::adminUserGlobalSignOut);
    }

    /** Revokes one refresh token; an unknown or already revoked token is accepted silently, as Cognito does. */
    @Nullable
    Object revokeToken(RevokeTokenRequest request, RequestContext context) {
        UserPoolClient client = this.service.client(request.clientId());
        if (!SecretHash.isActiveSecret(this.service.clientSecrets.values(client), request.clientSecret())) {
            throw ErrorType.UNAUTHORIZED.exception("Client secret does not match for the client: " + client.clientId());
        }
        if (!client.enableTokenRevocation()) {
            throw ErrorType.UNSUPPORTED_OPERATION.exception("Token revocation is not enabled for this client.");
        }
        // ID and access tokens are JWS (three parts); only refresh tokens can be revoked.
        if (request.token().split("\\.", -1).length == 3) {
            throw ErrorType.UNSUPPORTED_TOKEN_TYPE.exception("Only refresh tokens can be revoked.");
        }
        this.service.tokens.revokeRefreshToken(request.token(), client.clientId());
        return null;
    }

    /** Signs the caller out everywhere: every token the user holds stops working. */
    @Nullable
    Object globalSignOut(UserSelfServiceActions.AccessTokenRequest request, RequestContext context) {
        SignedInUser caller = this.service.authenticate(request.accessToken());
        this.service.tokens.revokeAll(caller.pool().id(), caller.user().sub());
        return null;
    }

    @Nullable
    Object adminUserGlobalSignOut(AdminUserGlobalSignOutRequest request, RequestContext context) {
        UserPool pool = this.service
                .pools
                .findInRegion(request.userPoolId(), context.region())
                .orElseThrow(() -> Errors.userPoolNotFound(request.userPoolId()));
        User user = this.service.users.resolve(pool, request.username()).orElseThrow(Errors::userNotFound);
        this.service.tokens.revokeAll(pool.id(), user.sub());
        return null;
    }

    /**
     * A RevokeToken request.
     *
     * @param token the refresh token to revoke
     * @param clientId the app client it was issued to
     * @param clientSecret the client secret, for clients with one
     */
    record RevokeTokenRequest(
            String token, String clientId, @Nullable String clientSecret) {

        static RevokeTokenRequest parse(RequestReader in) {
            return new RevokeTokenRequest(
                    in.requiredString("Token", Shapes.ACCESS_TOKEN),
                    in.requiredString("ClientId", Shapes.CLIENT_ID),
                    in.string("ClientSecret", Shapes.CLIENT_SECRET));
        }

        /** A description without the refresh token and the client secret. */
        @Override
        public String toString() {
            return "RevokeTokenRequest[token=" + Redacted.secret(this.token) + ", clientId=" + this.clientId
                    + ", clientSecret=" + Redacted.secret(this.clientSecret) + "]";
        }
    }

    /**
     * An AdminUserGlobalSignOut request.
     *
     * @param userPoolId the pool
     * @param username the username, alias or sub
     */
    record AdminUserGlobalSignOutRequest(String userPoolId, String username) {

        static AdminUserGlobalSignOutRequest parse(RequestReader in) {
            return new AdminUserGlobalSignOutRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("Username", Shapes.USERNAME));
        }
    }
}
