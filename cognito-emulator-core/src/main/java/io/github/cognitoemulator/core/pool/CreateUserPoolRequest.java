package io.github.cognitoemulator.core.pool;

import io.github.cognitoemulator.core.protocol.IntShape;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.StringShape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A CreateUserPool request.
 *
 * @param poolName the pool name
 * @param passwordPolicy the password policy, Cognito's default when not given
 * @param customSchema the {@code Schema} entries, as given
 * @param autoVerifiedAttributes the auto-verified attributes
 * @param aliasAttributes the alias attributes
 * @param usernameAttributes the username attributes
 * @param usernameCaseSensitive {@code UsernameConfiguration.CaseSensitive}
 * @param mfaConfiguration the MFA setting
 * @param deletionProtection the deletion protection setting
 * @param settings the other members, keyed by wire name
 */
record CreateUserPoolRequest(
        String poolName,
        PasswordPolicy passwordPolicy,
        List<SchemaEntry> customSchema,
        List<String> autoVerifiedAttributes,
        List<String> aliasAttributes,
        List<String> usernameAttributes,
        @Nullable Boolean usernameCaseSensitive,
        String mfaConfiguration,
        String deletionProtection,
        Map<String, Object> settings) {

    private static final StringShape POOL_NAME = StringShape.length(1, 128).pattern("[\\w\\s+=,.@-]+");

    private static final StringShape CUSTOM_ATTRIBUTE_NAME =
            StringShape.length(1, 20).pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");

    private static final StringShape SMS_MESSAGE = StringShape.length(6, 140).pattern(".*\\{####\\}.*");

    private static final StringShape EMAIL_MESSAGE = StringShape.length(6, 20000)
            .pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*");

    private static final StringShape EMAIL_SUBJECT =
            StringShape.length(1, 140).pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+");

    static CreateUserPoolRequest parse(RequestReader in) {
        String poolName = in.requiredString("PoolName", POOL_NAME);
        PasswordPolicy passwordPolicy = PasswordPolicy.DEFAULT;
        Map<String, Object> settings = new LinkedHashMap<>();
        RequestReader policies = in.structure("Policies");
        if (policies != null) {
            RequestReader password = policies.structure("PasswordPolicy");
            if (password != null) {
                passwordPolicy = readPasswordPolicy(password);
            }
            settings.put(UserPoolSettings.SIGN_IN_POLICY, policies.document("SignInPolicy"));
        }
        List<SchemaEntry> schema = new ArrayList<>();
        List<RequestReader> schemaEntries = in.structureList("Schema", 1, 50);
        if (schemaEntries != null) {
            for (RequestReader entry : schemaEntries) {
                schema.add(SchemaEntry.read(entry));
            }
        }
        List<String> autoVerified =
                orEmpty(in.stringList("AutoVerifiedAttributes", StringShape.oneOf("phone_number", "email")));
        List<String> alias = orEmpty(
                in.stringList("AliasAttributes", StringShape.oneOf("phone_number", "email", "preferred_username")));
        List<String> username =
                orEmpty(in.stringList("UsernameAttributes", StringShape.oneOf("phone_number", "email")));
        Boolean caseSensitive = null;
        RequestReader usernameConfiguration = in.structure("UsernameConfiguration");
        if (usernameConfiguration != null) {
            caseSensitive = usernameConfiguration.bool("CaseSensitive");
            if (caseSensitive == null) {
                usernameConfiguration.missing("CaseSensitive");
            }
            settings.put(
                    UserPoolSettings.USERNAME_CONFIGURATION,
                    Map.of("CaseSensitive", Boolean.TRUE.equals(caseSensitive)));
        }
        String mfa = in.string("MfaConfiguration", StringShape.oneOf("OFF", "ON", "OPTIONAL"));
        String deletionProtection = in.string("DeletionProtection", StringShape.oneOf("ACTIVE", "INACTIVE"));
        settings.put(
                UserPoolSettings.USER_POOL_TIER,
                orDefault(in.string("UserPoolTier", StringShape.oneOf("LITE", "ESSENTIALS", "PLUS")), "ESSENTIALS"));
        putIfPresent(settings, "SmsVerificationMessage", in.string("SmsVerificationMessage", SMS_MESSAGE));
        putIfPresent(settings, "EmailVerificationMessage", in.string("EmailVerificationMessage", EMAIL_MESSAGE));
        putIfPresent(settings, "EmailVerificationSubject", in.string("EmailVerificationSubject", EMAIL_SUBJECT));
        putIfPresent(settings, "SmsAuthenticationMessage", in.string("SmsAuthenticationMessage", SMS_MESSAGE));
        Map<String, String> tags = in.stringMap("UserPoolTags");
        settings.put(UserPoolSettings.USER_POOL_TAGS, (tags != null) ? tags : Map.of());
        for (String member : UserPoolSettings.DEFAULT_STRUCTURES.keySet()) {
            if (!member.equals(UserPoolSettings.SIGN_IN_POLICY)) {
                settings.put(member, UserPoolSettings.withDefaults(member, in.document(member)));
            }
        }
        settings.put(
                UserPoolSettings.SIGN_IN_POLICY,
                UserPoolSettings.withDefaults(
                        UserPoolSettings.SIGN_IN_POLICY, castMap(settings.get(UserPoolSettings.SIGN_IN_POLICY))));
        for (String member : UserPoolSettings.PLAIN_STRUCTURES) {
            putIfPresent(settings, member, in.document(member));
        }
        return new CreateUserPoolRequest(
                poolName,
                passwordPolicy,
                schema,
                autoVerified,
                alias,
                username,
                caseSensitive,
                orDefault(mfa, "OFF"),
                orDefault(deletionProtection, "INACTIVE"),
                settings);
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

    private static List<String> orEmpty(@Nullable List<String> values) {
        return (values != null) ? values : List.of();
    }

    private static String orDefault(@Nullable String value, String defaultValue) {
        return (value != null) ? value : defaultValue;
    }

    private static void putIfPresent(Map<String, Object> settings, String member, @Nullable Object value) {
        if (value != null) {
            settings.put(member, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Object> castMap(@Nullable Object value) {
        return (Map<String, Object>) value;
    }

    /**
     * One entry of a CreateUserPool {@code Schema}.
     *
     * @param name the name as given, without prefix
     * @param dataType the data type, {@code String} when not given
     * @param developerOnly whether only administrators may use it
     * @param mutable whether it may change after creation
     * @param required whether sign-up must supply it
     * @param stringConstraints string length bounds, when given
     * @param numberConstraints number bounds, when given
     */
    record SchemaEntry(
            String name,
            String dataType,
            boolean developerOnly,
            boolean mutable,
            boolean required,
            @Nullable Map<String, String> stringConstraints,
            @Nullable Map<String, String> numberConstraints) {

        static SchemaEntry read(RequestReader in) {
            String name = in.string("Name", CUSTOM_ATTRIBUTE_NAME);
            String dataType =
                    in.string("AttributeDataType", StringShape.oneOf("String", "Number", "DateTime", "Boolean"));
            Boolean developerOnly = in.bool("DeveloperOnlyAttribute");
            Boolean mutable = in.bool("Mutable");
            Boolean required = in.bool("Required");
            Map<String, String> stringConstraints = in.stringMap("StringAttributeConstraints");
            Map<String, String> numberConstraints = in.stringMap("NumberAttributeConstraints");
            return new SchemaEntry(
                    (name != null) ? name : "",
                    (dataType != null) ? dataType : "String",
                    Boolean.TRUE.equals(developerOnly),
                    !Boolean.FALSE.equals(mutable),
                    Boolean.TRUE.equals(required),
                    stringConstraints,
                    numberConstraints);
        }
    }
}
