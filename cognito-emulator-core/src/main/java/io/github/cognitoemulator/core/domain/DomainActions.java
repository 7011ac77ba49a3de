package io.github.cognitoemulator.core.domain;

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
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * CreateUserPoolDomain, DescribeUserPoolDomain, UpdateUserPoolDomain and DeleteUserPoolDomain.
 *
 * <p>A pool has at most one prefix domain and one custom domain. Domain names are unique within a region: the
 * domain record is keyed by region and name, and a second record keyed by the pool and the sort of domain holds the
 * pool's place, so that both rules hold atomically when two callers race for a name or for a pool.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolDomain.html">CreateUserPoolDomain</a>
 */
public final class DomainActions implements ActionFamily {

    /** Domains, keyed by {@code <region>/<domain>}. */
    public static final ResourceKind<UserPoolDomain> DOMAINS =
            ResourceKind.of("user-pool-domain", UserPoolDomain.class);

    /** Each pool's places for one prefix and one custom domain, keyed by {@code <pool id>/prefix|custom}. */
    public static final ResourceKind<DomainSlot> SLOTS = ResourceKind.of("user-pool-domain-slot", DomainSlot.class);

    /** Words Cognito keeps out of domain prefixes, checked in this order. */
    private static final List<String> RESERVED_WORDS = List.of("aws", "amazon", "cognito");

    private static final String NO_SUCH_DOMAIN = "No such domain or user pool exists.";

    private static final DateTimeFormatter VERSION =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final PoolStore pools;

    private final ResourceStore resources;

    private final Clock clock;

    private final Ids ids;

    private final String accountId;

    /**
     * @param pools where pools are kept
     * @param resources where domains are kept
     * @param clock the source of creation times
     * @param ids the source of CloudFront distribution names
     * @param accountId the account named in domain descriptions
     */
    public DomainActions(PoolStore pools, ResourceStore resources, Clock clock, Ids ids, String accountId) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
        this.accountId = Objects.requireNonNull(accountId, "'accountId' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("CreateUserPoolDomain", DomainRequest::parse, this::createUserPoolDomain);
        registry.add("DescribeUserPoolDomain", DescribeDomainRequest::parse, this::describeUserPoolDomain);
        registry.add("UpdateUserPoolDomain", DomainRequest::parse, this::updateUserPoolDomain);
        registry.add("DeleteUserPoolDomain", DomainRequest::parse, this::deleteUserPoolDomain);
    }

    /**
     * The members DescribeUserPool shows for a pool's domains: {@code Domain} for its prefix domain and
     * {@code CustomDomain} for its custom domain, each only when the pool has one.
     */
    public static Map<String, Object> poolMembers(ResourceStore resources, String userPoolId) {
        Map<String, Object> members = new LinkedHashMap<>();
        resources
                .find(SLOTS, slotKey(userPoolId, false))
                .ifPresent((slot) -> members.put("Domain", slot.value().domain()));
        resources
                .find(SLOTS, slotKey(userPoolId, true))
                .ifPresent((slot) -> members.put("CustomDomain", slot.value().domain()));
        return members;
    }

    Map<String, Object> createUserPoolDomain(DomainRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        boolean custom = request.certificateArn() != null;
        if (!custom) {
            for (String word : RESERVED_WORDS) {
                if (request.domain().contains(word)) {
                    throw Errors.invalidParameter("Domain cannot contain reserved word: " + word);
                }
            }
        }
        int version = checkedVersion(request.managedLoginVersion(), 1);
        var domain = new UserPoolDomain(
                request.domain(),
                pool.id(),
                this.accountId,
                request.certificateArn(),
                cloudFrontDomain(),
                version,
                this.clock.instant());
        String key = domainKey(context.region(), request.domain());
        boolean created = this.resources.write(List.of(
                new ResourceChange.Create<>(DOMAINS, pool.id(), key, domain),
                new ResourceChange.Create<>(
                        SLOTS, pool.id(), slotKey(pool.id(), custom), new DomainSlot(request.domain()))));
        if (!created) {
            if (this.resources.find(DOMAINS, key).isPresent()) {
                throw Errors.invalidParameter("Domain already associated with another user pool.");
            }
            if (this.resources.find(SLOTS, slotKey(pool.id(), custom)).isPresent()) {
                throw Errors.invalidParameter("User pool already has a domain configured.");
            }
            throw Errors.userPoolNotFound(pool.id());
        }
        return versionResponse(domain);
    }

    Map<String, Object> describeUserPoolDomain(DescribeDomainRequest request, RequestContext context) {
        Optional<Resource<UserPoolDomain>> found =
                this.resources.find(DOMAINS, domainKey(context.region(), request.domain()));
        // Cognito answers an unknown domain with an empty description rather than an error.
        return Map.of(
                "DomainDescription",
                found.map((resource) -> description(resource.value(), context)).orElse(Map.of()));
    }

    Map<String, Object> updateUserPoolDomain(DomainRequest request, RequestContext context) {
        this.pools.require(request.userPoolId(), context.region());
        while (true) {
            Resource<UserPoolDomain> current = requireDomain(request, context);
            UserPoolDomain domain = current.value();
            if (request.certificateArn() != null && !domain.customDomain()) {
                throw Errors.invalidParameter("CustomDomainConfig can only be set for a custom domain.");
            }
            var updated = new UserPoolDomain(
                    domain.domain(),
                    domain.userPoolId(),
                    domain.accountId(),
                    (request.certificateArn() != null) ? request.certificateArn() : domain.certificateArn(),
                    domain.cloudFrontDomain(),
                    checkedVersion(request.managedLoginVersion(), domain.managedLoginVersion()),
                    domain.created());
            if (updated.equals(domain) || this.resources.replace(current, updated)) {
                return versionResponse(updated);
            }
        }
    }

