package io.github.cognitoemulator.core.client;

import io.github.cognitoemulator.core.store.ResourceKind;
import java.util.List;

/**
 * The active secrets of an app client once secrets have been added or deleted, oldest first; a client whose secrets
 * were never changed has none stored and only the secret it was created with. Kept under
 * {@code <pool id>/<client id>}, so that the limit of two is checked against exactly the secrets replaced.
 *
 * @param secrets the active secrets, oldest first
 */
public record ClientSecretList(List<ClientSecret> secrets) {

    /** The kind of record. */
    public static final ResourceKind<ClientSecretList> KIND = ResourceKind.of("client-secrets", ClientSecretList.class);

    public ClientSecretList {
        secrets = List.copyOf(secrets);
    }
}
