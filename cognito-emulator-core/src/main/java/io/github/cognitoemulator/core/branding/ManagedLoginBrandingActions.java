package io.github.cognitoemulator.core.branding;

import io.github.cognitoemulator.core.client.ClientStore;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.support.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * CreateManagedLoginBranding, DescribeManagedLoginBranding, DescribeManagedLoginBrandingByClient,
 * UpdateManagedLoginBranding and DeleteManagedLoginBranding. An app client has at most one style; the emulator keeps
 * a style's settings and assets as given and does not render them.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateManagedLoginBranding.html">CreateManagedLoginBranding</a>
 */
public final class ManagedLoginBrandingActions implements ActionFamily {

    /** Branding styles, keyed by {@code <pool id>/<branding id>}. */
    public static final ResourceKind<ManagedLoginBranding> STYLES =
            ResourceKind.of("managed-login-branding", ManagedLoginBranding.class);

    /** Each app client's style, keyed by client id. */
    public static final ResourceKind<ClientBranding> CLIENT_STYLES =
            ResourceKind.of("managed-login-branding-client", ClientBranding.class);

    static final String DEFAULTS_AND_SETTINGS =
            "Settings and Assets cannot be provided when UseCognitoProvidedValues is true.";

    private final PoolStore pools;

    private final ClientStore clients;

    private final ResourceStore resources;

    private final Clock clock;

    private final Ids ids;

