package io.github.cognitoemulator.core.limit;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.IntShape;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * GetProvisionedLimit and UpdateProvisionedLimit: the request rate the account has provisioned for an adjustable API
 * category, in one region. A rate can be set anywhere from the category's free rate up to the account-level maximum
 * that Service Quotas granted; an account that never asked for more has a maximum equal to the free rate.
 *
 * <p>Provisioned limits belong to the account and the region, not to a pool, so they are not kept in the pool-owned
 * resource store but here, in memory: they last as long as the emulator, whatever its store. The emulator records the
 * rates but does not throttle requests by them, nor these two operations by their own category's rate of one request
 * per second.
 *
 * <p>These operations are newer than the service model the generic validator reads, so their model constraints
 * (required members, the {@code API_CATEGORY} limit class) are checked here.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html#provisioned-quotas">Managing
 *     provisioned limits</a>
 */
public final class ProvisionedLimitActions implements ActionFamily {

    /** The only limit class Cognito defines: API request rate categories. */
    static final String API_CATEGORY = "API_CATEGORY";

    /** The attribute of a limit definition that names the category. */
    static final String CATEGORY = "Category";

    private final Map<ApiCategory, Integer> maximums;

    private final ManagedLoginPools managedLogin;

    /** The rates set, records of the account keyed {@code <region>/<category>}; a category never set is at its free rate. */
    static final ResourceKind<ProvisionedLimit> LIMITS = ResourceKind.of("provisioned-limit", ProvisionedLimit.class);

    private final ResourceStore resources;

    /**
     * @param maximums the account-level maximum of each category that Service Quotas raised above its free rate; the
     *     others have their free rate as maximum
     * @param managedLogin whether the account's pools in a region use managed login
     * @param resources where the rates set are kept
     * @throws IllegalArgumentException when a maximum is below its category's free rate
     */
    public ProvisionedLimitActions(
            Map<ApiCategory, Integer> maximums, ManagedLoginPools managedLogin, ResourceStore resources) {
        Objects.requireNonNull(maximums, "'maximums' must not be null");
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.managedLogin = Objects.requireNonNull(managedLogin, "'managedLogin' must not be null");
        this.maximums = new EnumMap<>(ApiCategory.class);
        for (ApiCategory category : ApiCategory.values()) {
            int maximum = maximums.getOrDefault(category, category.freeLimit());
            if (maximum < category.freeLimit()) {
                throw new IllegalArgumentException("The maximum of " + category.wireName() + " must be at least its"
                        + " free rate of " + category.freeLimit() + " but was " + maximum);
            }
            this.maximums.put(category, maximum);
        }
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("GetProvisionedLimit", GetRequest::parse, this::getProvisionedLimit);
        registry.add("UpdateProvisionedLimit", UpdateRequest::parse, this::updateProvisionedLimit);
    }

    Map<String, Object> getProvisionedLimit(GetRequest request, RequestContext context) {
        ApiCategory category = category(request.definition());
        return response(category, provisioned(context.region(), category));
    }

    Map<String, Object> updateProvisionedLimit(UpdateRequest request, RequestContext context) {
        ApiCategory category = category(request.definition());
        int requested = request.requestedLimitValue();
        if (category.servedByManagedLogin() && this.managedLogin.anyIn(context.region())) {
            throw Errors.invalidParameter("The " + category.wireName() + " category cannot be adjusted with"
                    + " UpdateProvisionedLimit while a user pool uses managed login. Request a Service Quotas"
                    + " increase instead.");
        }
        if (requested < category.freeLimit()) {
            throw Errors.invalidParameter("RequestedLimitValue " + requested + " is below the default limit of "
                    + category.freeLimit() + " for category " + category.wireName() + ".");
        }
        int maximum = this.maximums.get(category);
        if (requested > maximum) {
            throw ErrorType.SERVICE_QUOTA_EXCEEDED.exception("RequestedLimitValue " + requested + " exceeds the"
                    + " account-level maximum limit of " + maximum + " for category " + category.wireName()
                    + ". Request a Service Quotas increase to raise the maximum.");
        }
        // The whole value is set at once: of concurrent updates, the last one written wins.
        String key = key(context.region(), category);
        ProvisionedLimit limit = new ProvisionedLimit(context.region(), category.wireName(), requested);
        while (true) {
            Optional<Resource<ProvisionedLimit>> current = this.resources.find(LIMITS, key);
            boolean written = current.isPresent()
                    ? this.resources.replace(current.get(), limit)
                    : this.resources.create(LIMITS, null, key, limit);
            if (written) {
                return response(category, requested);
            }
        }
    }

