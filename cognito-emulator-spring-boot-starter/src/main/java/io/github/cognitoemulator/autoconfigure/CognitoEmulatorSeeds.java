package io.github.cognitoemulator.autoconfigure;

import io.github.cognitoemulator.core.seed.ClientSeed;
import io.github.cognitoemulator.core.seed.CustomAttributeSeed;
import io.github.cognitoemulator.core.seed.GroupSeed;
import io.github.cognitoemulator.core.seed.MfaSeed;
import io.github.cognitoemulator.core.seed.PasswordPolicySeed;
import io.github.cognitoemulator.core.seed.PoolSeed;
import io.github.cognitoemulator.core.seed.ResourceServerSeed;
import io.github.cognitoemulator.core.seed.UserSeed;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Turns the pools of {@code cognito.emulator.pools} into the emulator's seeds, and seed paths into property names. */
final class CognitoEmulatorSeeds {

    private static final Pattern UPPERCASE = Pattern.compile("[A-Z]");

    private CognitoEmulatorSeeds() {}

    static List<PoolSeed> of(List<CognitoEmulatorProperties.Pool> pools) {
        return pools.stream().map(CognitoEmulatorSeeds::pool).toList();
    }

    /**
     * The configuration property of a seed path: {@code pools[0].users[1].temporaryPassword} is
     * {@code cognito.emulator.pools[0].users[1].temporary-password}, in the kebab case of Spring's relaxed binding.
     */
    static String propertyName(String seedPath) {
        Matcher uppercase = UPPERCASE.matcher(seedPath);
        StringBuilder kebab = new StringBuilder(CognitoEmulatorProperties.PREFIX).append('.');
        while (uppercase.find()) {
            uppercase.appendReplacement(kebab, "-" + uppercase.group().toLowerCase(Locale.ROOT));
        }
        uppercase.appendTail(kebab);
        return kebab.toString();
    }

    private static PoolSeed pool(CognitoEmulatorProperties.Pool pool) {
        CognitoEmulatorProperties.PasswordPolicy policy = pool.passwordPolicy();
        CognitoEmulatorProperties.Mfa mfa = pool.mfa();
        return new PoolSeed(
                pool.id(),
                pool.name(),
                pool.usernameAttributes(),
                pool.aliasAttributes(),
                pool.autoVerifiedAttributes(),
                pool.usernameCaseSensitive(),
                (policy != null)
                        ? new PasswordPolicySeed(
                                policy.minimumLength(),
                                policy.requireUppercase(),
                                policy.requireLowercase(),
                                policy.requireNumbers(),
                                policy.requireSymbols(),
                                policy.temporaryPasswordValidityDays(),
                                policy.passwordHistorySize())
                        : null,
                (mfa != null) ? new MfaSeed(mfa.configuration(), mfa.softwareToken()) : null,
                map(
                        pool.customAttributes(),
                        (attribute) -> new CustomAttributeSeed(
                                attribute.name(),
                                attribute.type(),
                                attribute.mutable(),
                                attribute.developerOnly(),
                                attribute.minLength(),
                                attribute.maxLength(),
                                attribute.minValue(),
                                attribute.maxValue())),
                pool.adminCreateUserOnly(),
                pool.deletionProtection(),
                map(pool.clients(), CognitoEmulatorSeeds::client),
                map(
                        pool.groups(),
                        (group) ->
                                new GroupSeed(group.name(), group.description(), group.precedence(), group.roleArn())),
                map(
                        pool.resourceServers(),
                        (server) -> new ResourceServerSeed(server.identifier(), server.name(), server.scopes())),
                pool.domain(),
                map(
                        pool.users(),
                        (user) -> new UserSeed(
                                user.username(),
                                user.attributes(),
                                user.password(),
                                user.temporaryPassword(),
                                user.enabled(),
                                user.groups())));
    }

    private static ClientSeed client(CognitoEmulatorProperties.Client client) {
        return new ClientSeed(
                client.id(),
                client.name(),
                client.secret(),
                client.explicitAuthFlows(),
                client.accessTokenValidity(),
                client.idTokenValidity(),
                client.refreshTokenValidity(),
                client.callbackUrls(),
                client.logoutUrls(),
                client.defaultRedirectUri(),
                client.allowedOAuthFlows(),
                client.allowedOAuthScopes(),
                client.allowedOAuthFlowsUserPoolClient(),
                client.supportedIdentityProviders(),
                client.preventUserExistenceErrors(),
                client.enableTokenRevocation(),
                client.readAttributes(),
                client.writeAttributes());
    }

    private static <P, S> @Nullable List<S> map(@Nullable List<P> properties, Function<P, S> seed) {
        return (properties != null) ? properties.stream().map(seed).toList() : null;
    }
}
