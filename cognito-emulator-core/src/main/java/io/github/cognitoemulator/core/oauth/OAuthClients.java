package io.github.cognitoemulator.core.oauth;

import io.github.cognitoemulator.core.client.UserPoolClient;
import java.util.List;

/** The OAuth settings of an app client, as its {@code UserPoolClientType} members hold them. */
final class OAuthClients {

    private OAuthClients() {}

    /** A list member of the client, empty when not set. */
    static List<String> list(UserPoolClient client, String member) {
        return (client.settings().get(member) instanceof List<?> values)
                ? values.stream().map(String::valueOf).toList()
                : List.of();
    }

    /** Whether the client may use the OAuth flow {@code flow} ({@code code}, {@code implicit}, {@code client_credentials}). */
    static boolean allowsFlow(UserPoolClient client, String flow) {
        return Boolean.TRUE.equals(client.settings().get("AllowedOAuthFlowsUserPoolClient"))
                && list(client, "AllowedOAuthFlows").contains(flow);
    }

    /**
     * Whether the client signs users in with the pool's own directory: {@code COGNITO} among its
     * {@code SupportedIdentityProviders}. Without it, the username and password form, and the self-service pages
     * that create and recover such users, are not the client's.
     */
    static boolean supportsCognito(UserPoolClient client) {
        return list(client, "SupportedIdentityProviders").contains("COGNITO");
    }

    /** The client's {@code AllowedOAuthScopes}. */
    static List<String> scopes(UserPoolClient client) {
        return list(client, "AllowedOAuthScopes");
    }
}
