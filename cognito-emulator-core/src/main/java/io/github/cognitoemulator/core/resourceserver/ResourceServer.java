package io.github.cognitoemulator.core.resourceserver;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A resource server of a user pool ({@code ResourceServerType}).
 *
 * @param identifier the identifier, the prefix of its scopes ({@code identifier/scope})
 * @param name the friendly name
 * @param scopes the scopes, or {@code null} when the server was given none
 */
public record ResourceServer(
        String identifier, String name, @Nullable List<Scope> scopes) {

    public ResourceServer {
        scopes = (scopes != null) ? List.copyOf(scopes) : null;
    }

    /** Whether this server defines the scope {@code identifier/scopeName} named by {@code fullName}. */
    public boolean defines(String fullName) {
        if (this.scopes == null || !fullName.startsWith(this.identifier + "/")) {
            return false;
        }
        String scopeName = fullName.substring(this.identifier.length() + 1);
        return this.scopes.stream().anyMatch((scope) -> scope.scopeName().equals(scopeName));
    }

    /**
     * A scope of a resource server ({@code ResourceServerScopeType}).
     *
     * @param scopeName the name, after the server identifier and a slash
     * @param scopeDescription what the scope allows
     */
    public record Scope(String scopeName, String scopeDescription) {}
}
