package io.github.cognitoemulator.core.provider;

import io.github.cognitoemulator.core.store.ResourceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The names and identifiers of a pool's identity providers, kept as one small record beside the providers and written
 * with them, so that the pool's limit and the uniqueness of identifiers hold whatever runs at the same time.
 *
 * @param identifiersByProvider the {@code IdpIdentifiers} of every provider, by provider name
 */
public record ProviderIndex(Map<String, List<String>> identifiersByProvider) {

    /** The kind of record, keyed by pool id. */
    public static final ResourceKind<ProviderIndex> KIND =
            ResourceKind.of("identity-provider-index", ProviderIndex.class);

    /** An index of no providers. */
    public static final ProviderIndex EMPTY = new ProviderIndex(Map.of());

    public ProviderIndex {
        Map<String, List<String>> copy = new TreeMap<>();
        identifiersByProvider.forEach((name, identifiers) -> copy.put(name, List.copyOf(identifiers)));
        identifiersByProvider = copy;
    }

    /** The provider, other than {@code exceptProvider}, that uses {@code identifier}. */
    Optional<String> providerWithIdentifier(String identifier, String exceptProvider) {
        return this.identifiersByProvider.entrySet().stream()
                .filter((entry) -> !entry.getKey().equals(exceptProvider)
                        && entry.getValue().contains(identifier))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** This index with {@code providerName} using {@code identifiers}. */
    ProviderIndex with(String providerName, List<String> identifiers) {
        Map<String, List<String>> updated = new TreeMap<>(this.identifiersByProvider);
        updated.put(providerName, identifiers);
        return new ProviderIndex(updated);
    }

    /** This index without {@code providerName}. */
    ProviderIndex without(String providerName) {
        Map<String, List<String>> updated = new TreeMap<>(this.identifiersByProvider);
        updated.remove(providerName);
        return new ProviderIndex(updated);
    }
}