    /**
     * @param pools where pools are kept
     * @param clients where app clients are kept
     * @param resources where styles are kept
     * @param clock the source of creation and modification times
     * @param ids the source of style ids
     */
    public ManagedLoginBrandingActions(
            PoolStore pools, ClientStore clients, ResourceStore resources, Clock clock, Ids ids) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.clients = Objects.requireNonNull(clients, "'clients' must not be null");
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("CreateManagedLoginBranding", StyleRequest::parseCreate, this::create);
        registry.add("DescribeManagedLoginBranding", DescribeRequest::parse, this::describe);
        registry.add("DescribeManagedLoginBrandingByClient", DescribeByClientRequest::parse, this::describeByClient);
        registry.add("UpdateManagedLoginBranding", StyleRequest::parseUpdate, this::update);
        registry.add("DeleteManagedLoginBranding", DescribeRequest::parse, this::delete);
    }

    Map<String, Object> create(StyleRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        String clientId = Objects.requireNonNull(request.clientId());
        this.clients
                .find(clientId)
                .filter((client) -> client.userPoolId().equals(pool.id()))
                .orElseThrow(() -> Errors.clientNotFound(clientId));
        boolean defaults = checkDefaults(request);
        Instant now = this.clock.instant();
        var style = new ManagedLoginBranding(
                this.ids.uuid(),
                pool.id(),
                clientId,
                defaults,
                defaults ? null : request.settings(),
                (defaults || request.assets() == null) ? List.of() : request.assets(),
                now,
                now);
        boolean created = this.resources.write(List.of(
                new ResourceChange.Create<>(
                        STYLES, pool.id(), styleKey(pool.id(), style.managedLoginBrandingId()), style),
                new ResourceChange.Create<>(
                        CLIENT_STYLES, pool.id(), clientId, new ClientBranding(style.managedLoginBrandingId()))));
        if (!created) {
            this.pools.require(pool.id(), context.region());
            throw ErrorType.MANAGED_LOGIN_BRANDING_EXISTS.exception(
                    "Managed login branding already exists for client " + clientId + ".");
        }
        return Map.of("ManagedLoginBranding", brandingType(style));
    }

    Map<String, Object> describe(DescribeRequest request, RequestContext context) {
        this.pools.require(request.userPoolId(), context.region());
        return Map.of(
                "ManagedLoginBranding",
                brandingType(requireStyle(request.userPoolId(), request.managedLoginBrandingId())
                        .value()));
    }

    Map<String, Object> describeByClient(DescribeByClientRequest request, RequestContext context) {
        this.pools.require(request.userPoolId(), context.region());
        String brandingId = this.resources
                .find(CLIENT_STYLES, request.clientId())
                .filter((claim) -> claim.userPoolId().equals(request.userPoolId()))
                .map((claim) -> claim.value().managedLoginBrandingId())
                .orElseThrow(() -> ErrorType.RESOURCE_NOT_FOUND.exception(
                        "Managed login branding for client " + request.clientId() + " does not exist."));
        return Map.of(
                "ManagedLoginBranding",
                brandingType(requireStyle(request.userPoolId(), brandingId).value()));
    }

    Map<String, Object> update(StyleRequest request, RequestContext context) {
        String userPoolId = request.userPoolId();
        String brandingId = Objects.requireNonNull(request.managedLoginBrandingId());
        this.pools.require(userPoolId, context.region());
        boolean defaults = checkDefaults(request);
        while (true) {
            Resource<ManagedLoginBranding> current = requireStyle(userPoolId, brandingId);
            ManagedLoginBranding style = current.value();
            boolean keepDefaults = !defaults && style.useCognitoProvidedValues() && request.settings() == null;
            var updated = new ManagedLoginBranding(
                    style.managedLoginBrandingId(),
                    style.userPoolId(),
                    style.clientId(),
                    defaults || keepDefaults,
                    defaults ? null : (request.settings() != null) ? request.settings() : style.settings(),
                    defaults ? List.of() : (request.assets() != null) ? request.assets() : style.assets(),
                    style.creationDate(),
                    this.clock.instant());
            if (this.resources.replace(current, updated)) {
                return Map.of("ManagedLoginBranding", brandingType(updated));
            }
        }
    }

    @Nullable
    Object delete(DescribeRequest request, RequestContext context) {
        this.pools.require(request.userPoolId(), context.region());
        while (true) {
            Resource<ManagedLoginBranding> current =
                    requireStyle(request.userPoolId(), request.managedLoginBrandingId());
            if (this.resources.write(List.of(
                    new ResourceChange.Delete(current),
                    new ResourceChange.DeleteIfPresent(
                            CLIENT_STYLES, current.value().clientId())))) {
                return null;
            }
        }
    }

    /** Whether the request asks for Cognito's defaults, which leave no room for settings or assets of its own. */
    private static boolean checkDefaults(StyleRequest request) {
        boolean defaults = Boolean.TRUE.equals(request.useCognitoProvidedValues());
        if (defaults && (request.settings() != null || request.assets() != null)) {
            throw Errors.invalidParameter(DEFAULTS_AND_SETTINGS);
        }
        return defaults;
    }

    private Resource<ManagedLoginBranding> requireStyle(String userPoolId, String brandingId) {
        return this.resources
                .find(STYLES, styleKey(userPoolId, brandingId))
                .orElseThrow(() -> ErrorType.RESOURCE_NOT_FOUND.exception(
                        "Managed login branding " + brandingId + " does not exist."));
    }

    /** The changes that remove a deleted app client's branding style. */
    public static List<ResourceChange> forgetClient(ResourceStore resources, String userPoolId, String clientId) {
        List<ResourceChange> changes = new ArrayList<>();
        resources.find(CLIENT_STYLES, clientId).ifPresent((style) -> {
            changes.add(new ResourceChange.DeleteIfPresent(CLIENT_STYLES, clientId));
            changes.add(new ResourceChange.DeleteIfPresent(
                    STYLES, styleKey(userPoolId, style.value().managedLoginBrandingId())));
        });
        return changes;
    }

    static String styleKey(String userPoolId, String brandingId) {
        return userPoolId + "/" + brandingId;
    }

    /** {@code ManagedLoginBrandingType}: {@code Settings} only when the style has its own. */
    static Map<String, Object> brandingType(ManagedLoginBranding style) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("ManagedLoginBrandingId", style.managedLoginBrandingId());
        shape.put("UserPoolId", style.userPoolId());
        shape.put("UseCognitoProvidedValues", style.useCognitoProvidedValues());
        if (style.settings() != null) {
            shape.put("Settings", style.settings());
        }
        List<Map<String, Object>> assets = new ArrayList<>();
        for (ManagedLoginBranding.Asset asset : style.assets()) {
            Map<String, Object> assetShape = new LinkedHashMap<>();
            assetShape.put("Category", asset.category());
            assetShape.put("ColorMode", asset.colorMode());
            assetShape.put("Extension", asset.extension());
            if (asset.bytes() != null) {
                assetShape.put("Bytes", asset.bytes());
            }
            if (asset.resourceId() != null) {
                assetShape.put("ResourceId", asset.resourceId());
            }
            assets.add(assetShape);
        }
        shape.put("Assets", assets);
        shape.put("CreationDate", style.creationDate());
        shape.put("LastModifiedDate", style.lastModifiedDate());
        return shape;
    }

    /**
     * A CreateManagedLoginBranding or UpdateManagedLoginBranding request.
     *
     * @param userPoolId the pool
     * @param clientId the app client, for a new style
     * @param managedLoginBrandingId the style, for an update
     * @param useCognitoProvidedValues whether to use Cognito's defaults
     * @param settings the settings document, or {@code null}
     * @param assets the images, or {@code null}
     */
    record StyleRequest(
            String userPoolId,
            @Nullable String clientId,
            @Nullable String managedLoginBrandingId,
            @Nullable Boolean useCognitoProvidedValues,
            @Nullable Map<String, Object> settings,
            @Nullable List<ManagedLoginBranding.Asset> assets) {

        static StyleRequest parseCreate(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            return parse(in, userPoolId, in.requiredString("ClientId", Shapes.CLIENT_ID), null);
        }

        /** The model leaves both ids of an update optional, but there is nothing to update without them. */
        static StyleRequest parseUpdate(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            return parse(in, userPoolId, null, in.requiredString("ManagedLoginBrandingId", StringShape.ANY));
        }

        private static StyleRequest parse(
                RequestReader in, String userPoolId, @Nullable String clientId, @Nullable String brandingId) {
            Boolean defaults = in.bool("UseCognitoProvidedValues");
            Map<String, Object> settings = in.document("Settings");
            List<RequestReader> assetReaders = in.structureList("Assets", 0, 40);
            List<ManagedLoginBranding.Asset> assets = null;
            if (assetReaders != null) {
                assets = new ArrayList<>();
                for (RequestReader asset : assetReaders) {
                    assets.add(new ManagedLoginBranding.Asset(
                            asset.requiredString("Category", StringShape.ANY),
                            asset.requiredString("ColorMode", StringShape.ANY),
                            asset.requiredString("Extension", StringShape.ANY),
                            asset.string("Bytes", StringShape.ANY),
                            asset.string("ResourceId", StringShape.ANY)));
                }
            }
            return new StyleRequest(userPoolId, clientId, brandingId, defaults, settings, assets);
        }
    }

    /**
     * A request naming a style of a pool.
     *
     * @param userPoolId the pool
     * @param managedLoginBrandingId the style
     */
    record DescribeRequest(String userPoolId, String managedLoginBrandingId) {

        static DescribeRequest parse(RequestReader in) {
            in.bool("ReturnMergedResources");
            return new DescribeRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("ManagedLoginBrandingId", StringShape.ANY));
        }
    }

    /**
     * A DescribeManagedLoginBrandingByClient request.
     *
     * @param userPoolId the pool
     * @param clientId the app client
     */
    record DescribeByClientRequest(String userPoolId, String clientId) {

        static DescribeByClientRequest parse(RequestReader in) {
            in.bool("ReturnMergedResources");
            return new DescribeByClientRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("ClientId", Shapes.CLIENT_ID));
        }
    }
}
