package io.github.cognitoemulator.core.client;

import io.github.cognitoemulator.core.store.ResourceChange;
import java.util.List;

/**
 * What other features keep for an app client (branding, terms, UI customization, risk settings), removed with it so
 * that a deleted client leaves nothing behind.
 */
@FunctionalInterface
public interface ClientContents {

    /** Keeps nothing for clients. */
    ClientContents NONE = (userPoolId, clientId) -> List.of();

    /** The changes that remove what is kept for the client {@code clientId} of {@code userPoolId}. */
    List<ResourceChange> forget(String userPoolId, String clientId);
}
