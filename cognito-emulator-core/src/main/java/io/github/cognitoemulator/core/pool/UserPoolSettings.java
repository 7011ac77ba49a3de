package io.github.cognitoemulator.core.pool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Names and Cognito's defaults of the pool settings that are stored and returned as they are given. */
final class UserPoolSettings {

    static final String ADMIN_CREATE_USER_CONFIG = "AdminCreateUserConfig";

    static final String EMAIL_CONFIGURATION = "EmailConfiguration";

    static final String LAMBDA_CONFIG = "LambdaConfig";

    static final String SIGN_IN_POLICY = "SignInPolicy";

    static final String SMS_CONFIGURATION = "SmsConfiguration";

    static final String USER_ATTRIBUTE_UPDATE_SETTINGS = "UserAttributeUpdateSettings";

    static final String USER_POOL_TAGS = "UserPoolTags";

    static final String USER_POOL_TIER = "UserPoolTier";

    static final String USERNAME_CONFIGURATION = "UsernameConfiguration";

    static final String VERIFICATION_MESSAGE_TEMPLATE = "VerificationMessageTemplate";

    /** Structures stored as given, with nothing filled in. */
    static final List<String> PLAIN_STRUCTURES =
            List.of("AccountRecoverySetting", "DeviceConfiguration", SMS_CONFIGURATION, "UserPoolAddOns");

    /** What a pool created without these settings reports for them. */
    static final Map<String, Map<String, Object>> DEFAULT_STRUCTURES = Map.of(
            ADMIN_CREATE_USER_CONFIG, Map.of("AllowAdminCreateUserOnly", false, "UnusedAccountValidityDays", 7),
            EMAIL_CONFIGURATION, Map.of("EmailSendingAccount", "COGNITO_DEFAULT"),
            LAMBDA_CONFIG, Map.of(),
            SIGN_IN_POLICY, Map.of("AllowedFirstAuthFactors", List.of("PASSWORD")),
            USER_ATTRIBUTE_UPDATE_SETTINGS, Map.of("AttributesRequireVerificationBeforeUpdate", List.of()),
            VERIFICATION_MESSAGE_TEMPLATE, Map.of("DefaultEmailOption", "CONFIRM_WITH_CODE"));

    private UserPoolSettings() {}

    /** {@code given} laid over Cognito's defaults for the structure {@code member}. */
    static Map<String, Object> withDefaults(String member, @Nullable Map<String, Object> given) {
        Map<String, Object> merged = new LinkedHashMap<>(DEFAULT_STRUCTURES.getOrDefault(member, Map.of()));
        if (given != null) {
            merged.putAll(given);
        }
        return merged;
    }
}
