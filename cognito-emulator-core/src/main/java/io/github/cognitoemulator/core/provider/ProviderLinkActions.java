package io.github.cognitoemulator.core.provider;

import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.SchemaAttribute;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * AdminLinkProviderForUser and AdminDisableProviderForUser: external identities linked to pool users, shown in their
 * {@code identities} attribute. Signing in through a linked OIDC identity signs the destination user in (see
 * {@link io.github.cognitoemulator.core.federation.OidcFederation}).
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminLinkProviderForUser.html">AdminLinkProviderForUser</a>
 */
public final class ProviderLinkActions implements ActionFamily {

    /** Cognito's limit of identities linked to one user. */
    static final int MAX_LINKED_IDENTITIES = 5;

    /** The attribute name that stands for the provider's own subject. */
    public static final String COGNITO_SUBJECT = "Cognito_Subject";

    private static final String COGNITO = "Cognito";

    private final PoolStore pools;

    private final UserDirectory users;

    private final ResourceStore resources;

    private final Clock clock;

    public ProviderLinkActions(PoolStore pools, UserDirectory users, ResourceStore resources, Clock clock) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("AdminLinkProviderForUser", LinkRequest::parse, this::adminLinkProviderForUser);
        registry.add("AdminDisableProviderForUser", DisableRequest::parse, this::adminDisableProviderForUser);
    }

    @Nullable
    Object adminLinkProviderForUser(LinkRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        ProviderUser source = request.sourceUser();
        if (source.providerName().equalsIgnoreCase(COGNITO)) {
            throw Errors.invalidParameter("SourceUser must be a user of an external identity provider.");
        }
        IdentityProvider provider = requireProvider(pool, source);
        if (source.providerAttributeValue().isEmpty()) {
            throw Errors.invalidParameter("SourceUser ProviderAttributeValue is required.");
        }
        User destination = destination(pool, request.destinationUser());
        for (String name : destination.attributes().keySet()) {
            if (name.startsWith(SchemaAttribute.CUSTOM_PREFIX)
                    && pool.attribute(name).map((a) -> !a.mutable()).orElse(false)) {
                throw Errors.invalidParameter(
                        "DestinationUser has the immutable attribute " + name + " and cannot be linked.");
            }
        }
        Instant now = this.clock.instant();
        ProviderLink link = new ProviderLink(
                destination.sub(),
                provider.providerName(),
                provider.providerType(),
                source.providerAttributeName(),
                source.providerAttributeValue(),
                now);
        String key = ProviderLink.key(pool.id(), provider.providerName(), source.providerAttributeValue());
        Resource<ProviderLink> written = claim(pool, key, link, destination);
        try {
            this.users.modify(pool, destination.sub(), (user) -> {
                List<Identities.Identity> identities = Identities.read(user.attribute(Identities.ATTRIBUTE));
                identities.removeIf((identity) -> identity.providerName().equals(link.providerName())
                        && identity.userId().equals(link.providerAttributeValue()));
                requireRoom(identities);
                identities.add(new Identities.Identity(
                        link.providerAttributeValue(),
                        link.providerName(),
                        link.providerType(),
                        false,
                        now.toEpochMilli()));
                return withIdentities(user, identities, now);
            });
        } catch (CognitoException ex) {
            // The user went or has no room after all: the identity stays free for another link.
            this.resources.write(List.of(new ResourceChange.Delete(written)));
            throw ex;
        }
        return null;
    }

    /** Stores the link, unless the identity is linked to a user that still has it. */
    private Resource<ProviderLink> claim(UserPool pool, String key, ProviderLink link, User destination) {
        while (true) {
            requireRoom(Identities.read(destination.attribute(Identities.ATTRIBUTE)));
            Optional<Resource<ProviderLink>> existing = this.resources.find(ProviderLink.KIND, key);
            if (existing.isPresent() && isLive(pool, existing.get().value())) {
                throw ErrorType.ALIAS_EXISTS.exception("The SourceUser is already linked to a user in this pool.");
            }
            ResourceChange change = existing.isPresent()
                    ? new ResourceChange.Replace<>(existing.get(), link)
                    : new ResourceChange.Create<>(ProviderLink.KIND, pool.id(), key, link);
            if (this.resources.write(List.of(change))) {
                return existing.map((r) -> r.replacedBy(link))
                        .orElseGet(() -> new Resource<>(ProviderLink.KIND, pool.id(), key, 1, link));
            }
            if (this.pools.find(pool.id()).isEmpty()) {
                throw Errors.userPoolNotFound(pool.id());
            }
        }
    }

    /** Whether the linked user still exists and still shows the identity; a deleted user's links are stale. */
    private boolean isLive(UserPool pool, ProviderLink link) {
        return this.users
                .findBySub(pool, link.sub())
                .map((user) -> Identities.read(user.attribute(Identities.ATTRIBUTE)).stream()
                        .anyMatch((identity) -> identity.providerName().equals(link.providerName())
                                && identity.userId().equals(link.providerAttributeValue())))
                .orElse(false);
    }

    @Nullable
    Object adminDisableProviderForUser(DisableRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        ProviderUser user = request.user();
        if (user.providerName().equalsIgnoreCase(COGNITO)) {
            throw ErrorType.UNSUPPORTED_OPERATION.exception(
                    "Deactivating the password sign-in of a native user is not emulated.");
        }
        IdentityProvider provider = requireProvider(pool, user);
        String key = ProviderLink.key(pool.id(), provider.providerName(), user.providerAttributeValue());
        while (true) {
            Resource<ProviderLink> link = this.resources
                    .find(ProviderLink.KIND, key)
                    .filter((r) -> r.value().providerAttributeName().equals(user.providerAttributeName())
                            || user.providerAttributeName().equals(COGNITO_SUBJECT))
                    .orElseThrow(Errors::userNotFound);
            if (!this.resources.write(List.of(new ResourceChange.Delete(link)))) {
                continue;
            }
            Instant now = this.clock.instant();
            try {
                this.users.modify(pool, link.value().sub(), (linked) -> {
                    List<Identities.Identity> identities = Identities.read(linked.attribute(Identities.ATTRIBUTE));
                    identities.removeIf((identity) -> identity.providerName().equals(provider.providerName())
                            && identity.userId().equals(user.providerAttributeValue()));
                    return withIdentities(linked, identities, now);
                });
            } catch (CognitoException ex) {
                // The linked user was deleted: the link was all there was left to remove.
            }
            return null;
        }
    }

    private IdentityProvider requireProvider(UserPool pool, ProviderUser user) {
        IdentityProvider provider = IdentityProviderActions.find(this.resources, pool.id(), user.providerName())
                .orElseThrow(() -> Errors.invalidParameter(
                        "The provider " + user.providerName() + " does not exist for User Pool " + pool.id() + "."));
        if (ProviderTypes.SOCIAL.contains(provider.providerType())
                && !user.providerAttributeName().equals(COGNITO_SUBJECT)) {
            throw Errors.invalidParameter("ProviderAttributeName must be " + COGNITO_SUBJECT + " for provider "
                    + provider.providerName() + ".");
        }
        return provider;
    }

    /** The pool user a link goes to: a native user by username, or a federated user by its provider's user id. */
    private User destination(UserPool pool, ProviderUser destination) {
        Optional<User> found = destination.providerName().equalsIgnoreCase(COGNITO)
                ? this.users.resolve(pool, destination.providerAttributeValue())
                : this.users.findByUsername(
                        pool, destination.providerName() + "_" + destination.providerAttributeValue());
        return found.orElseThrow(Errors::userNotFound);
    }

    private static void requireRoom(List<Identities.Identity> identities) {
        if (identities.size() >= MAX_LINKED_IDENTITIES) {
            throw ErrorType.LIMIT_EXCEEDED.exception(
                    "A user can have at most " + MAX_LINKED_IDENTITIES + " linked identities.");
        }
    }

    private static User withIdentities(User user, List<Identities.Identity> identities, Instant now) {
        Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
        String value = Identities.write(identities);
        if (value != null) {
            attributes.put(Identities.ATTRIBUTE, value);
        } else {
            attributes.remove(Identities.ATTRIBUTE);
        }
        return user.withAttributes(attributes, now);
    }

    /**
     * A {@code ProviderUserIdentifierType}: a user as an identity provider knows it.
     *
     * @param providerName the provider, or {@code Cognito} for a native user
     * @param providerAttributeName the attribute that identifies the user
     * @param providerAttributeValue the user's value of it
     */
    record ProviderUser(String providerName, String providerAttributeName, String providerAttributeValue) {

        static ProviderUser parse(RequestReader in, String member) {
            RequestReader user = in.structure(member);
            if (user == null) {
                in.missing(member);
                return new ProviderUser("", "", "");
            }
            String name = user.string("ProviderName", IdentityProviderActions.PROVIDER_NAME);
            String attributeName = user.string("ProviderAttributeName", StringShape.ANY);
            String attributeValue = user.string("ProviderAttributeValue", StringShape.ANY);
            return new ProviderUser(
                    (name != null) ? name : "",
                    (attributeName != null) ? attributeName : "",
                    (attributeValue != null) ? attributeValue : "");
        }
    }

    /**
     * An AdminLinkProviderForUser request.
     *
     * @param userPoolId the pool
     * @param destinationUser the pool user to link to
     * @param sourceUser the external identity to link
     */
    record LinkRequest(String userPoolId, ProviderUser destinationUser, ProviderUser sourceUser) {

        static LinkRequest parse(RequestReader in) {
            return new LinkRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    ProviderUser.parse(in, "DestinationUser"),
                    ProviderUser.parse(in, "SourceUser"));
        }
    }

    /**
     * An AdminDisableProviderForUser request.
     *
     * @param userPoolId the pool
     * @param user the external identity to unlink
     */
    record DisableRequest(String userPoolId, ProviderUser user) {

        static DisableRequest parse(RequestReader in) {
            return new DisableRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID), ProviderUser.parse(in, "User"));
        }
    }
}
