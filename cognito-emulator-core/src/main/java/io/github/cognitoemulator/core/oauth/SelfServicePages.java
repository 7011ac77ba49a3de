package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.pool.UserPool;
import java.util.List;

/**
 * The self-service pages of managed login: {@code /signup}, {@code /confirmUser} and {@code /forgotPassword}, reached
 * from the login page with the same authorization request.
 */
public final class SelfServicePages {

    /** The paths these pages answer. */
    public static final List<String> PATHS = List.of("/signup", "/confirmUser", "/forgotPassword");

    /**
     * Answers one of {@link #PATHS}.
     *
     * @param request the browser's request (GET shows a page, POST takes its form)
     * @param pool the pool the site serves
     * @param client the app client named by {@code client_id}
     * @param authorization the authorization request carried through the pages, checked against {@code client}
     */
    public HostedResponse handle(
            HostedRequest request, UserPool pool, UserPoolClient client, AuthorizationRequest authorization) {
        return HostedResponse.of(404, "text/plain;charset=UTF-8", "Not Found", List.of());
    }
}
