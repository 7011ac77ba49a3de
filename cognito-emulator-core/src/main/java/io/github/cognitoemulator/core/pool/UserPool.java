package io.github.cognitoemulator.core.pool;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A user pool: the settings the emulator enforces, typed, and the rest of Cognito's configuration kept as given so
 * that DescribeUserPool returns it.
 *
 * @param id the pool id, {@code <region>_<9 alphanumerics>}
 * @param name the pool name
 * @param arn the pool ARN
 * @param creationDate when the pool was created
 * @param lastModifiedDate when the pool last changed
 * @param passwordPolicy the password policy
 * @param schema the standard attributes followed by the custom ones
 * @param autoVerifiedAttributes the attributes Cognito verifies by sending a code
 * @param aliasAttributes attributes users may sign in with besides their username
 * @param usernameAttributes attributes that serve as the username ({@code email}, {@code phone_number})
 * @param usernameCaseSensitive whether usernames are case-sensitive, {@code null} when the pool did not say
 * @param mfaConfiguration {@code OFF}, {@code ON} or {@code OPTIONAL}
 * @param deletionProtection {@code ACTIVE} or {@code INACTIVE}
 * @param mfaSettings the MFA factors the pool offers, as SetUserPoolMfaConfig configures them
 * @param settings every other {@code UserPoolType} member, keyed by its wire name
 */
public record UserPool(
        String id,
        String name,
        String arn,
        Instant creationDate,
        Instant lastModifiedDate,
        PasswordPolicy passwordPolicy,
        List<SchemaAttribute> schema,
        List<String> autoVerifiedAttributes,
        List<String> aliasAttributes,
        List<String> usernameAttributes,
        @Nullable Boolean usernameCaseSensitive,
        String mfaConfiguration,
        String deletionProtection,
        MfaSettings mfaSettings,
        Map<String, Object> settings) {

    public UserPool {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(mfaSettings, "'mfaSettings' must not be null");
        schema = List.copyOf(schema);
        autoVerifiedAttributes = List.copyOf(autoVerifiedAttributes);
        aliasAttributes = List.copyOf(aliasAttributes);
        usernameAttributes = List.copyOf(usernameAttributes);
        settings = Map.copyOf(settings);
    }

    /** The region the pool lives in: the part of the pool id before the underscore. */
    public String region() {
        return this.id.substring(0, this.id.indexOf('_'));
    }

    /** The part of the pool id after the underscore, which SRP calls the pool name. */
    public String idSuffix() {
        return this.id.substring(this.id.indexOf('_') + 1);
    }

    /** Whether usernames match regardless of case; pools that did not choose are case-sensitive. */
    public boolean caseSensitiveUsernames() {
        return !Boolean.FALSE.equals(this.usernameCaseSensitive);
    }

    /** Whether users sign in with an email or phone number instead of a username of their choosing. */
    public boolean hasUsernameAttributes() {
        return !this.usernameAttributes.isEmpty();
    }

    /** The pool's tags ({@code UserPoolTags}), empty when it has none. */
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        if (this.settings.get(UserPoolSettings.USER_POOL_TAGS) instanceof Map<?, ?> stored) {
            stored.forEach((key, value) -> tags.put(String.valueOf(key), String.valueOf(value)));
        }
        return tags;
    }

    /** The pool's feature plan ({@code UserPoolTier}): {@code LITE}, {@code ESSENTIALS} (the default) or {@code PLUS}. */
    public String tier() {
        return (this.settings.get(UserPoolSettings.USER_POOL_TIER) instanceof String tier) ? tier : "ESSENTIALS";
    }

    /**
     * The operating mode of threat protection ({@code UserPoolAddOns.AdvancedSecurityMode}): {@code OFF} (also when
     * the pool has no add-ons), {@code AUDIT} or {@code ENFORCED}.
     */
    public String advancedSecurityMode() {
        if (this.settings.get("UserPoolAddOns") instanceof Map<?, ?> addOns
                && addOns.get("AdvancedSecurityMode") instanceof String mode) {
            return mode;
        }
        return "OFF";
    }

    /**
     * The pool's device tracking ({@code DeviceConfiguration}), or empty when it does not track devices: Cognito
     * tracks them once either member is given.
     */
    public Optional<DeviceConfiguration> deviceConfiguration() {
        if (!(this.settings.get("DeviceConfiguration") instanceof Map<?, ?> stored) || stored.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeviceConfiguration(
                Boolean.TRUE.equals(stored.get("ChallengeRequiredOnNewDevice")),
                Boolean.TRUE.equals(stored.get("DeviceOnlyRememberedOnUserPrompt"))));
    }

    /**
     * The factors users may sign in with first through the {@code USER_AUTH} flow
     * ({@code Policies.SignInPolicy.AllowedFirstAuthFactors}): {@code PASSWORD}, {@code EMAIL_OTP}, {@code SMS_OTP}
     * and {@code WEB_AUTHN}; {@code PASSWORD} alone, as in Cognito, for a pool that never set them.
     */
    public List<String> allowedFirstAuthFactors() {
        if (this.settings.get(UserPoolSettings.SIGN_IN_POLICY) instanceof Map<?, ?> policy
                && policy.get("AllowedFirstAuthFactors") instanceof List<?> factors) {
            return factors.stream().map(String::valueOf).toList();
        }
        return List.of("PASSWORD");
    }

    /** The schema attribute called {@code name}, with its prefix. */
    public Optional<SchemaAttribute> attribute(String name) {
        return this.schema.stream().filter((a) -> a.name().equals(name)).findFirst();
    }
}