    @Nullable
    Object deleteUserPoolDomain(DomainRequest request, RequestContext context) {
        this.pools.require(request.userPoolId(), context.region());
        while (true) {
            Resource<UserPoolDomain> current = requireDomain(request, context);
            boolean deleted = this.resources.write(List.of(
                    new ResourceChange.Delete(current),
                    new ResourceChange.DeleteIfPresent(
                            SLOTS, slotKey(current.userPoolId(), current.value().customDomain()))));
            if (deleted) {
                return null;
            }
        }
    }

    /** The domain the request names, which must belong to the pool it names. */
    private Resource<UserPoolDomain> requireDomain(DomainRequest request, RequestContext context) {
        return this.resources
                .find(DOMAINS, domainKey(context.region(), request.domain()))
                .filter((resource) -> resource.userPoolId().equals(request.userPoolId()))
                .orElseThrow(() -> Errors.invalidParameter(NO_SUCH_DOMAIN));
    }

    private static int checkedVersion(@Nullable Integer requested, int otherwise) {
        if (requested == null) {
            return otherwise;
        }
        if (requested != 1 && requested != 2) {
            throw ErrorType.INVALID_PARAMETER.exception("ManagedLoginVersion must be 1 or 2.");
        }
        return requested;
    }

    private Map<String, Object> description(UserPoolDomain domain, RequestContext context) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("UserPoolId", domain.userPoolId());
        shape.put("AWSAccountId", domain.accountId());
        shape.put("Domain", domain.domain());
        shape.put("S3Bucket", "aws-cognito-prod-" + context.region() + "-assets");
        shape.put("CloudFrontDistribution", domain.cloudFrontDomain());
        shape.put("Version", VERSION.format(domain.created()));
        shape.put("Status", "ACTIVE");
        if (domain.customDomain()) {
            shape.put("CustomDomainConfig", Map.of("CertificateArn", domain.certificateArn()));
        }
        shape.put("ManagedLoginVersion", domain.managedLoginVersion());
        return shape;
    }

    private static Map<String, Object> versionResponse(UserPoolDomain domain) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("ManagedLoginVersion", domain.managedLoginVersion());
        if (domain.customDomain()) {
            response.put("CloudFrontDomain", domain.cloudFrontDomain());
        }
        return response;
    }

    /** A CloudFront distribution domain name: {@code d}, thirteen lowercase alphanumerics, {@code .cloudfront.net}. */
    private String cloudFrontDomain() {
        return "d" + this.ids.randomString("0123456789abcdefghijklmnopqrstuvwxyz", 13) + ".cloudfront.net";
    }

    /** The pool a domain of {@code region} serves, or empty when no pool has that domain. */
    public static Optional<String> poolOfDomain(ResourceStore resources, String region, String domain) {
        return resources
                .find(DOMAINS, domainKey(region, domain))
                .map((found) -> found.value().userPoolId());
    }

    static String domainKey(String region, String domain) {
        return region + "/" + domain;
    }

    static String slotKey(String userPoolId, boolean custom) {
        return userPoolId + (custom ? "/custom" : "/prefix");
    }

    /**
     * A request naming a domain and its pool, with the settings CreateUserPoolDomain and UpdateUserPoolDomain take.
     *
     * @param domain the prefix or custom domain name
     * @param userPoolId the pool
     * @param managedLoginVersion 1 or 2, or {@code null} when not given
     * @param certificateArn the certificate of a custom domain, or {@code null}
     */
    /** The published pattern of {@code DomainType}: a prefix, one DNS label. */
    static final Pattern PREFIX = Pattern.compile("^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$");

    /** Whether a pool of {@code region} serves managed login (version 2) through one of its domains. */
    public static boolean managedLoginIn(PoolStore pools, ResourceStore resources, String region) {
        return pools.list().stream()
                .filter((pool) -> pool.region().equals(region))
                .anyMatch((pool) -> resources.list(DOMAINS, pool.id()).stream()
                        .anyMatch((domain) -> domain.value().managedLoginVersion() == 2));
    }

    record DomainRequest(
            String domain,
            String userPoolId,
            @Nullable Integer managedLoginVersion,
            @Nullable String certificateArn) {

        static DomainRequest parse(RequestReader in) {
            String domain = in.requiredString("Domain", StringShape.ANY);
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            Integer version = in.integer("ManagedLoginVersion", IntShape.ANY);
            String certificateArn = null;
            RequestReader config = in.structure("CustomDomainConfig");
            if (config != null) {
                certificateArn = config.requiredString("CertificateArn", StringShape.ANY);
            } else if (!PREFIX.matcher(domain).matches()) {
                // The model's pattern, which the service checks only for prefixes: a custom domain has dots.
                in.violation(
                        "Domain", domain, false, "Member must satisfy regular expression pattern: " + PREFIX.pattern());
            }
            return new DomainRequest(domain, userPoolId, version, certificateArn);
        }
    }

    /**
     * A DescribeUserPoolDomain request.
     *
     * @param domain the prefix or custom domain name
     */
    record DescribeDomainRequest(String domain) {

        static DescribeDomainRequest parse(RequestReader in) {
            return new DescribeDomainRequest(in.requiredString("Domain", StringShape.ANY));
        }
    }
}
