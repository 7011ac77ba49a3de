package io.github.cognitoemulator.core.user;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.password.PasswordCredential;
import io.github.cognitoemulator.core.password.TemporaryPasswords;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.pool.UserPoolRepository;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.support.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * AdminCreateUser, AdminGetUser, AdminDeleteUser, AdminSetUserPassword and AdminUpdateUserAttributes.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html">AdminCreateUser</a>
 */
public final class AdminUserActions implements ActionFamily {

    private final UserPoolRepository pools;

    private final UserDirectory users;

    private final Clock clock;

    private final Ids ids;

    public AdminUserActions(UserPoolRepository pools, UserDirectory users, Clock clock, Ids ids) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("AdminCreateUser", AdminCreateUserRequest::parse, this::adminCreateUser);
        registry.add("AdminGetUser", UserRequest::parse, this::adminGetUser);
        registry.add("AdminDeleteUser", UserRequest::parse, this::adminDeleteUser);
        registry.add("AdminSetUserPassword", AdminSetUserPasswordRequest::parse, this::adminSetUserPassword);
        registry.add(
                "AdminUpdateUserAttributes", AdminUpdateUserAttributesRequest::parse, this::adminUpdateUserAttributes);
    }

    Map<String, Object> adminCreateUser(AdminCreateUserRequest request, RequestContext context) {
        UserPool pool = requirePool(request.userPoolId());
        if ("RESEND".equals(request.messageAction())) {
            return Map.of("User", UserShapes.userType(resendInvitation(pool, request), (name) -> true));
        }
        checkUsername(pool, request.username());
        AttributeRules.check(pool, request.userAttributes(), null);
        String password = request.temporaryPassword();
        if (password != null) {
            checkPolicy(pool, password);
        } else {
            password = TemporaryPasswords.generate(pool.passwordPolicy(), this.ids);
        }
        Instant now = this.clock.instant();
        String sub = this.ids.uuid();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("sub", sub);
        for (AttributeRules.Attribute attribute : request.userAttributes()) {
            if (attribute.value() != null && !attribute.value().isEmpty()) {
                attributes.put(attribute.name(), attribute.value());
            }
        }
        String username = request.username();
        if (pool.hasUsernameAttributes()) {
            // In pools where users sign in with email or phone, that value is an attribute and the sub is the username.
            attributes.put(AttributeRules.isEmail(username) ? "email" : "phone_number", username);
            username = sub;
        }
        var user = new User(
                pool.id(),
                username,
                sub,
                attributes,
                UserStatus.FORCE_CHANGE_PASSWORD,
                true,
                now,
                now,
                PasswordCredential.create(pool.idSuffix(), username, password, this.ids.randomBytes(16)),
                now);
        if (request.forceAliasCreation()) {
            releaseAliases(pool, user, now);
        }
        this.users.create(pool, user, "User account already exists");
        return Map.of("User", UserShapes.userType(user, (name) -> true));
    }

    Map<String, Object> adminGetUser(UserRequest request, RequestContext context) {
        UserPool pool = requirePool(request.userPoolId());
        return UserShapes.adminGetUserResponse(requireUser(pool, request.username()));
    }

    @Nullable
    Object adminDeleteUser(UserRequest request, RequestContext context) {
        UserPool pool = requirePool(request.userPoolId());
        this.users.delete(pool, requireUser(pool, request.username()));
        return null;
    }

    @Nullable
    Object adminSetUserPassword(AdminSetUserPasswordRequest request, RequestContext context) {
        UserPool pool = requirePool(request.userPoolId());
        checkPolicy(pool, request.password());
        return this.users.locked(pool, () -> {
            User user = requireUser(pool, request.username());
            var credential = PasswordCredential.create(
                    pool.idSuffix(), user.username(), request.password(), this.ids.randomBytes(16));
            UserStatus status = request.permanent() ? UserStatus.CONFIRMED : UserStatus.FORCE_CHANGE_PASSWORD;
            this.users.update(pool, user.withPassword(credential, status, this.clock.instant()));
            return null;
        });
    }

    @Nullable
    Object adminUpdateUserAttributes(AdminUpdateUserAttributesRequest request, RequestContext context) {
        UserPool pool = requirePool(request.userPoolId());
        return this.users.locked(pool, () -> {
            User user = requireUser(pool, request.username());
            AttributeRules.check(pool, request.userAttributes(), user);
            Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
            for (AttributeRules.Attribute attribute : request.userAttributes()) {
                String previous = attributes.get(attribute.name());
                if (attribute.value() == null || attribute.value().isEmpty()) {
                    attributes.remove(attribute.name());
                } else {
                    attributes.put(attribute.name(), attribute.value());
                }
                // A new email or phone number is not verified until the user proves it, unless the caller says so.
                boolean changed = !Objects.equals(previous, attributes.get(attribute.name()));
                String verifiedFlag = attribute.name() + "_verified";
                if (changed
                        && List.of("email", "phone_number").contains(attribute.name())
                        && request.userAttributes().stream()
                                .noneMatch((a) -> a.name().equals(verifiedFlag))) {
                    attributes.put(verifiedFlag, "false");
                }
            }
            this.users.update(pool, user.withAttributes(attributes, this.clock.instant()));
            return null;
        });
    }

    private User resendInvitation(UserPool pool, AdminCreateUserRequest request) {
        return this.users.locked(pool, () -> {
            User user = requireUser(pool, request.username());
            if (user.status() != UserStatus.FORCE_CHANGE_PASSWORD) {
                throw ErrorType.UNSUPPORTED_USER_STATE.exception(
                        "Resend not possible. " + user.username() + " status is not FORCE_CHANGE_PASSWORD.");
            }
            String password = request.temporaryPassword();
            if (password != null) {
                checkPolicy(pool, password);
            } else {
                password = TemporaryPasswords.generate(pool.passwordPolicy(), this.ids);
            }
            var credential =
                    PasswordCredential.create(pool.idSuffix(), user.username(), password, this.ids.randomBytes(16));
            User updated = user.withPassword(credential, UserStatus.FORCE_CHANGE_PASSWORD, this.clock.instant());
            this.users.update(pool, updated);
            return updated;
        });
    }

    private void releaseAliases(UserPool pool, User user, Instant now) {
        for (String alias : pool.aliasAttributes()) {
            this.users.aliasOwner(pool, user, alias).ifPresent((owner) -> {
                Map<String, String> attributes = new LinkedHashMap<>(owner.attributes());
                attributes.put(alias + "_verified", "false");
                this.users.update(pool, owner.withAttributes(attributes, now));
            });
        }
    }

    private static void checkUsername(UserPool pool, String username) {
        List<String> signIn = pool.usernameAttributes();
        if (!signIn.isEmpty()) {
            boolean email = signIn.contains("email") && AttributeRules.isEmail(username);
            boolean phone = signIn.contains("phone_number") && AttributeRules.isPhoneNumber(username);
            if (!email && !phone) {
                throw Errors.invalidParameter(
                        signIn.size() == 2
                                ? "Username should be either an email or a phone number."
                                : signIn.contains("email")
                                        ? "Username should be an email."
                                        : "Username should be a phone number.");
            }
            return;
        }
        if (pool.aliasAttributes().contains("email") && AttributeRules.isEmail(username)) {
            throw Errors.invalidParameter(
                    "Username cannot be of email format, since user pool is configured for email alias.");
        }
        if (pool.aliasAttributes().contains("phone_number") && AttributeRules.isPhoneNumber(username)) {
            throw Errors.invalidParameter(
                    "Username cannot be of phone number format, since user pool is configured for phone number alias.");
        }
    }

    static void checkPolicy(UserPool pool, String password) {
        List<String> violations = pool.passwordPolicy().violations(password);
        if (!violations.isEmpty()) {
            throw ErrorType.INVALID_PASSWORD.exception("Password does not conform to policy: " + violations.get(0));
        }
    }

    private UserPool requirePool(String userPoolId) {
        return this.pools.findById(userPoolId).orElseThrow(() -> Errors.userPoolNotFound(userPoolId));
    }

    private User requireUser(UserPool pool, String username) {
        return this.users.resolve(pool, username).orElseThrow(Errors::userNotFound);
    }

    /**
     * A request naming a pool and a user.
     *
     * @param userPoolId the pool
     * @param username the username, alias or sub
     */
    record UserRequest(String userPoolId, String username) {

        static UserRequest parse(RequestReader in) {
            return new UserRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("Username", Shapes.USERNAME));
        }
    }

    /**
     * An AdminCreateUser request.
     *
     * @param userPoolId the pool
     * @param username the username
     * @param userAttributes the attributes to set
     * @param temporaryPassword the temporary password, or {@code null} to generate one
     * @param forceAliasCreation whether to take a verified alias over from another user
     * @param messageAction {@code RESEND}, {@code SUPPRESS} or {@code null}
     * @param desiredDeliveryMediums how to deliver the invitation
     */
    record AdminCreateUserRequest(
            String userPoolId,
            String username,
            List<AttributeRules.Attribute> userAttributes,
            @Nullable String temporaryPassword,
            boolean forceAliasCreation,
            @Nullable String messageAction,
            List<String> desiredDeliveryMediums) {

        static AdminCreateUserRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            String username = in.requiredString("Username", Shapes.USERNAME);
            List<AttributeRules.Attribute> attributes = AttributeRules.read(in, "UserAttributes");
            AttributeRules.read(in, "ValidationData");
            String temporaryPassword = in.string("TemporaryPassword", Shapes.PASSWORD);
            Boolean forceAlias = in.bool("ForceAliasCreation");
            String messageAction = in.string("MessageAction", StringShape.oneOf("RESEND", "SUPPRESS"));
            List<String> mediums = in.stringList("DesiredDeliveryMediums", StringShape.oneOf("SMS", "EMAIL"));
            in.stringMap("ClientMetadata");
            return new AdminCreateUserRequest(
                    userPoolId,
                    username,
                    (attributes != null) ? attributes : List.of(),
                    (temporaryPassword != null && !temporaryPassword.isEmpty()) ? temporaryPassword : null,
                    Boolean.TRUE.equals(forceAlias),
                    messageAction,
                    (mediums != null) ? mediums : List.of("SMS"));
        }
    }

    /**
     * An AdminSetUserPassword request.
     *
     * @param userPoolId the pool
     * @param username the username, alias or sub
     * @param password the new password
     * @param permanent whether the user may keep it, or must change it at next sign-in
     */
    record AdminSetUserPasswordRequest(String userPoolId, String username, String password, boolean permanent) {

        static AdminSetUserPasswordRequest parse(RequestReader in) {
            return new AdminSetUserPasswordRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("Username", Shapes.USERNAME),
                    in.requiredString("Password", Shapes.PASSWORD),
                    Boolean.TRUE.equals(in.bool("Permanent")));
        }
    }

    /**
     * An AdminUpdateUserAttributes request.
     *
     * @param userPoolId the pool
     * @param username the username, alias or sub
     * @param userAttributes the attributes to set
     */
    record AdminUpdateUserAttributesRequest(
            String userPoolId, String username, List<AttributeRules.Attribute> userAttributes) {

        static AdminUpdateUserAttributesRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            String username = in.requiredString("Username", Shapes.USERNAME);
            List<AttributeRules.Attribute> attributes = AttributeRules.read(in, "UserAttributes");
            if (attributes == null) {
                in.missing("UserAttributes");
            }
            in.stringMap("ClientMetadata");
            return new AdminUpdateUserAttributesRequest(
                    userPoolId, username, (attributes != null) ? attributes : List.of());
        }
    }
}
