package io.github.cognitoemulator.core.seed;

import io.github.cognitoemulator.core.support.Redacted;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An app client of a pool, created as CreateUserPoolClient does, under a fixed id. Settings left {@code null} or
 * empty are left out of the request, and so take Cognito's defaults.
 *
 * @param id the client id: 26 lowercase letters or digits, as Cognito makes them; unique across all pools
 * @param name {@code ClientName}
 * @param secret {@code ClientSecret}: a fixed secret makes the client confidential; {@code null} for a public client
 * @param explicitAuthFlows {@code ExplicitAuthFlows}, for example {@code ALLOW_USER_PASSWORD_AUTH}
 * @param accessTokenValidity how long access tokens last, 5 minutes to 1 day; sent in the largest of days, hours,
 *     minutes and seconds that measures it exactly
 * @param idTokenValidity how long ID tokens last, 5 minutes to 1 day
 * @param refreshTokenValidity how long refresh tokens last, 60 minutes to 3650 days
 * @param callbackUrls {@code CallbackURLs}
 * @param logoutUrls {@code LogoutURLs}
 * @param defaultRedirectUri {@code DefaultRedirectURI}
 * @param allowedOAuthFlows {@code AllowedOAuthFlows}: {@code code}, {@code implicit}, {@code client_credentials}
 * @param allowedOAuthScopes {@code AllowedOAuthScopes}
 * @param allowedOAuthFlowsUserPoolClient {@code AllowedOAuthFlowsUserPoolClient}; when {@code null}, {@code true} if
 *     OAuth flows are allowed, since they are otherwise unusable
 * @param supportedIdentityProviders {@code SupportedIdentityProviders}, for example {@code COGNITO}
 * @param preventUserExistenceErrors {@code PreventUserExistenceErrors}: {@code ENABLED} or {@code LEGACY}
 * @param enableTokenRevocation {@code EnableTokenRevocation}
 * @param readAttributes {@code ReadAttributes}
 * @param writeAttributes {@code WriteAttributes}
 */
public record ClientSeed(
        String id,
        String name,
        @Nullable String secret,
        List<String> explicitAuthFlows,
        @Nullable Duration accessTokenValidity,
        @Nullable Duration idTokenValidity,
        @Nullable Duration refreshTokenValidity,
        List<String> callbackUrls,
        List<String> logoutUrls,
        @Nullable String defaultRedirectUri,
        List<String> allowedOAuthFlows,
        List<String> allowedOAuthScopes,
        @Nullable Boolean allowedOAuthFlowsUserPoolClient,
        List<String> supportedIdentityProviders,
        @Nullable String preventUserExistenceErrors,
        @Nullable Boolean enableTokenRevocation,
        List<String> readAttributes,
        List<String> writeAttributes) {

    public ClientSeed {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(name, "'name' must not be null");
        explicitAuthFlows = Seeds.copy(explicitAuthFlows);
        callbackUrls = Seeds.copy(callbackUrls);
        logoutUrls = Seeds.copy(logoutUrls);
        allowedOAuthFlows = Seeds.copy(allowedOAuthFlows);
        allowedOAuthScopes = Seeds.copy(allowedOAuthScopes);
        supportedIdentityProviders = Seeds.copy(supportedIdentityProviders);
        readAttributes = Seeds.copy(readAttributes);
        writeAttributes = Seeds.copy(writeAttributes);
    }

    /** A public client with these explicit authentication flows and Cognito's defaults otherwise. */
    public static ClientSeed publicClient(String id, String name, List<String> explicitAuthFlows) {
        return new ClientSeed(
                id,
                name,
                null,
                explicitAuthFlows,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** Shows the secret as {@code ***}, so that a logged seed leaks nothing. */
    @Override
    public String toString() {
        return "ClientSeed[id=" + this.id + ", name=" + this.name + ", secret=" + Redacted.secret(this.secret)
                + ", explicitAuthFlows=" + this.explicitAuthFlows + ", allowedOAuthFlows=" + this.allowedOAuthFlows
                + ", allowedOAuthScopes=" + this.allowedOAuthScopes + ", callbackUrls=" + this.callbackUrls + "]";
    }
}
