package io.github.cognitoemulator.core.branding;

import io.github.cognitoemulator.core.client.ClientStore;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * SetUICustomization and GetUICustomization: the classic hosted UI's style sheet and logo, for the whole pool
 * ({@code ALL}) or one app client. A client without its own customization gets the pool's.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUICustomization.html">SetUICustomization</a>
 */
public final class UiCustomizationActions implements ActionFamily {

    /** Customizations, keyed by {@code <pool id>/<client id or ALL>}. */
    public static final ResourceKind<UiCustomization> CUSTOMIZATIONS =
            ResourceKind.of("ui-customization", UiCustomization.class);

    /** The client id that stands for every client of the pool. */
    static final String ALL = "ALL";

    /** The largest logo Cognito takes, in bytes. */
    static final int MAX_IMAGE_BYTES = 131_072;

    private static final DateTimeFormatter VERSION =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final PoolStore pools;

    private final ClientStore clients;

    private final ResourceStore resources;

    private final Clock clock;

    private final Ids ids;

    /**
     * @param pools where pools are kept
     * @param clients where app clients are kept
     * @param resources where customizations are kept
     * @param clock the source of modification times and versions
     * @param ids the source of the CloudFront names in image URLs
     */
    public UiCustomizationActions(PoolStore pools, ClientStore clients, ResourceStore resources, Clock clock, Ids ids) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.clients = Objects.requireNonNull(clients, "'clients' must not be null");
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    /** The changes that remove a deleted app client's UI customization. */
    public static List<ResourceChange> forgetClient(String userPoolId, String clientId) {
        return List.of(new ResourceChange.DeleteIfPresent(CUSTOMIZATIONS, userPoolId + "/" + clientId));
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("SetUICustomization", SetRequest::parse, this::setUiCustomization);
        registry.add("GetUICustomization", GetRequest::parse, this::getUiCustomization);
    }

    Map<String, Object> setUiCustomization(SetRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        String clientId = requireClient(pool, request.clientId());
        String key = pool.id() + "/" + clientId;
        while (true) {
            Optional<Resource<UiCustomization>> current = this.resources.find(CUSTOMIZATIONS, key);
            Instant now = this.clock.instant();
            String version = VERSION.format(now);
            String imageUrl = (request.image() == null)
                    ? null
                    : "https://d" + this.ids.randomString("0123456789abcdefghijklmnopqrstuvwxyz", 13)
                            + ".cloudfront.net/" + pool.id() + "/" + clientId + "/" + version
                            + "/assets/images/image.jpg";
            var customization = new UiCustomization(
                    pool.id(),
                    clientId,
                    request.css(),
                    imageUrl,
                    version,
                    current.map((resource) -> resource.value().creationDate()).orElse(now),
                    now);
            boolean written = current.isPresent()
                    ? this.resources.replace(current.get(), customization)
                    : this.resources.create(CUSTOMIZATIONS, pool.id(), key, customization);
            if (written) {
                return Map.of("UICustomization", customizationType(customization));
            }
            this.pools.require(pool.id(), context.region());
        }
    }

    Map<String, Object> getUiCustomization(GetRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        String clientId = requireClient(pool, request.clientId());
        Optional<Resource<UiCustomization>> found = this.resources.find(CUSTOMIZATIONS, pool.id() + "/" + clientId);
        if (found.isEmpty()) {
            found = this.resources.find(CUSTOMIZATIONS, pool.id() + "/" + ALL);
        }
        // Without any customization Cognito answers an empty shape.
        return Map.of(
                "UICustomization",
                found.map((resource) -> customizationType(resource.value())).orElse(Map.of()));
    }

    /** The client id the request names, which must be a client of the pool, or {@code ALL}. */
    private String requireClient(UserPool pool, @Nullable String clientId) {
        if (clientId == null || clientId.equals(ALL)) {
            return ALL;
        }
        this.clients
                .find(clientId)
                .filter((client) -> client.userPoolId().equals(pool.id()))
                .orElseThrow(() -> Errors.clientNotFound(clientId));
        return clientId;
    }

    static Map<String, Object> customizationType(UiCustomization customization) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("UserPoolId", customization.userPoolId());
        shape.put("ClientId", customization.clientId());
        if (customization.imageUrl() != null) {
            shape.put("ImageUrl", customization.imageUrl());
        }
        if (customization.css() != null) {
            shape.put("CSS", customization.css());
        }
        shape.put("CSSVersion", customization.cssVersion());
        shape.put("LastModifiedDate", customization.lastModifiedDate());
        shape.put("CreationDate", customization.creationDate());
        return shape;
    }

    /**
     * A SetUICustomization request.
     *
     * @param userPoolId the pool
     * @param clientId the app client, {@code ALL} or {@code null} for the whole pool
     * @param css the style sheet, or {@code null}
     * @param image the logo, or {@code null}
     */
    record SetRequest(
            String userPoolId,
            @Nullable String clientId,
            @Nullable String css,
            byte @Nullable [] image) {

        static SetRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            String clientId = in.string("ClientId", StringShape.ANY);
            String css = in.string("CSS", StringShape.ANY);
            String encoded = in.string("ImageFile", StringShape.ANY);
            byte[] image = null;
            if (encoded != null) {
                // The service model's blob rule has already refused anything that is not base64.
                image = Base64.getDecoder().decode(encoded);
                if (image.length > MAX_IMAGE_BYTES) {
                    in.violation(
                            "ImageFile",
                            null,
                            true,
                            "Member must have length less than or equal to " + MAX_IMAGE_BYTES);
                }
            }
            return new SetRequest(userPoolId, clientId, css, image);
        }
    }

    /**
     * A GetUICustomization request.
     *
     * @param userPoolId the pool
     * @param clientId the app client, {@code ALL} or {@code null} for the whole pool
     */
    record GetRequest(String userPoolId, @Nullable String clientId) {

        static GetRequest parse(RequestReader in) {
            return new GetRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID), in.string("ClientId", StringShape.ANY));
        }
    }
}
