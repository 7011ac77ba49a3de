package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.pool.UserPool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks the parameters of an authorization request ({@code /oauth2/authorize}, and the pages that carry its query)
 * against the app client, as Cognito does: the client and its callback URL first, whose failure shows the error page,
 * then the rest, whose failure is redirected to the client with {@code error=}.
 */
final class AuthorizationChecks {

    private static final Set<String> NEED_OPENID = Set.of("email", "phone", "profile");

    private final OAuthContext context;

    AuthorizationChecks(OAuthContext context) {
        this.context = Objects.requireNonNull(context, "'context' must not be null");
    }

    /** The outcome of a check. */
    sealed interface Outcome permits Accepted, Refused {}

    /**
     * The request is good.
     *
     * @param client the app client
     * @param request the checked request
     */
    record Accepted(UserPoolClient client, AuthorizationRequest request) implements Outcome {}

    /**
     * The request is refused.
     *
     * @param response the error page, or the error redirect to the client
     */
    record Refused(HostedResponse response) implements Outcome {}

    Outcome check(HostedRequest http, UserPool pool, Parameters query) {
        String clientId = query.nonEmpty("client_id");
        String redirectUri = query.nonEmpty("redirect_uri");
        Optional<UserPoolClient> found = (clientId != null) ? this.context.client(pool, clientId) : Optional.empty();
        if (found.isEmpty()
                || redirectUri == null
                || !OAuthClients.list(found.get(), "CallbackURLs").contains(redirectUri)) {
            return new Refused(Redirects.errorPage(http, "redirect_mismatch", clientId));
        }
        UserPoolClient client = found.get();
        String state = query.first("state");
        String responseTypeName = query.nonEmpty("response_type");
        if (responseTypeName == null) {
            return refused(redirectUri, "invalid_request", state);
        }
        AuthorizationRequest.ResponseType responseType;
        String flow;
        if (responseTypeName.equals("code")) {
            responseType = AuthorizationRequest.ResponseType.CODE;
            flow = "code";
        } else if (responseTypeName.equals("token")) {
            responseType = AuthorizationRequest.ResponseType.TOKEN;
            flow = "implicit";
        } else {
            return refused(redirectUri, "unsupported_response_type", state);
        }
        if (!OAuthClients.allowsFlow(client, flow)) {
            return refused(redirectUri, "unauthorized_client", state);
        }
        List<String> scopes = grantedScopes(client, query.first("scope"));
        if (scopes.isEmpty() || (!scopes.contains("openid") && scopes.stream().anyMatch(NEED_OPENID::contains))) {
            return refused(redirectUri, "invalid_scope", state);
        }
        String challenge = query.nonEmpty("code_challenge");
        String method = query.nonEmpty("code_challenge_method");
        if (responseType == AuthorizationRequest.ResponseType.TOKEN) {
            // PKCE protects the exchange of a code; the implicit grant has none.
            challenge = null;
            method = null;
        } else if (challenge == null && method != null) {
            return refused(redirectUri, "invalid_request", state);
        } else if (challenge != null) {
            method = (method == null) ? "plain" : method;
            if (!method.equals("S256") && !method.equals("plain")) {
                return refused(redirectUri, "invalid_request", state);
            }
        }
        return new Accepted(
                client,
                new AuthorizationRequest(
                        client.clientId(),
                        redirectUri,
                        responseType,
                        scopes,
                        state,
                        query.nonEmpty("nonce"),
                        challenge,
                        method));
    }

    /**
     * The scopes granted: the requested ones the client allows, in the order requested, unknown ones ignored; every
     * scope the client allows when none is requested.
     */
    static List<String> grantedScopes(UserPoolClient client, @Nullable String requested) {
        List<String> allowed = OAuthClients.scopes(client);
        if (requested == null || requested.isBlank()) {
            return allowed;
        }
        Set<String> granted = new LinkedHashSet<>();
        for (String scope : Arrays.asList(requested.trim().split("[ +]+"))) {
            if (allowed.contains(scope)) {
                granted.add(scope);
            }
        }
        return new ArrayList<>(granted);
    }

    /** The error redirect to the client's callback URL. */
    static Refused refused(String redirectUri, String error, @Nullable String state) {
        return new Refused(Redirects.found(Redirects.withQuery(redirectUri, errorParameters(error, state))));
    }

    static Parameters errorParameters(String error, @Nullable String state) {
        Parameters parameters = Parameters.NONE.with("error", error);
        return (state != null) ? parameters.with("state", state) : parameters;
    }
}
