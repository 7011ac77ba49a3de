package io.github.cognitoemulator.core.client;

import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The active secrets of app clients: every one of them is good for {@code SECRET_HASH} and for client authentication
 * while it lasts, so that a secret can be rotated without downtime.
 */
public final class ClientSecrets {

    private final ResourceStore resources;

    public ClientSecrets(ResourceStore resources) {
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
    }

    /** The values of the client's active secrets, oldest first; none for a public client. */
    public List<String> values(UserPoolClient client) {
        return active(client).stream().map(ClientSecret::value).toList();
    }

    /** The client's active secrets, oldest first. */
    List<ClientSecret> active(UserPoolClient client) {
        return stored(client).map((r) -> r.value().secrets()).orElseGet(() -> original(client));
    }

    /** The secret DescribeUserPoolClient shows: the oldest active one. */
    @Nullable
    String shown(UserPoolClient client) {
        List<ClientSecret> active = active(client);
        return active.isEmpty() ? null : active.get(0).value();
    }

    /** The stored list of a client whose secrets have changed. */
    Optional<Resource<ClientSecretList>> stored(UserPoolClient client) {
        return this.resources.find(ClientSecretList.KIND, key(client.userPoolId(), client.clientId()));
    }

    /** The secret a client was created with, as the only active one, or none for a public client. */
    static List<ClientSecret> original(UserPoolClient client) {
        String secret = client.clientSecret();
        return (secret != null)
                ? List.of(new ClientSecret(
                        ClientSecret.idOf(client.clientId(), client.creationDate()), secret, client.creationDate()))
                : List.of();
    }

    /** The key of a client's secret list. */
    static String key(String userPoolId, String clientId) {
        return userPoolId + "/" + clientId;
    }
}
