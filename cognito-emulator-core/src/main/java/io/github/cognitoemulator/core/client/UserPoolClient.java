package io.github.cognitoemulator.core.client;

import io.github.cognitoemulator.core.support.Redacted;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An app client of a user pool.
 *
 * @param userPoolId the pool the client belongs to
 * @param clientName the client name
 * @param clientId the client id, 26 lowercase alphanumerics
 * @param clientSecret the client secret, or {@code null} for a public client
 * @param creationDate when the client was created
 * @param lastModifiedDate when the client last changed
 * @param tokenValidity the token lifetimes
 * @param explicitAuthFlows the flows as given, or {@code null} when the client was created without them
 * @param preventUserExistenceErrors {@code LEGACY} or {@code ENABLED}, {@code null} when not given
 * @param enableTokenRevocation whether refresh tokens can be revoked
 * @param authSessionValidity minutes a challenge session lasts
 * @param settings every other {@code UserPoolClientType} member, keyed by wire name, as given
 */
public record UserPoolClient(
        String userPoolId,
        String clientName,
        String clientId,
        @Nullable String clientSecret,
        Instant creationDate,
        Instant lastModifiedDate,
        TokenValidity tokenValidity,
        @Nullable List<ExplicitAuthFlow> explicitAuthFlows,
        @Nullable String preventUserExistenceErrors,
        boolean enableTokenRevocation,
        int authSessionValidity,
        Map<String, Object> settings) {

    /** The flows a client created without {@code ExplicitAuthFlows} allows. */
    static final Set<ExplicitAuthFlow> DEFAULT_FLOWS = EnumSet.of(
            ExplicitAuthFlow.ALLOW_REFRESH_TOKEN_AUTH,
            ExplicitAuthFlow.ALLOW_USER_SRP_AUTH,
            ExplicitAuthFlow.ALLOW_CUSTOM_AUTH);

    public UserPoolClient {
        explicitAuthFlows = (explicitAuthFlows != null) ? List.copyOf(explicitAuthFlows) : null;
        settings = Map.copyOf(settings);
    }

    /** The flows this client allows, Cognito's defaults when it was created without a list. */
    public Set<ExplicitAuthFlow> allowedFlows() {
        if (this.explicitAuthFlows == null) {
            return DEFAULT_FLOWS;
        }
        // EnumSet.copyOf refuses an empty collection: a client given an empty list allows no flow.
        Set<ExplicitAuthFlow> flows = EnumSet.noneOf(ExplicitAuthFlow.class);
        flows.addAll(this.explicitAuthFlows);
        return flows;
    }

    /** The attributes tokens and GetUser show, {@code null} when the client names none and all are readable. */
    public @Nullable List<String> readAttributes() {
        return stringList("ReadAttributes");
    }

    /** The attributes the user may change, {@code null} when the client names none and all are writable. */
    public @Nullable List<String> writeAttributes() {
        return stringList("WriteAttributes");
    }

    private @Nullable List<String> stringList(String member) {
        return (this.settings.get(member) instanceof List<?> values)
                ? values.stream().map(String::valueOf).toList()
                : null;
    }

    /** Whether callers must prove they know the client secret. */
    public boolean hasSecret() {
        return this.clientSecret != null;
    }

    /** Whether an unknown user is reported like a wrong password. */
    public boolean preventsUserExistenceErrors() {
        return "ENABLED".equals(this.preventUserExistenceErrors);
    }

    /** A description without the client secret. */
    @Override
    public String toString() {
        return "UserPoolClient[userPoolId=" + this.userPoolId + ", clientName=" + this.clientName + ", clientId="
                + this.clientId + ", clientSecret=" + Redacted.secret(this.clientSecret) + ", creationDate="
                + this.creationDate + ", lastModifiedDate=" + this.lastModifiedDate + ", tokenValidity="
                + this.tokenValidity + ", explicitAuthFlows=" + this.explicitAuthFlows
                + ", preventUserExistenceErrors=" + this.preventUserExistenceErrors + ", enableTokenRevocation="
                + this.enableTokenRevocation + ", authSessionValidity=" + this.authSessionValidity + ", settings="
                + this.settings + "]";
    }
}
