package io.github.cognitoemulator.core.terms;

import io.github.cognitoemulator.core.client.ClientStore;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.IntShape;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.support.PageTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * CreateTerms, DescribeTerms, UpdateTerms, DeleteTerms and ListTerms. A name ({@code terms-of-use},
 * {@code privacy-policy}) is held by at most one document of an app client, so a client has at most two.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateTerms.html">CreateTerms</a>
 */
public final class TermsActions implements ActionFamily {

    /** Terms documents, keyed by {@code <pool id>/<terms id>}. */
    public static final ResourceKind<Terms> TERMS = ResourceKind.of("terms", Terms.class);

    /** Names taken by documents, keyed by {@code <pool id>/<client id>/<terms name>}. */
    public static final ResourceKind<TermsName> NAMES = ResourceKind.of("terms-name", TermsName.class);

    private final PoolStore pools;

    private final ClientStore clients;

    private final ResourceStore resources;

    private final Clock clock;

    private final Ids ids;

    /**
     * @param pools where pools are kept
     * @param clients where app clients are kept
     * @param resources where terms documents are kept
     * @param clock the source of creation and modification times
     * @param ids the source of terms ids
     */
    public TermsActions(PoolStore pools, ClientStore clients, ResourceStore resources, Clock clock, Ids ids) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.clients = Objects.requireNonNull(clients, "'clients' must not be null");
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("CreateTerms", CreateTermsRequest::parse, this::createTerms);
        registry.add("DescribeTerms", TermsIdRequest::parse, this::describeTerms);
        registry.add("UpdateTerms", UpdateTermsRequest::parse, this::updateTerms);
        registry.add("DeleteTerms", TermsIdRequest::parse, this::deleteTerms);
        registry.add("ListTerms", ListTermsRequest::parse, this::listTerms);
    }

    Map<String, Object> createTerms(CreateTermsRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        this.clients
                .find(request.clientId())
                .filter((client) -> client.userPoolId().equals(pool.id()))
                .orElseThrow(() -> Errors.clientNotFound(request.clientId()));
        Instant now = this.clock.instant();
        var terms = new Terms(
                this.ids.uuid(),
                pool.id(),
                request.clientId(),
                request.termsName(),
                request.termsSource(),
                request.enforcement(),
                (request.links() != null) ? request.links() : Map.of(),
                now,
                now);
        boolean created = this.resources.write(List.of(
                new ResourceChange.Create<>(TERMS, pool.id(), termsKey(pool.id(), terms.termsId()), terms),
                new ResourceChange.Create<>(NAMES, pool.id(), nameKey(terms), new TermsName(terms.termsId()))));
        if (!created) {
            this.pools.require(pool.id(), context.region());
            throw termsExists(terms.termsName());
        }
        return Map.of("Terms", termsType(terms));
    }

    Map<String, Object> describeTerms(TermsIdRequest request, RequestContext context) {
        this.pools.require(request.userPoolId(), context.region());
        return Map.of(
                "Terms",
                termsType(requireTerms(request.userPoolId(), request.termsId()).value()));
    }

    Map<String, Object> updateTerms(UpdateTermsRequest request, RequestContext context) {
        this.pools.require(request.userPoolId(), context.region());
        while (true) {
            Resource<Terms> current = requireTerms(request.userPoolId(), request.termsId());
            Terms terms = current.value();
            var updated = new Terms(
                    terms.termsId(),
                    terms.userPoolId(),
                    terms.clientId(),
                    orElse(request.termsName(), terms.termsName()),
                    orElse(request.termsSource(), terms.termsSource()),
                    orElse(request.enforcement(), terms.enforcement()),
                    (request.links() != null) ? request.links() : terms.links(),
                    terms.creationDate(),
                    this.clock.instant());
            List<ResourceChange> changes = new ArrayList<>();
            changes.add(new ResourceChange.Replace<>(current, updated));
            boolean renamed = !updated.termsName().equals(terms.termsName());
            if (renamed) {
                changes.add(new ResourceChange.DeleteIfPresent(NAMES, nameKey(terms)));
                changes.add(new ResourceChange.Create<>(
                        NAMES, terms.userPoolId(), nameKey(updated), new TermsName(terms.termsId())));
            }
            if (this.resources.write(changes)) {
                return Map.of("Terms", termsType(updated));
            }
            if (renamed && this.resources.find(NAMES, nameKey(updated)).isPresent()) {
                throw termsExists(updated.termsName());
            }
        }
    }

    @Nullable
    Object deleteTerms(TermsIdRequest request, RequestContext context) {
        this.pools.require(request.userPoolId(), context.region());
        while (true) {
            Resource<Terms> current = requireTerms(request.userPoolId(), request.termsId());
            if (this.resources.write(List.of(
                    new ResourceChange.Delete(current),
                    new ResourceChange.DeleteIfPresent(NAMES, nameKey(current.value()))))) {
                return null;
            }
        }
    }

    Map<String, Object> listTerms(ListTermsRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        List<Terms> all = this.resources.list(TERMS, pool.id()).stream()
                .map(Resource::value)
                .toList();
        int size = (request.maxResults() != null) ? request.maxResults() : 60;
        PageTokens.Page<Terms> page = PageTokens.page(all, Terms::termsId, request.nextToken(), size);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put(
                "Terms",
                page.items().stream().map(TermsActions::termsDescription).toList());
        if (page.nextToken() != null) {
            response.put("NextToken", page.nextToken());
        }
        return response;
    }

    private Resource<Terms> requireTerms(String userPoolId, String termsId) {
        return this.resources
                .find(TERMS, termsKey(userPoolId, termsId))
                .orElseThrow(() -> ErrorType.RESOURCE_NOT_FOUND.exception("Terms " + termsId + " does not exist."));
    }

    private static RuntimeException termsExists(String termsName) {
        return ErrorType.TERMS_EXISTS.exception("Terms with name " + termsName + " already exist for this app client.");
    }

    private static String orElse(@Nullable String value, String otherwise) {
        return (value != null) ? value : otherwise;
    }

    /** The changes that remove a deleted app client's terms documents. */
    public static List<ResourceChange> forgetClient(ResourceStore resources, String userPoolId, String clientId) {
        List<ResourceChange> changes = new ArrayList<>();
        for (Resource<TermsName> name : resources.list(NAMES, userPoolId, userPoolId + "/" + clientId + "/")) {
            changes.add(new ResourceChange.DeleteIfPresent(NAMES, name.key()));
            changes.add(new ResourceChange.DeleteIfPresent(
                    TERMS, termsKey(userPoolId, name.value().termsId())));
        }
        return changes;
    }

    static String termsKey(String userPoolId, String termsId) {
        return userPoolId + "/" + termsId;
    }

    static String nameKey(Terms terms) {
        return terms.userPoolId() + "/" + terms.clientId() + "/" + terms.termsName();
    }

    static Map<String, Object> termsType(Terms terms) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("TermsId", terms.termsId());
        shape.put("UserPoolId", terms.userPoolId());
        shape.put("ClientId", terms.clientId());
        shape.put("TermsName", terms.termsName());
        shape.put("TermsSource", terms.termsSource());
        shape.put("Enforcement", terms.enforcement());
        shape.put("Links", terms.links());
        shape.put("CreationDate", terms.creationDate());
        shape.put("LastModifiedDate", terms.lastModifiedDate());
        return shape;
    }

    static Map<String, Object> termsDescription(Terms terms) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("TermsId", terms.termsId());
        shape.put("TermsName", terms.termsName());
        shape.put("Enforcement", terms.enforcement());
        shape.put("CreationDate", terms.creationDate());
        shape.put("LastModifiedDate", terms.lastModifiedDate());
        return shape;
    }

    /**
     * A CreateTerms request.
     *
     * @param userPoolId the pool
     * @param clientId the app client
     * @param termsName {@code terms-of-use} or {@code privacy-policy}
     * @param termsSource {@code LINK}
     * @param enforcement {@code NONE}
     * @param links the URL for each language, or {@code null}
     */
    record CreateTermsRequest(
            String userPoolId,
            String clientId,
            String termsName,
            String termsSource,
            String enforcement,
            @Nullable Map<String, String> links) {

        static CreateTermsRequest parse(RequestReader in) {
            return new CreateTermsRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("ClientId", Shapes.CLIENT_ID),
                    in.requiredString("TermsName", StringShape.ANY),
                    in.requiredString("TermsSource", StringShape.ANY),
                    in.requiredString("Enforcement", StringShape.ANY),
                    in.stringMap("Links"));
        }
    }

    /**
     * An UpdateTerms request: what it leaves out stays as it is.
     *
     * @param termsId the document
     * @param userPoolId the pool
     * @param termsName the new name, or {@code null}
     * @param termsSource the new source, or {@code null}
     * @param enforcement the new enforcement, or {@code null}
     * @param links the new links, or {@code null}
     */
    record UpdateTermsRequest(
            String termsId,
            String userPoolId,
            @Nullable String termsName,
            @Nullable String termsSource,
            @Nullable String enforcement,
            @Nullable Map<String, String> links) {

        static UpdateTermsRequest parse(RequestReader in) {
            return new UpdateTermsRequest(
                    in.requiredString("TermsId", StringShape.ANY),
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.string("TermsName", StringShape.ANY),
                    in.string("TermsSource", StringShape.ANY),
                    in.string("Enforcement", StringShape.ANY),
                    in.stringMap("Links"));
        }
    }

    /**
     * A request naming a terms document of a pool.
     *
     * @param termsId the document
     * @param userPoolId the pool
     */
    record TermsIdRequest(String termsId, String userPoolId) {

        static TermsIdRequest parse(RequestReader in) {
            return new TermsIdRequest(
                    in.requiredString("TermsId", StringShape.ANY),
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID));
        }
    }

    /**
     * A ListTerms request.
     *
     * @param userPoolId the pool
     * @param maxResults the page size, 1 to 60, or {@code null} for 60
     * @param nextToken the token of the page to return
     */
    record ListTermsRequest(
            String userPoolId,
            @Nullable Integer maxResults,
            @Nullable String nextToken) {

        static ListTermsRequest parse(RequestReader in) {
            return new ListTermsRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.integer("MaxResults", IntShape.range(1, 60)),
                    in.string("NextToken", StringShape.ANY));
        }
    }
}
