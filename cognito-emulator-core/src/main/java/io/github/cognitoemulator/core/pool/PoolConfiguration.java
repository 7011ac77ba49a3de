package io.github.cognitoemulator.core.pool;

import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.protocol.IntShape;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.StringShape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The members a pool is configured with that both CreateUserPool and UpdateUserPool accept, read the same way for
 * both. UpdateUserPool replaces all of them: a member it leaves out goes back to Cognito's default, except
 * {@code UserPoolTier}, which keeps its value.
 *
 * @param passwordPolicy the password policy, Cognito's default when not given
 * @param autoVerifiedAttributes the auto-verified attributes
 * @param mfaConfiguration the MFA setting, {@code OFF} when not given
 * @param deletionProtection the deletion protection setting, {@code INACTIVE} when not given
 * @param userPoolTier the tier, {@code null} when not given
 * @param settings the other members, keyed by wire name, with defaults filled in where Cognito has them
 */
record PoolConfiguration(
        PasswordPolicy passwordPolicy,
        List<String> autoVerifiedAttributes,
        String mfaConfiguration,
        String deletionProtection,
        @Nullable String userPoolTier,
        Map<String, Object> settings) {

    /** The settings keys this configuration owns: UpdateUserPool replaces exactly these. */
    static final Set<String> SETTINGS_MEMBERS = Set.of(
            UserPoolSettings.SIGN_IN_POLICY,
            UserPoolSettings.USER_POOL_TAGS,
            "SmsVerificationMessage",
            "EmailVerificationMessage",
            "EmailVerificationSubject",
            "SmsAuthenticationMessage",
            UserPoolSettings.ADMIN_CREATE_USER_CONFIG,
            UserPoolSettings.EMAIL_CONFIGURATION,
            UserPoolSettings.LAMBDA_CONFIG,
            UserPoolSettings.USER_ATTRIBUTE_UPDATE_SETTINGS,
            UserPoolSettings.VERIFICATION_MESSAGE_TEMPLATE,
            "AccountRecoverySetting",
            "DeviceConfiguration",
            UserPoolSettings.SMS_CONFIGURATION,
            "UserPoolAddOns");

    /** Cognito's answer when MFA is required or optional and SMS, the only factor a pool starts with, is missing. */
    static final String MFA_NEEDS_SMS =
            "SMS configuration and Auto verification for phone_number are required when MFA is required/optional";

    private static final StringShape SMS_MESSAGE = StringShape.length(6, 140).pattern(".*\\{####\\}.*");

    private static final StringShape EMAIL_MESSAGE = StringShape.length(6, 20000)
            .pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*");

    private static final StringShape EMAIL_SUBJECT =
            StringShape.length(1, 140).pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+");

    /** Reads the shared members of a CreateUserPool or UpdateUserPool request. */
    static PoolConfiguration read(RequestReader in) {
        PasswordPolicy passwordPolicy = PasswordPolicy.DEFAULT;
        Map<String, Object> settings = new LinkedHashMap<>();
        Map<String, Object> signInPolicy = null;
        RequestReader policies = in.structure("Policies");
        if (policies != null) {
            RequestReader password = policies.structure("PasswordPolicy");
            if (password != null) {
                passwordPolicy = readPasswordPolicy(password);
            }
            signInPolicy = policies.document("SignInPolicy");
        }
        List<String> autoVerified = in.stringList("AutoVerifiedAttributes", StringShape.oneOf("phone_number", "email"));
        String mfa = in.string("MfaConfiguration", StringShape.oneOf("OFF", "ON", "OPTIONAL"));
        String deletionProtection = in.string("DeletionProtection", StringShape.oneOf("ACTIVE", "INACTIVE"));
        String tier = in.string("UserPoolTier", StringShape.oneOf("LITE", "ESSENTIALS", "PLUS"));
        putIfPresent(settings, "SmsVerificationMessage", in.string("SmsVerificationMessage", SMS_MESSAGE));
        putIfPresent(settings, "EmailVerificationMessage", in.string("EmailVerificationMessage", EMAIL_MESSAGE));
        putIfPresent(settings, "EmailVerificationSubject", in.string("EmailVerificationSubject", EMAIL_SUBJECT));
        putIfPresent(settings, "SmsAuthenticationMessage", in.string("SmsAuthenticationMessage", SMS_MESSAGE));
        Map<String, String> tags = in.stringMap("UserPoolTags");
        settings.put(UserPoolSettings.USER_POOL_TAGS, (tags != null) ? tags : Map.of());
        for (String member : UserPoolSettings.DEFAULT_STRUCTURES.keySet()) {
            Map<String, Object> given =
                    member.equals(UserPoolSettings.SIGN_IN_POLICY) ? signInPolicy : in.document(member);
            settings.put(member, UserPoolSettings.withDefaults(member, given));
        }
        for (String member : UserPoolSettings.PLAIN_STRUCTURES) {
            putIfPresent(settings, member, in.document(member));
        }
        String mfaConfiguration = (mfa != null) ? mfa : "OFF";
        return new PoolConfiguration(
                passwordPolicy,
                (autoVerified != null) ? autoVerified : List.of(),
                mfaConfiguration,
                (deletionProtection != null) ? deletionProtection : "INACTIVE",
                tier,
                settings);
    }

    /**
     * Rejects MFA that is required or optional while no factor could deliver a code: the SMS configuration given
     * here, or a software token or email factor the pool enabled with SetUserPoolMfaConfig.
     */
    void requireMfaFactor(MfaSettings factors) {
        if (!this.mfaConfiguration.equals("OFF")
                && !this.settings.containsKey(UserPoolSettings.SMS_CONFIGURATION)
                && !factors.softwareTokenEnabled()
                && factors.email() == null) {
            throw Errors.invalidParameter(MFA_NEEDS_SMS);
        }
    }

    private static PasswordPolicy readPasswordPolicy(RequestReader in) {
        Integer minimumLength = in.integer("MinimumLength", IntShape.range(6, 99));
        boolean uppercase = Boolean.TRUE.equals(in.bool("RequireUppercase"));
        boolean lowercase = Boolean.TRUE.equals(in.bool("RequireLowercase"));
        boolean numbers = Boolean.TRUE.equals(in.bool("RequireNumbers"));
        boolean symbols = Boolean.TRUE.equals(in.bool("RequireSymbols"));
        Integer validityDays = in.integer("TemporaryPasswordValidityDays", IntShape.range(0, 365));
        Integer historySize = in.integer("PasswordHistorySize", IntShape.range(0, 24));
        return new PasswordPolicy(
                (minimumLength != null) ? minimumLength : PasswordPolicy.DEFAULT.minimumLength(),
                uppercase,
                lowercase,
                numbers,
                symbols,
                (validityDays != null && validityDays != 0)
                        ? validityDays
                        : PasswordPolicy.DEFAULT.temporaryPasswordValidityDays(),
                historySize);
    }

    private static void putIfPresent(Map<String, Object> settings, String member, @Nullable Object value) {
        if (value != null) {
            settings.put(member, value);
        }
    }
}
