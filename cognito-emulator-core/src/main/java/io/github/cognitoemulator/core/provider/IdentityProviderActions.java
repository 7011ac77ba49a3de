package io.github.cognitoemulator.core.provider;

import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.IntShape;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.support.PageTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * CreateIdentityProvider, DescribeIdentityProvider, UpdateIdentityProvider, DeleteIdentityProvider,
 * ListIdentityProviders and GetIdentityProviderByIdentifier. Signing in through an OIDC provider is
 * {@link io.github.cognitoemulator.core.federation.OidcFederation}'s.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateIdentityProvider.html">CreateIdentityProvider</a>
 */
public final class IdentityProviderActions implements ActionFamily {

    /** Cognito's quota of identity providers per pool. */
    static final int MAX_PROVIDERS = 300;

    static final StringShape PROVIDER_NAME =
            StringShape.length(1, 32).pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\p{Z}]+");

    private static final StringShape NEW_PROVIDER_NAME =
            StringShape.length(1, 32).pattern("[^_\\p{Z}][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_\\p{Z}]+");

    private static final StringShape PROVIDER_TYPE =
            StringShape.oneOf("SAML", "Facebook", "Google", "LoginWithAmazon", "SignInWithApple", "OIDC");

    private static final StringShape IDP_IDENTIFIER = StringShape.length(1, 40).pattern("[\\w\\s+=.@-]+");

    private final PoolStore pools;

    private final ResourceStore resources;

    private final Clock clock;

    public IdentityProviderActions(PoolStore pools, ResourceStore resources, Clock clock) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("CreateIdentityProvider", CreateIdentityProviderRequest::parse, this::createIdentityProvider);
        registry.add("DescribeIdentityProvider", ProviderNameRequest::parse, this::describeIdentityProvider);
        registry.add("UpdateIdentityProvider", UpdateIdentityProviderRequest::parse, this::updateIdentityProvider);
        registry.add("DeleteIdentityProvider", ProviderNameRequest::parse, this::deleteIdentityProvider);
        registry.add("ListIdentityProviders", ListIdentityProvidersRequest::parse, this::listIdentityProviders);
        registry.add(
                "GetIdentityProviderByIdentifier", IdentifierRequest::parse, this::getIdentityProviderByIdentifier);
    }

    /** The provider called {@code providerName} in a pool. */
    public static Optional<IdentityProvider> find(ResourceStore resources, String userPoolId, String providerName) {
        return resources
                .find(IdentityProvider.KIND, IdentityProvider.key(userPoolId, providerName))
                .map(Resource::value);
    }

    Map<String, Object> createIdentityProvider(CreateIdentityProviderRequest request, RequestContext context) {
        requirePool(request.userPoolId(), context);
        ProviderTypes.checkName(request.providerName(), request.providerType());
        List<String> identifiers = distinct(request.idpIdentifiers());
        Instant now = this.clock.instant();
        IdentityProvider provider = new IdentityProvider(
                request.providerName(),
                request.providerType(),
                ProviderTypes.details(request.providerType(), request.providerDetails()),
                ProviderTypes.attributeMapping(request.providerType(), request.attributeMapping()),
                identifiers,
                now,
                now);
        while (true) {
            Optional<Resource<ProviderIndex>> index = this.resources.find(ProviderIndex.KIND, request.userPoolId());
            ProviderIndex current = index.map(Resource::value).orElse(ProviderIndex.EMPTY);
            if (current.identifiersByProvider().containsKey(request.providerName())) {
                throw ErrorType.DUPLICATE_PROVIDER.exception(
                        "A provider with the name " + request.providerName() + " already exists in this user pool.");
            }
            if (current.identifiersByProvider().size() >= MAX_PROVIDERS) {
                throw ErrorType.LIMIT_EXCEEDED.exception(
                        "The number of identity providers in this user pool has reached the limit of " + MAX_PROVIDERS
                                + ".");
            }
            requireFreeIdentifiers(current, request.providerName(), identifiers);
            List<ResourceChange> changes = new ArrayList<>();
            changes.add(new ResourceChange.Create<>(
                    IdentityProvider.KIND,
                    request.userPoolId(),
                    IdentityProvider.key(request.userPoolId(), request.providerName()),
                    provider));
            changes.add(indexChange(request.userPoolId(), index, current.with(request.providerName(), identifiers)));
            if (this.resources.write(changes)) {
                return Map.of("IdentityProvider", identityProviderType(request.userPoolId(), provider));
            }
            requirePoolStill(request.userPoolId());
        }
    }

    Map<String, Object> describeIdentityProvider(ProviderNameRequest request, RequestContext context) {
        requirePool(request.userPoolId(), context);
        IdentityProvider provider = find(this.resources, request.userPoolId(), request.providerName())
                .orElseThrow(() -> notFound(request.providerName()));
        return Map.of("IdentityProvider", identityProviderType(request.userPoolId(), provider));
    }

    Map<String, Object> updateIdentityProvider(UpdateIdentityProviderRequest request, RequestContext context) {
        requirePool(request.userPoolId(), context);
        String key = IdentityProvider.key(request.userPoolId(), request.providerName());
        while (true) {
            Resource<IdentityProvider> stored =
                    this.resources.find(IdentityProvider.KIND, key).orElseThrow(() -> notFound(request.providerName()));
            IdentityProvider current = stored.value();
            Map<String, String> details = (request.providerDetails() != null)
                    ? ProviderTypes.details(current.providerType(), request.providerDetails())
                    : current.providerDetails();
            Map<String, String> mapping = (request.attributeMapping() != null)
                    ? ProviderTypes.attributeMapping(current.providerType(), request.attributeMapping())
                    : current.attributeMapping();
            List<String> identifiers =
                    (request.idpIdentifiers() != null) ? distinct(request.idpIdentifiers()) : current.idpIdentifiers();
            Optional<Resource<ProviderIndex>> index = this.resources.find(ProviderIndex.KIND, request.userPoolId());
            ProviderIndex currentIndex = index.map(Resource::value).orElse(ProviderIndex.EMPTY);
            requireFreeIdentifiers(currentIndex, request.providerName(), identifiers);
            IdentityProvider updated = new IdentityProvider(
                    current.providerName(),
                    current.providerType(),
                    details,
                    mapping,
                    identifiers,
                    current.creationDate(),
                    this.clock.instant());
            List<ResourceChange> changes = List.of(
                    new ResourceChange.Replace<>(stored, updated),
                    indexChange(request.userPoolId(), index, currentIndex.with(request.providerName(), identifiers)));
            if (this.resources.write(changes)) {
                return Map.of("IdentityProvider", identityProviderType(request.userPoolId(), updated));
            }
            requirePoolStill(request.userPoolId());
        }
    }

    @Nullable
    Object deleteIdentityProvider(ProviderNameRequest request, RequestContext context) {
        requirePool(request.userPoolId(), context);
        String key = IdentityProvider.key(request.userPoolId(), request.providerName());
        while (true) {
            Resource<IdentityProvider> stored =
                    this.resources.find(IdentityProvider.KIND, key).orElseThrow(() -> notFound(request.providerName()));
            Optional<Resource<ProviderIndex>> index = this.resources.find(ProviderIndex.KIND, request.userPoolId());
            ProviderIndex currentIndex = index.map(Resource::value).orElse(ProviderIndex.EMPTY);
            List<ResourceChange> changes = List.of(
                    new ResourceChange.Delete(stored),
                    indexChange(request.userPoolId(), index, currentIndex.without(request.providerName())));
            if (this.resources.write(changes)) {
                return null;
            }
            requirePoolStill(request.userPoolId());
        }
    }

    Map<String, Object> listIdentityProviders(ListIdentityProvidersRequest request, RequestContext context) {
        requirePool(request.userPoolId(), context);
        List<IdentityProvider> providers =
                this.resources.list(IdentityProvider.KIND, request.userPoolId(), request.userPoolId() + "/").stream()
                        .map(Resource::value)
                        .toList();
        PageTokens.Page<IdentityProvider> page =
                PageTokens.page(providers, IdentityProvider::providerName, request.nextToken(), request.maxResults());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put(
                "Providers",
                page.items().stream()
                        .map((provider) -> Map.of(
                                "ProviderName", provider.providerName(),
                                "ProviderType", provider.providerType(),
                                "LastModifiedDate", provider.lastModifiedDate(),
                                "CreationDate", provider.creationDate()))
                        .toList());
        if (page.nextToken() != null) {
            response.put("NextToken", page.nextToken());
        }
        return response;
    }

    Map<String, Object> getIdentityProviderByIdentifier(IdentifierRequest request, RequestContext context) {
        requirePool(request.userPoolId(), context);
        String providerName = this.resources
                .find(ProviderIndex.KIND, request.userPoolId())
                .map(Resource::value)
                .flatMap((index) -> index.providerWithIdentifier(request.idpIdentifier(), ""))
                .orElseThrow(() -> ErrorType.RESOURCE_NOT_FOUND.exception(
                        "Identity provider with identifier " + request.idpIdentifier() + " does not exist."));
        IdentityProvider provider =
                find(this.resources, request.userPoolId(), providerName).orElseThrow(() -> notFound(providerName));
        return Map.of("IdentityProvider", identityProviderType(request.userPoolId(), provider));
    }

    private static List<String> distinct(List<String> identifiers) {
        Set<String> seen = new HashSet<>();
        for (String identifier : identifiers) {
            if (!seen.add(identifier)) {
                throw Errors.invalidParameter("Duplicate IdpIdentifier " + identifier + ".");
            }
        }
        return identifiers;
    }

    private static void requireFreeIdentifiers(ProviderIndex index, String providerName, List<String> identifiers) {
        for (String identifier : identifiers) {
            if (index.providerWithIdentifier(identifier, providerName).isPresent()) {
                throw Errors.invalidParameter("Duplicate IdpIdentifier " + identifier + ".");
            }
        }
    }

    private static ResourceChange indexChange(
            String userPoolId, Optional<Resource<ProviderIndex>> stored, ProviderIndex updated) {
        return stored.isPresent()
                ? new ResourceChange.Replace<>(stored.get(), updated)
                : new ResourceChange.Create<>(ProviderIndex.KIND, userPoolId, userPoolId, updated);
    }

    private void requirePool(String userPoolId, RequestContext context) {
        if (this.pools.findInRegion(userPoolId, context.region()).isEmpty()) {
            throw Errors.userPoolNotFound(userPoolId);
        }
    }

    private void requirePoolStill(String userPoolId) {
        if (this.pools.find(userPoolId).isEmpty()) {
            throw Errors.userPoolNotFound(userPoolId);
        }
    }

    private static CognitoException notFound(String providerName) {
        return ErrorType.RESOURCE_NOT_FOUND.exception("Identity provider " + providerName + " does not exist.");
    }

    /** {@code IdentityProviderType}. */
    static Map<String, Object> identityProviderType(String userPoolId, IdentityProvider provider) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("UserPoolId", userPoolId);
        shape.put("ProviderName", provider.providerName());
        shape.put("ProviderType", provider.providerType());
        shape.put("ProviderDetails", provider.providerDetails());
        shape.put("AttributeMapping", provider.attributeMapping());
        shape.put("IdpIdentifiers", provider.idpIdentifiers());
        shape.put("LastModifiedDate", provider.lastModifiedDate());
        shape.put("CreationDate", provider.creationDate());
        return shape;
    }

    /**
     * A CreateIdentityProvider request.
     *
     * @param userPoolId the pool
     * @param providerName the provider name
     * @param providerType the provider type
     * @param providerDetails the details
     * @param attributeMapping the attribute mapping, empty when not given
     * @param idpIdentifiers the identifiers, empty when not given
     */
    record CreateIdentityProviderRequest(
            String userPoolId,
            String providerName,
            String providerType,
            Map<String, String> providerDetails,
            Map<String, String> attributeMapping,
            List<String> idpIdentifiers) {

        static CreateIdentityProviderRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            String providerName = in.requiredString("ProviderName", NEW_PROVIDER_NAME);
            String providerType = in.requiredString("ProviderType", PROVIDER_TYPE);
            Map<String, String> details = in.stringMap("ProviderDetails");
            if (details == null) {
                in.missing("ProviderDetails");
            }
            Map<String, String> mapping = in.stringMap("AttributeMapping");
            List<String> identifiers = in.stringList("IdpIdentifiers", IDP_IDENTIFIER, 0, 50);
            return new CreateIdentityProviderRequest(
                    userPoolId,
                    providerName,
                    providerType,
                    (details != null) ? details : Map.of(),
                    (mapping != null) ? mapping : Map.of(),
                    (identifiers != null) ? identifiers : List.of());
        }

        /** A description without the provider's secrets. */
        @Override
        public String toString() {
            return "CreateIdentityProviderRequest[userPoolId=" + this.userPoolId + ", providerName="
                    + this.providerName + ", providerType=" + this.providerType + ", providerDetails="
                    + this.providerDetails.keySet() + "]";
        }
    }

    /**
     * An UpdateIdentityProvider request: members left out keep their values.
     *
     * @param userPoolId the pool
     * @param providerName the provider
     * @param providerDetails the new details, or {@code null}
     * @param attributeMapping the new mapping, or {@code null}
     * @param idpIdentifiers the new identifiers, or {@code null}
     */
    record UpdateIdentityProviderRequest(
            String userPoolId,
            String providerName,
            @Nullable Map<String, String> providerDetails,
            @Nullable Map<String, String> attributeMapping,
            @Nullable List<String> idpIdentifiers) {

        static UpdateIdentityProviderRequest parse(RequestReader in) {
            return new UpdateIdentityProviderRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("ProviderName", PROVIDER_NAME),
                    in.stringMap("ProviderDetails"),
                    in.stringMap("AttributeMapping"),
                    in.stringList("IdpIdentifiers", IDP_IDENTIFIER, 0, 50));
        }

        /** A description without the provider's secrets. */
        @Override
        public String toString() {
            return "UpdateIdentityProviderRequest[userPoolId=" + this.userPoolId + ", providerName=" + this.providerName
                    + "]";
        }
    }

    /**
     * A request naming a pool and one of its providers.
     *
     * @param userPoolId the pool
     * @param providerName the provider
     */
    record ProviderNameRequest(String userPoolId, String providerName) {

        static ProviderNameRequest parse(RequestReader in) {
            return new ProviderNameRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("ProviderName", PROVIDER_NAME));
        }
    }

    /**
     * A GetIdentityProviderByIdentifier request.
     *
     * @param userPoolId the pool
     * @param idpIdentifier the identifier
     */
    record IdentifierRequest(String userPoolId, String idpIdentifier) {

        static IdentifierRequest parse(RequestReader in) {
            return new IdentifierRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("IdpIdentifier", IDP_IDENTIFIER));
        }
    }

    /**
     * A ListIdentityProviders request.
     *
     * @param userPoolId the pool
     * @param maxResults the page size, default 60
     * @param nextToken the token of the page to return
     */
    record ListIdentityProvidersRequest(
            String userPoolId, int maxResults, @Nullable String nextToken) {

        static ListIdentityProvidersRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            Integer maxResults = in.integer("MaxResults", IntShape.range(0, 60));
            String nextToken = in.string("NextToken", Shapes.PAGINATION_KEY);
            return new ListIdentityProvidersRequest(
                    userPoolId, (maxResults != null && maxResults > 0) ? maxResults : 60, nextToken);
        }
    }
}
