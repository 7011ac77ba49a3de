package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.provider.IdentityProvider;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /oauth2/authorize}: checks the request, then answers it from the browser's session, hands the browser
 * to the external identity provider it names, or sends it to the login page with the same query.
 */
final class AuthorizeEndpoint {

    private final OAuthContext context;

    private final AuthorizationChecks checks;

    private final SignedInBrowser browsers;

    private final Completion completion;

    private final FederatedSignIn federated;

    AuthorizeEndpoint(
            OAuthContext context,
            AuthorizationChecks checks,
            SignedInBrowser browsers,
            Completion completion,
            FederatedSignIn federated) {
        this.context = Objects.requireNonNull(context, "'context' must not be null");
        this.checks = Objects.requireNonNull(checks, "'checks' must not be null");
        this.browsers = Objects.requireNonNull(browsers, "'browsers' must not be null");
        this.completion = Objects.requireNonNull(completion, "'completion' must not be null");
        this.federated = Objects.requireNonNull(federated, "'federated' must not be null");
    }

    HostedResponse handle(HostedRequest http, UserPool pool) {
        Parameters query = Parameters.query(http);
        AuthorizationChecks.Outcome outcome = this.checks.check(http, pool, query);
        if (outcome instanceof AuthorizationChecks.Refused refused) {
            return refused.response();
        }
        AuthorizationChecks.Accepted accepted = (AuthorizationChecks.Accepted) outcome;
        UserPoolClient client = accepted.client();
        AuthorizationRequest request = accepted.request();
        String providerName = query.nonEmpty("identity_provider");
        String identifier = query.nonEmpty("idp_identifier");
        if ((providerName != null && !providerName.equals("COGNITO")) || identifier != null) {
            Optional<IdentityProvider> provider = (providerName != null)
                    ? this.context
                            .resources()
                            .find(IdentityProvider.KIND, IdentityProvider.key(pool.id(), providerName))
                            .map((found) -> found.value())
                    : this.context.resources().list(IdentityProvider.KIND, pool.id()).stream()
                            .map((found) -> found.value())
                            .filter((candidate) -> candidate.idpIdentifiers().contains(identifier))
                            .findFirst();
            if (provider.isEmpty()
                    || !OAuthClients.list(client, "SupportedIdentityProviders")
                            .contains(provider.get().providerName())) {
                return AuthorizationChecks.refused(request.redirectUri(), "invalid_request", request.state())
                        .response();
            }
            return this.federated.start(http, pool, client, provider.get(), request);
        }
        List<String> prompt = SignedInBrowser.prompt(query);
        if (!prompt.contains("login")) {
            Optional<SignedInBrowser.Session> session = this.browsers.of(http, pool);
            if (session.isPresent()) {
                return this.completion.complete(
                        http,
                        pool,
                        client,
                        request,
                        session.get().user(),
                        session.get().authTime(),
                        false);
            }
        }
        if (prompt.contains("none")) {
            return AuthorizationChecks.refused(request.redirectUri(), "login_required", request.state())
                    .response();
        }
        return Redirects.found(http.siteUrl() + "/login" + ((http.rawQuery() != null) ? "?" + http.rawQuery() : ""));
    }
}
