package io.github.cognitoemulator.core.pool;

import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * UpdateUserPool and AddCustomAttributes: the changes a pool accepts after it was created.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPool.html">UpdateUserPool</a>
 */
public final class UserPoolConfigActions implements ActionFamily {

    /** How many custom attributes a pool may have. */
    static final int MAX_CUSTOM_ATTRIBUTES = 50;

    private static final StringShape POOL_NAME = StringShape.length(1, 128).pattern("[\\w\\s+=,.@-]+");

    private final PoolStore pools;

    private final Clock clock;

    /**
     * @param pools where pools are kept
     * @param clock the source of modification times
     */
    public UserPoolConfigActions(PoolStore pools, Clock clock) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("UpdateUserPool", UpdateUserPoolRequest::parse, this::updateUserPool);
        registry.add("AddCustomAttributes", AddCustomAttributesRequest::parse, this::addCustomAttributes);
    }

    @Nullable
    Object updateUserPool(UpdateUserPoolRequest request, RequestContext context) {
        PoolConfiguration configuration = request.configuration();
        while (true) {
            UserPool current = this.pools
                    .findInRegion(request.userPoolId(), context.region())
                    .orElseThrow(() -> Errors.userPoolNotFound(request.userPoolId()));
            MfaSettings factors = current.mfaSettings();
            configuration.requireMfaFactor(factors);
            Map<String, Object> settings = new LinkedHashMap<>(current.settings());
            settings.keySet().removeAll(PoolConfiguration.SETTINGS_MEMBERS);
            settings.putAll(configuration.settings());
            if (configuration.userPoolTier() != null) {
                settings.put(UserPoolSettings.USER_POOL_TIER, configuration.userPoolTier());
            }
            UserPool updated = new UserPool(
                    current.id(),
                    (request.poolName() != null) ? request.poolName() : current.name(),
                    current.arn(),
                    current.creationDate(),
                    this.clock.instant(),
                    configuration.passwordPolicy(),
                    current.schema(),
                    configuration.autoVerifiedAttributes(),
                    current.aliasAttributes(),
                    current.usernameAttributes(),
                    current.usernameCaseSensitive(),
                    configuration.mfaConfiguration(),
                    configuration.deletionProtection(),
                    updatedFactors(configuration, factors),
                    settings);
            if (this.pools.replace(current, updated)) {
                return null;
            }
        }
    }

    /**
     * The factors once {@code configuration} applies: none while MFA is off; SMS while the pool keeps an SMS
     * configuration and either had SMS already or no factor at all, as when a pool is created with MFA on.
     */
    private static MfaSettings updatedFactors(PoolConfiguration configuration, MfaSettings factors) {
        if (configuration.mfaConfiguration().equals("OFF")) {
            return factors.withoutFactors();
        }
        boolean sms = configuration.settings().containsKey(UserPoolSettings.SMS_CONFIGURATION)
                && (factors.smsEnabled() || !factors.anyFactor());
        return new MfaSettings(sms, factors.softwareTokenEnabled(), factors.email(), factors.webAuthn());
    }

    @Nullable
    Object addCustomAttributes(AddCustomAttributesRequest request, RequestContext context) {
        while (true) {
            UserPool current = this.pools
                    .findInRegion(request.userPoolId(), context.region())
                    .orElseThrow(() -> Errors.userPoolNotFound(request.userPoolId()));
            List<SchemaAttribute> schema = new ArrayList<>(current.schema());
            for (CreateUserPoolRequest.SchemaEntry entry : request.attributes()) {
                if (entry.required()) {
                    throw Errors.invalidParameter("Required custom attributes are not supported currently.");
                }
                String name = (entry.developerOnly() ? "dev:" : "") + SchemaAttribute.CUSTOM_PREFIX + entry.name();
                if (schema.stream().anyMatch((attribute) -> attribute.name().equals(name))) {
                    throw Errors.invalidParameter("Existing attribute already has name " + name + ".");
                }
                schema.add(UserPoolActions.customAttribute(name, entry));
            }
            long custom = schema.stream().filter((a) -> !a.isStandard()).count();
            if (custom > MAX_CUSTOM_ATTRIBUTES) {
                throw Errors.invalidParameter(
                        "Number of custom attributes cannot exceed " + MAX_CUSTOM_ATTRIBUTES + ".");
            }
            UserPool updated = new UserPool(
                    current.id(),
                    current.name(),
                    current.arn(),
                    current.creationDate(),
                    this.clock.instant(),
                    current.passwordPolicy(),
                    schema,
                    current.autoVerifiedAttributes(),
                    current.aliasAttributes(),
                    current.usernameAttributes(),
                    current.usernameCaseSensitive(),
                    current.mfaConfiguration(),
                    current.deletionProtection(),
                    current.mfaSettings(),
                    current.settings());
            if (this.pools.replace(current, updated)) {
                return null;
            }
        }
    }

    /**
     * An UpdateUserPool request.
     *
     * @param userPoolId the pool
     * @param poolName the new name, {@code null} to keep the name
     * @param configuration every other member, defaults for those left out
     */
    record UpdateUserPoolRequest(
            String userPoolId, @Nullable String poolName, PoolConfiguration configuration) {

        static UpdateUserPoolRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            String poolName = in.string("PoolName", POOL_NAME);
            return new UpdateUserPoolRequest(userPoolId, poolName, PoolConfiguration.read(in));
        }
    }

    /**
     * An AddCustomAttributes request.
     *
     * @param userPoolId the pool
     * @param attributes the attributes to add, named without prefix
     */
    record AddCustomAttributesRequest(String userPoolId, List<CreateUserPoolRequest.SchemaEntry> attributes) {

        static AddCustomAttributesRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            List<RequestReader> entries = in.structureList("CustomAttributes", 1, 25);
            List<CreateUserPoolRequest.SchemaEntry> attributes = new ArrayList<>();
            if (entries == null) {
                in.missing("CustomAttributes");
            } else {
                for (RequestReader entry : entries) {
                    attributes.add(CreateUserPoolRequest.SchemaEntry.read(entry));
                }
            }
            return new AddCustomAttributesRequest(userPoolId, attributes);
        }
    }
}
