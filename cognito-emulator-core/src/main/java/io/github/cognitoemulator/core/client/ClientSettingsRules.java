package io.github.cognitoemulator.core.client;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.provider.IdentityProviderActions;
import io.github.cognitoemulator.core.resourceserver.PoolResourceServers;
import io.github.cognitoemulator.core.store.ResourceStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The checks Cognito makes of an app client's settings beyond the shape of the request, on CreateUserPoolClient and
 * UpdateUserPoolClient alike: attributes of the pool's schema, identity providers of the pool, redirect URLs, and OAuth
 * flows and scopes that fit together and exist.
 */
final class ClientSettingsRules {

    /** The scopes every pool has; the others are {@code <resource server>/<scope>}. */
    static final Set<String> STANDARD_SCOPES =
            Set.of("phone", "email", "openid", "profile", "aws.cognito.signin.user.admin");

    /** Attributes only Cognito writes. */
    private static final Set<String> UNWRITABLE = Set.of("sub", "email_verified", "phone_number_verified");

    /** Hosts a redirect URL may reach over plain HTTP, for local development. */
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final ResourceStore resources;

    ClientSettingsRules(ResourceStore resources) {
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
    }

    /**
     * Checks {@code request}, for a client in {@code pool} that has a secret or not.
     *
     * @param creating whether the client is being created rather than updated, which Cognito's messages tell apart
     */
    void check(UserPool pool, CreateUserPoolClientRequest.OAuthSettings request, boolean hasSecret, boolean creating) {
        String operation = creating ? "creating" : "updating";
        checkAttributes(pool, request.readAttributes(), request.writeAttributes(), operation);
        for (String provider : request.supportedIdentityProviders()) {
            if (!provider.equals("COGNITO")
                    && IdentityProviderActions.find(this.resources, pool.id(), provider)
                            .isEmpty()) {
                throw Errors.invalidParameter(
                        "The provider " + provider + " does not exist for User Pool " + pool.id() + ".");
            }
        }
        request.callbackUrls().forEach(ClientSettingsRules::checkRedirectUrl);
        request.logoutUrls().forEach(ClientSettingsRules::checkRedirectUrl);
        String defaultRedirect = request.defaultRedirectUri();
        if (defaultRedirect != null) {
            checkRedirectUrl(defaultRedirect);
            if (!request.callbackUrls().contains(defaultRedirect)) {
                throw Errors.invalidParameter("DefaultRedirectURI must be one of the CallbackURLs.");
            }
        }
        checkOAuth(pool, request, hasSecret);
    }

    private static void checkAttributes(
            UserPool pool, @Nullable List<String> read, @Nullable List<String> write, String operation) {
        if (read != null
                && !read.stream().allMatch((name) -> pool.attribute(name).isPresent())) {
            throw Errors.invalidParameter("Invalid read attributes specified while " + operation + " a client");
        }
        if (write == null) {
            return;
        }
        boolean writable =
                write.stream().allMatch((name) -> pool.attribute(name).isPresent() && !UNWRITABLE.contains(name));
        // Every client must be able to write the attributes the pool requires.
        boolean coversRequired = pool.schema().stream()
                .filter((attribute) -> attribute.required() && !UNWRITABLE.contains(attribute.name()))
                .allMatch((attribute) -> write.contains(attribute.name()));
        if (!writable || !coversRequired) {
            throw Errors.invalidParameter("Invalid write attributes specified while " + operation + " a client");
        }
    }

    private static void checkRedirectUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException ex) {
            throw Errors.invalidParameter(url + " is not a valid URL.");
        }
        if (uri.getScheme() == null) {
            throw Errors.invalidParameter(url + " is not a valid URL.");
        }
        if (uri.getRawFragment() != null) {
            throw Errors.invalidParameter(url + " cannot contain a fragment.");
        }
        String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
        if (uri.getScheme().equalsIgnoreCase("http") && !LOOPBACK_HOSTS.contains(host)) {
            throw Errors.invalidParameter(url + " cannot use the HTTP protocol.");
        }
    }

    private void checkOAuth(UserPool pool, CreateUserPoolClientRequest.OAuthSettings request, boolean hasSecret) {
        List<String> flows = request.allowedOAuthFlows();
        List<String> scopes = request.allowedOAuthScopes();
        if (!request.allowedOAuthFlowsUserPoolClient()) {
            if (!flows.isEmpty() || !scopes.isEmpty()) {
                throw Errors.invalidParameter("AllowedOAuthFlows and AllowedOAuthScopes are only allowed if user"
                        + " pool client is allowed to use OAuth flows.");
            }
            return;
        }
        if (flows.isEmpty() || scopes.isEmpty()) {
            throw Errors.invalidParameter("AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client"
                    + " is allowed to use OAuth flows.");
        }
        boolean browserFlow = flows.contains("code") || flows.contains("implicit");
        if (flows.contains("client_credentials")) {
            if (browserFlow) {
                throw ErrorType.INVALID_OAUTH_FLOW.exception(
                        "client_credentials flow can not be selected along with code flow or implicit flow.");
            }
            if (!hasSecret) {
                throw ErrorType.INVALID_OAUTH_FLOW.exception(
                        "client_credentials flow can not be selected if client does not have a client secret.");
            }
        }
        if (browserFlow && request.callbackUrls().isEmpty()) {
            throw ErrorType.INVALID_OAUTH_FLOW.exception(
                    "CallbackUrls can not be empty when code flow or implicit flow is selected");
        }
        for (String scope : scopes) {
            if (!STANDARD_SCOPES.contains(scope)
                    && !PoolResourceServers.definesScope(this.resources, pool.id(), scope)) {
                throw ErrorType.SCOPE_DOES_NOT_EXIST.exception("Invalid scope requested: " + scope);
            }
        }
    }
}
