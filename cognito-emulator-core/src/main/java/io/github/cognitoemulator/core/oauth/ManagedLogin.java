package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.auth.AuthenticationActions;
import io.github.cognitoemulator.core.client.ClientSecrets;
import io.github.cognitoemulator.core.client.ClientStore;
import io.github.cognitoemulator.core.domain.DomainActions;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.token.TokenService;
import io.github.cognitoemulator.core.user.UserDirectory;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A pool's managed login: the OAuth 2.0 endpoints and the sign-in pages Cognito serves on a user pool domain. The
 * emulator serves each pool's at {@code <issuer base URL>/<pool id>} and, once the pool has a prefix domain, at
 * {@code <issuer base URL>/<prefix>} too.
 */
public final class ManagedLogin {

    /** The paths below a site's root that managed login answers. */
    public static final Set<String> PATHS = Set.of(
            "/oauth2/authorize",
            "/oauth2/token",
            "/oauth2/userInfo",
            "/oauth2/revoke",
            "/oauth2/idpresponse",
            "/login",
            "/logout",
            "/signup",
            "/confirmUser",
            "/forgotPassword",
            "/error");

    private final PoolStore pools;

    private final ResourceStore resources;

    private final String region;

    private final FederatedSignIn federated;

    private final Completion completion;

    private final AuthorizationChecks checks;

    private final AuthorizeEndpoint authorize;

    private final TokenEndpoint token;

    private final UserInfoEndpoint userInfo;

    private final RevokeEndpoint revoke;

    private final LogoutEndpoint logout;

    private final LoginPage login;

    private final SelfServicePages selfService;

    /**
     * @param signIn the sign-in state machine of the API, which the login pages drive
     * @param selfServiceActions runs SignUp, ConfirmSignUp, ResendConfirmationCode, ForgotPassword and
     *     ConfirmForgotPassword for the self-service pages, as the API does
     * @param federated sign-in through the pools' external identity providers
     */
    public ManagedLogin(
            PoolStore pools,
            ClientStore clients,
            ResourceStore resources,
            UserDirectory users,
            TokenService tokens,
            AuthenticationActions signIn,
            ClientSecrets clientSecrets,
            SelfServicePages.Actions selfServiceActions,
            Clock clock,
            Ids ids,
            String region,
            FederatedSignIn federated) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.region = Objects.requireNonNull(region, "'region' must not be null");
        this.federated = Objects.requireNonNull(federated, "'federated' must not be null");
        OAuthContext context = new OAuthContext(
                pools,
                clients,
                resources,
                users,
                tokens,
                signIn,
                clientSecrets,
                clock,
                ids,
                region,
                new AuthorizationCodes(resources, clock, ids),
                new HostedSessions(resources, clock, ids),
                new GrantedScopes(resources, clock));
        this.completion = new Completion(context);
        this.checks = new AuthorizationChecks(context);
        SignedInBrowser browsers = new SignedInBrowser(context);
        ClientAuthentication authentication = new ClientAuthentication(context);
        this.authorize = new AuthorizeEndpoint(context, this.checks, browsers, this.completion, federated);
        this.token = new TokenEndpoint(context, authentication);
        this.userInfo = new UserInfoEndpoint(context);
        this.revoke = new RevokeEndpoint(context, authentication);
        this.logout = new LogoutEndpoint(context);
        this.selfService = new SelfServicePages(selfServiceActions, clientSecrets, new Csrf(ids), ids);
        this.login = new LoginPage(context, this.checks, browsers, this.completion, new Csrf(ids), this.selfService);
    }

    /**
     * Whether a request for {@code path} below the site {@code site} is managed login's, decided before its body is
     * read: a known path, on a site naming a pool or one of its prefix domains.
     */
    public boolean serves(String site, String path) {
        return PATHS.contains(path) && poolOf(site).isPresent();
    }

    /** The id of the pool a site serves: the site itself when it names a pool, else the pool of that domain. */
    public Optional<String> poolOf(String site) {
        if (site.indexOf('_') > 0) {
            return this.pools.find(site).map((pool) -> pool.id());
        }
        return DomainActions.poolOfDomain(this.resources, this.region, site);
    }

    /** Answers a request for which {@link #serves(String, String)} holds. */
    public HostedResponse handle(HostedRequest request) {
        Optional<UserPool> pool = poolOf(request.site()).flatMap(this.pools::find);
        if (pool.isEmpty() || !PATHS.contains(request.path())) {
            return HostedResponse.of(404, "text/plain;charset=UTF-8", "Not Found", List.of());
        }
        switch (request.path()) {
            case "/oauth2/authorize":
                return this.authorize.handle(request, pool.get());
            case "/oauth2/token":
                return this.token.handle(request, pool.get());
            case "/oauth2/userInfo":
                return this.userInfo.handle(request, pool.get());
            case "/oauth2/revoke":
                return this.revoke.handle(request, pool.get());
            case "/oauth2/idpresponse":
                return idpResponse(request, pool.get());
            case "/login":
                return this.login.handle(request, pool.get());
            case "/logout":
                return this.logout.handle(request, pool.get());
            case "/error":
                return ErrorPage.handle(request);
            default:
                return selfService(request, pool.get());
        }
    }

    /** The completion every sign-in ends with, for the pages and federation of this package. */
    Completion completion() {
        return this.completion;
    }

    private HostedResponse idpResponse(HostedRequest request, UserPool pool) {
        FederatedSignIn.Outcome outcome = this.federated.finish(request, pool);
        if (outcome instanceof FederatedSignIn.SignedIn signedIn) {
            return this.completion.complete(
                    request, pool, signedIn.client(), signedIn.request(), signedIn.user(), signedIn.authTime(), true);
        }
        return ((FederatedSignIn.Failed) outcome).response();
    }

    /** {@code /signup}, {@code /confirmUser}, {@code /forgotPassword}: the authorization request checked first. */
    private HostedResponse selfService(HostedRequest request, UserPool pool) {
        AuthorizationChecks.Outcome outcome = this.checks.check(request, pool, Parameters.query(request));
        if (outcome instanceof AuthorizationChecks.Accepted accepted) {
            if (!OAuthClients.supportsCognito(accepted.client())) {
                // These pages create and recover users of the pool's own directory, which the client does not use.
                return ErrorPage.page(400);
            }
            return this.selfService.handle(request, pool, accepted.client(), accepted.request());
        }
        return ((AuthorizationChecks.Refused) outcome).response();
    }
}
