package io.github.cognitoemulator.core.pool;

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

    static CreateUserPoolRequest parse(RequestReader in) {
        String poolName = in.requiredString("PoolName", POOL_NAME);
        List<SchemaEntry> schema = new ArrayList<>();
        List<RequestReader> schemaEntries = in.structureList("Schema", 1, 50);
        if (schemaEntries != null) {
            for (RequestReader entry : schemaEntries) {
                schema.add(SchemaEntry.read(entry));
            }
        }
        List<String> alias = orEmpty(
                in.stringList("AliasAttributes", StringShape.oneOf("phone_number", "email", "preferred_username")));
        List<String> username =
                orEmpty(in.stringList("UsernameAttributes", StringShape.oneOf("phone_number", "email")));
        Map<String, Object> settings = new LinkedHashMap<>();
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
        PoolConfiguration configuration = PoolConfiguration.read(in);
        settings.putAll(configuration.settings());
        settings.put(UserPoolSettings.USER_POOL_TIER, orDefault(configuration.userPoolTier(), "ESSENTIALS"));
        return new CreateUserPoolRequest(
                poolName,
                configuration.passwordPolicy(),
                schema,
                configuration.autoVerifiedAttributes(),
                alias,
                username,
                caseSensitive,
                configuration.mfaConfiguration(),
                configuration.deletionProtection(),
                settings);
    }

    private static List<String> orEmpty(@Nullable List<String> values) {
        return (values != null) ? values : List.of();
    }

    private static String orDefault(@Nullable String value, String defaultValue) {
        return (value != null) ? value : defaultValue;
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
