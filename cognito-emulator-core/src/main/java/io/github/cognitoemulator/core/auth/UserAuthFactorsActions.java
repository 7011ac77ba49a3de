package io.github.cognitoemulator.core.auth;

import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.passkey.Passkeys;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.support.Redacted;
import io.github.cognitoemulator.core.token.SignedInUsers;
import io.github.cognitoemulator.core.token.TokenService;
import io.github.cognitoemulator.core.user.MfaMembers;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * GetUserAuthFactors and AdminGetUserAuthFactors: the user's MFA preference and enabled MFA factors, and the first
 * factors the user can sign in with through {@code USER_AUTH}.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserAuthFactors.html">GetUserAuthFactors</a>
 */
public final class UserAuthFactorsActions implements ActionFamily {

    private final PoolStore pools;

    private final UserDirectory users;

    private final SignedInUsers signedIn;

    private final Passkeys passkeys;

    private final MfaMembers mfa;

    /** @param mfa the users' MFA settings, whose preference and enabled factors are reported too */
    public UserAuthFactorsActions(
            PoolStore pools, UserDirectory users, TokenService tokens, Passkeys passkeys, MfaMembers mfa) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.signedIn = new SignedInUsers(tokens, pools, users);
        this.passkeys = Objects.requireNonNull(passkeys, "'passkeys' must not be null");
        this.mfa = Objects.requireNonNull(mfa, "'mfa' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.addUnsigned("GetUserAuthFactors", AccessTokenRequest::parse, this::getUserAuthFactors);
        registry.add("AdminGetUserAuthFactors", AdminRequest::parse, this::adminGetUserAuthFactors);
    }

    Map<String, Object> getUserAuthFactors(AccessTokenRequest request, RequestContext context) {
        SignedInUsers.SignedInUser caller = this.signedIn.require(request.accessToken());
        UserPool pool = caller.pool();
        User user = caller.user();
        return factors(pool, user);
    }

    Map<String, Object> adminGetUserAuthFactors(AdminRequest request, RequestContext context) {
        UserPool pool = this.pools
                .findInRegion(request.userPoolId(), context.region())
                .orElseThrow(() -> Errors.userPoolNotFound(request.userPoolId()));
        User user = this.users.resolve(pool, request.username()).orElseThrow(Errors::userNotFound);
        return factors(pool, user);
    }

    private Map<String, Object> factors(UserPool pool, User user) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("Username", user.username());
        // The same MFA members as GetUser shows, each only when set; MFAOptions is GetUser's alone.
        Map<String, Object> mfaMembers = this.mfa.of(user);
        for (String member : new String[] {"PreferredMfaSetting", "UserMFASettingList"}) {
            if (mfaMembers.containsKey(member)) {
                response.put(member, mfaMembers.get(member));
            }
        }
        response.put("ConfiguredUserAuthFactors", ChoiceBasedSignIn.configuredFactors(this.passkeys, pool, user));
        return response;
    }

    /** A request carrying only an access token. */
    record AccessTokenRequest(String accessToken) {

        static AccessTokenRequest parse(RequestReader in) {
            return new AccessTokenRequest(in.requiredString("AccessToken", Shapes.ACCESS_TOKEN));
        }

        /** A description without the access token. */
        @Override
        public String toString() {
            return "AccessTokenRequest[accessToken=" + Redacted.secret(this.accessToken) + "]";
        }
    }

    /**
     * An AdminGetUserAuthFactors request.
     *
     * @param userPoolId the pool
     * @param username the user's name or alias
     */
    record AdminRequest(String userPoolId, String username) {

        static AdminRequest parse(RequestReader in) {
            return new AdminRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("Username", Shapes.USERNAME));
        }
    }
}