    private int provisioned(String region, ApiCategory category) {
        return this.resources
                .find(LIMITS, key(region, category))
                .map((limit) -> limit.value().value())
                .orElse(category.freeLimit());
    }

    private static String key(String region, ApiCategory category) {
        return region + "/" + category.wireName();
    }

    /** The adjustable category a limit definition names. */
    private static ApiCategory category(LimitDefinition definition) {
        String name = definition.attributes().get(CATEGORY);
        if (name == null) {
            throw Errors.invalidParameter("The attributes of an API_CATEGORY limit definition must name its Category.");
        }
        for (String attribute : definition.attributes().keySet()) {
            if (!attribute.equals(CATEGORY)) {
                throw Errors.invalidParameter(
                        "Attribute " + attribute + " is not defined for limit class API_CATEGORY.");
            }
        }
        return ApiCategory.named(name)
                .orElseThrow(() -> ErrorType.RESOURCE_NOT_FOUND.exception(
                        "No provisioned limit exists for API category " + name + "."));
    }

    private static Map<String, Object> response(ApiCategory category, int provisioned) {
        Map<String, Object> limit = new LinkedHashMap<>();
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("LimitClass", API_CATEGORY);
        definition.put("Attributes", Map.of(CATEGORY, category.wireName()));
        limit.put("LimitDefinition", definition);
        limit.put("ProvisionedLimitValue", provisioned);
        limit.put("FreeLimitValue", category.freeLimit());
        return Map.of("Limit", limit);
    }

    /**
     * A rate set for an API category in a region.
     *
     * @param region the region
     * @param category the category's name
     * @param value the rate, in requests per second
     */
    record ProvisionedLimit(String region, String category, int value) {}

    /**
     * A {@code LimitDefinitionType}.
     *
     * @param limitClass the limit class, always {@code API_CATEGORY}
     * @param attributes what identifies the limit within its class: the {@code Category}
     */
    record LimitDefinition(String limitClass, Map<String, String> attributes) {

        static LimitDefinition parse(RequestReader in, String member) {
            RequestReader definition = in.structure(member);
            if (definition == null) {
                in.missing(member);
                return new LimitDefinition("", Map.of());
            }
            String limitClass = definition.requiredString("LimitClass", StringShape.oneOf(API_CATEGORY));
            Map<String, String> attributes = definition.stringMap("Attributes");
            if (attributes == null) {
                definition.missing("Attributes");
                attributes = Map.of();
            }
            return new LimitDefinition(limitClass, attributes);
        }
    }

    /**
     * A GetProvisionedLimit request.
     *
     * @param definition the limit to read
     */
    record GetRequest(LimitDefinition definition) {

        static GetRequest parse(RequestReader in) {
            return new GetRequest(LimitDefinition.parse(in, "LimitDefinition"));
        }
    }

    /**
     * An UpdateProvisionedLimit request.
     *
     * @param definition the limit to set
     * @param requestedLimitValue the rate to provision, in requests per second
     */
    record UpdateRequest(LimitDefinition definition, int requestedLimitValue) {

        static UpdateRequest parse(RequestReader in) {
            LimitDefinition definition = LimitDefinition.parse(in, "LimitDefinition");
            return new UpdateRequest(definition, in.requiredInteger("RequestedLimitValue", IntShape.ANY));
        }
    }
}
