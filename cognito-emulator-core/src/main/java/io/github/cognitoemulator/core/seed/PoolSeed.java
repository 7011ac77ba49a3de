package io.github.cognitoemulator.core.seed;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user pool to have in the emulator, created with everything it declares unless a pool with its id exists already;
 * in that case only what it declares and the pool lacks is added. Settings left {@code null} take Cognito's default.
 *
 * @param id the pool id: the region, an underscore and nine letters or digits, as Cognito makes them
 *     ({@code us-east-1_AbC123xyZ}); the region of the id is the region of the pool
 * @param name the pool name ({@code PoolName})
 * @param usernameAttributes {@code UsernameAttributes}: {@code email} and/or {@code phone_number} sign in in place
 *     of a username
 * @param aliasAttributes {@code AliasAttributes}: {@code email}, {@code phone_number} and/or
 *     {@code preferred_username} also sign in
 * @param autoVerifiedAttributes {@code AutoVerifiedAttributes}: {@code email} and/or {@code phone_number}
 * @param usernameCaseSensitive {@code UsernameConfiguration.CaseSensitive}
 * @param passwordPolicy {@code Policies.PasswordPolicy}
 * @param mfa the pool's MFA setting and factors
 * @param customAttributes attributes added to the schema, named without the {@code custom:} prefix
 * @param adminCreateUserOnly {@code AdminCreateUserConfig.AllowAdminCreateUserOnly}: no self sign-up
 * @param deletionProtection {@code DeletionProtection}: {@code true} for {@code ACTIVE}
 * @param clients the app clients
 * @param groups the groups
 * @param resourceServers the resource servers, whose scopes clients may then allow
 * @param domain the prefix of the pool's Cognito domain ({@code <prefix>.auth.<region>.amazoncognito.com})
 * @param users the users, created after the groups they join
 */
public record PoolSeed(
        String id,
        String name,
        List<String> usernameAttributes,
        List<String> aliasAttributes,
        List<String> autoVerifiedAttributes,
        @Nullable Boolean usernameCaseSensitive,
        @Nullable PasswordPolicySeed passwordPolicy,
        @Nullable MfaSeed mfa,
        List<CustomAttributeSeed> customAttributes,
        @Nullable Boolean adminCreateUserOnly,
        @Nullable Boolean deletionProtection,
        List<ClientSeed> clients,
        List<GroupSeed> groups,
        List<ResourceServerSeed> resourceServers,
        @Nullable String domain,
        List<UserSeed> users) {

    public PoolSeed {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(name, "'name' must not be null");
        usernameAttributes = Seeds.copy(usernameAttributes);
        aliasAttributes = Seeds.copy(aliasAttributes);
        autoVerifiedAttributes = Seeds.copy(autoVerifiedAttributes);
        customAttributes = Seeds.copy(customAttributes);
        clients = Seeds.copy(clients);
        groups = Seeds.copy(groups);
        resourceServers = Seeds.copy(resourceServers);
        users = Seeds.copy(users);
    }

    /** A pool with Cognito's default settings and nothing in it, to be completed with the {@code with} methods. */
    public static PoolSeed of(String id, String name) {
        return new PoolSeed(
                id, name, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** This pool with these app clients instead of its own. */
    public PoolSeed withClients(List<ClientSeed> clients) {
        return new PoolSeed(
                this.id,
                this.name,
                this.usernameAttributes,
                this.aliasAttributes,
                this.autoVerifiedAttributes,
                this.usernameCaseSensitive,
                this.passwordPolicy,
                this.mfa,
                this.customAttributes,
                this.adminCreateUserOnly,
                this.deletionProtection,
                clients,
                this.groups,
                this.resourceServers,
                this.domain,
                this.users);
    }

    /** This pool with these groups instead of its own. */
    public PoolSeed withGroups(List<GroupSeed> groups) {
        return new PoolSeed(
                this.id,
                this.name,
                this.usernameAttributes,
                this.aliasAttributes,
                this.autoVerifiedAttributes,
                this.usernameCaseSensitive,
                this.passwordPolicy,
                this.mfa,
                this.customAttributes,
                this.adminCreateUserOnly,
                this.deletionProtection,
                this.clients,
                groups,
                this.resourceServers,
                this.domain,
                this.users);
    }

    /** This pool with these users instead of its own. */
    public PoolSeed withUsers(List<UserSeed> users) {
        return new PoolSeed(
                this.id,
                this.name,
                this.usernameAttributes,
                this.aliasAttributes,
                this.autoVerifiedAttributes,
                this.usernameCaseSensitive,
                this.passwordPolicy,
                this.mfa,
                this.customAttributes,
                this.adminCreateUserOnly,
                this.deletionProtection,
                this.clients,
                this.groups,
                this.resourceServers,
                this.domain,
                users);
    }

    /** The pool's region: what comes before the underscore of its id. */
    String region() {
        int underscore = this.id.indexOf('_');
        return (underscore > 0) ? this.id.substring(0, underscore) : "";
    }
}
