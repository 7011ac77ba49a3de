package io.github.cognitoemulator.core.pool;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.StringShape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * TagResource, UntagResource and ListTagsForResource on user pool ARNs. A pool's tags are its {@code UserPoolTags},
 * so DescribeUserPool shows what these actions change, and tagging does not count as modifying the pool.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_TagResource.html">TagResource</a>
 */
public final class TagActions implements ActionFamily {

    /** How many tags a pool may carry. */
    static final int MAX_TAGS = 50;

    private static final StringShape ARN = StringShape.length(20, 2048);

    private final PoolStore pools;

    /** @param pools where pools are kept */
    public TagActions(PoolStore pools) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("TagResource", TagRequest::parse, this::tagResource);
        registry.add("UntagResource", UntagRequest::parse, this::untagResource);
        registry.add("ListTagsForResource", ListTagsRequest::parse, this::listTagsForResource);
    }

    @Nullable
    Object tagResource(TagRequest request, RequestContext context) {
        while (true) {
            UserPool current = pool(request.resourceArn(), context);
            Map<String, String> tags = new LinkedHashMap<>(current.tags());
            tags.putAll(request.tags());
            if (tags.size() > MAX_TAGS) {
                throw Errors.invalidParameter("A user pool can have at most " + MAX_TAGS + " tags.");
            }
            if (this.pools.replace(current, withTags(current, tags))) {
                return null;
            }
        }
    }

    @Nullable
    Object untagResource(UntagRequest request, RequestContext context) {
        while (true) {
            UserPool current = pool(request.resourceArn(), context);
            Map<String, String> tags = new LinkedHashMap<>(current.tags());
            tags.keySet().removeAll(request.tagKeys());
            if (this.pools.replace(current, withTags(current, tags))) {
                return null;
            }
        }
    }

    Map<String, Object> listTagsForResource(ListTagsRequest request, RequestContext context) {
        return Map.of("Tags", new TreeMap<>(pool(request.resourceArn(), context).tags()));
    }

    /**
     * The pool {@code arn} names: it must be a pool of this account in the region the call was made to, as Cognito
     * finds no resource otherwise.
     */
    private UserPool pool(String arn, RequestContext context) {
        int slash = arn.lastIndexOf("userpool/");
        String userPoolId = (slash >= 0) ? arn.substring(slash + "userpool/".length()) : "";
        return this.pools
                .findInRegion(userPoolId, context.region())
                .filter((pool) -> pool.arn().equals(arn))
                .orElseThrow(() -> ErrorType.RESOURCE_NOT_FOUND.exception("Resource " + arn + " does not exist."));
    }

    private static UserPool withTags(UserPool pool, Map<String, String> tags) {
        Map<String, Object> settings = new LinkedHashMap<>(pool.settings());
        settings.put(UserPoolSettings.USER_POOL_TAGS, Map.copyOf(tags));
        return new UserPool(
                pool.id(),
                pool.name(),
                pool.arn(),
                pool.creationDate(),
                pool.lastModifiedDate(),
                pool.passwordPolicy(),
                pool.schema(),
                pool.autoVerifiedAttributes(),
                pool.aliasAttributes(),
                pool.usernameAttributes(),
                pool.usernameCaseSensitive(),
                pool.mfaConfiguration(),
                pool.deletionProtection(),
                pool.mfaSettings(),
                settings);
    }

    /**
     * A TagResource request.
     *
     * @param resourceArn the pool ARN
     * @param tags the tags to add or overwrite
     */
    record TagRequest(String resourceArn, Map<String, String> tags) {

        static TagRequest parse(RequestReader in) {
            String arn = in.requiredString("ResourceArn", ARN);
            Map<String, String> tags = in.stringMap("Tags");
            if (tags == null) {
                in.missing("Tags");
            }
            return new TagRequest(arn, (tags != null) ? tags : Map.of());
        }
    }

    /**
     * An UntagResource request.
     *
     * @param resourceArn the pool ARN
     * @param tagKeys the keys of the tags to remove
     */
    record UntagRequest(String resourceArn, List<String> tagKeys) {

        static UntagRequest parse(RequestReader in) {
            String arn = in.requiredString("ResourceArn", ARN);
            List<String> keys = in.stringList("TagKeys", StringShape.length(1, 128));
            if (keys == null) {
                in.missing("TagKeys");
            }
            return new UntagRequest(arn, (keys != null) ? keys : List.of());
        }
    }

    /**
     * A ListTagsForResource request.
     *
     * @param resourceArn the pool ARN
     */
    record ListTagsRequest(String resourceArn) {

        static ListTagsRequest parse(RequestReader in) {
            return new ListTagsRequest(in.requiredString("ResourceArn", ARN));
        }
    }
}
