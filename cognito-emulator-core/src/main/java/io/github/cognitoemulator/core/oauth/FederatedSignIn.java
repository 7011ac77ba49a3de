package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.provider.IdentityProvider;
import io.github.cognitoemulator.core.user.User;
import java.time.Instant;

/**
 * Sign-in through one of a pool's external identity providers: {@code /oauth2/authorize} hands the browser over to
 * the provider, and {@code /oauth2/idpresponse} takes it back with the provider's answer.
 */
public interface FederatedSignIn {

    /**
     * Sends the browser to {@code provider} to sign in, remembering {@code request} to resume once it comes back.
     *
     * @param http the authorize request, for the site's URL
     * @param request the checked authorization request of the app client
     * @return the redirect to the provider, or the error page when the provider cannot be reached
     */
    HostedResponse start(
            HostedRequest http,
            UserPool pool,
            UserPoolClient client,
            IdentityProvider provider,
            AuthorizationRequest request);

    /**
     * Takes the provider's answer at {@code /oauth2/idpresponse}: the user it signed in, linked or created in the
     * pool, or the answer to give the browser when the sign-in failed.
     */
    Outcome finish(HostedRequest http, UserPool pool);

    /** How a federated sign-in ended. */
    sealed interface Outcome permits SignedIn, Failed {}

    /**
     * The provider signed a user in.
     *
     * @param client the app client the sign-in started from
     * @param request the authorization request to answer
     * @param user the pool's user: the linked native user, or the federated one
     * @param authTime when the user signed in
     */
    record SignedIn(UserPoolClient client, AuthorizationRequest request, User user, Instant authTime)
            implements Outcome {}

    /**
     * The sign-in failed.
     *
     * @param response the answer for the browser: an error redirect to the client, or the error page
     */
    record Failed(HostedResponse response) implements Outcome {}
}
