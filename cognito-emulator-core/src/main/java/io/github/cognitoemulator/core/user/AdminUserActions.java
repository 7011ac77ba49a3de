package io.github.cognitoemulator.core.user;

import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.message.MessageSender;
import io.github.cognitoemulator.core.message.MessageTemplates;
import io.github.cognitoemulator.core.password.TemporaryPasswords;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.support.Redacted;
import io.github.cognitoemulator.core.trigger.Triggers;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * AdminCreateUser, AdminGetUser, AdminDeleteUser, AdminDisableUser, AdminEnableUser, AdminSetUserPassword,
 * AdminUpdateUserAttributes, AdminDeleteUserAttributes and AdminConfirmSignUp.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html">AdminCreateUser</a>
 */
public final class AdminUserActions implements ActionFamily {

    private final PoolStore pools;

    private final UserDirectory users;

    private final Clock clock;

    private final Triggers triggers;

    private final Ids ids;

    private final PasswordChanges passwords;

    private final MessageSender messages;

    private final MfaMembers mfa;

    private final TokenRevocation revocation;

    /**
     * @param mfa what users' MFA settings add to AdminGetUser
     * @param triggers the pool's Lambda triggers: pre sign-up
     * @param revocation ends the tokens of a user AdminDisableUser disables
     */
    public AdminUserActions(
            PoolStore pools,
            UserDirectory users,
            PasswordChanges passwords,
            MessageSender messages,
            Clock clock,
            Ids ids,
            MfaMembers mfa,
            Triggers triggers,
            TokenRevocation revocation) {
        this.revocation = Objects.requireNonNull(revocation, "'revocation' must not be null");
        this.mfa = Objects.requireNonNull(mfa, "'mfa' must not be null");
        this.triggers = Objects.requireNonNull(triggers, "'triggers' must not be null");
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.passwords = Objects.requireNonNull(passwords, "'passwords' must not be null");
        this.messages = Objects.requireNonNull(messages, "'messages' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("AdminCreateUser", AdminCreateUserRequest::parse, this::adminCreateUser);
        registry.add("AdminGetUser", UserRequest::parse, this::adminGetUser);
        registry.add("AdminDeleteUser", UserRequest::parse, this::adminDeleteUser);
        registry.add("AdminDisableUser", UserRequest::parse, (request, context) -> setEnabled(request, context, false));
        registry.add("AdminEnableUser", UserRequest::parse, (request, context) -> setEnabled(request, context, true));
        registry.add("AdminSetUserPassword", AdminSetUserPasswordRequest::parse, this::adminSetUserPassword);
        registry.add(
                "AdminUpdateUserAttributes", AdminUpdateUserAttributesRequest::parse, this::adminUpdateUserAttributes);
        registry.add(
                "AdminDeleteUserAttributes", AdminDeleteUserAttributesRequest::parse, this::adminDeleteUserAttributes);
        registry.add("AdminConfirmSignUp", AdminConfirmSignUpRequest::parse, this::adminConfirmSignUp);
    }

    Map<String, Object> adminCreateUser(AdminCreateUserRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        if ("RESEND".equals(request.messageAction())) {
            return Map.of("User", UserShapes.userType(resendInvitation(pool, request), (name) -> true));
        }
        Usernames.check(pool, request.username());
        AttributeRules.check(pool, request.userAttributes(), null);
        String password = request.temporaryPassword();
        if (password == null) {
            password = TemporaryPasswords.generate(pool.passwordPolicy(), this.ids);
        }
        Instant now = this.clock.instant();
        String sub = this.ids.uuid();
        Map<String, String> attributes = AttributeRules.initial(sub, request.userAttributes());
        String username = Usernames.internalUsername(pool, request.username(), sub, attributes);
        this.triggers.preSignUp(
                pool,
                null,
                "PreSignUp_AdminCreateUser",
                username,
                attributes,
                request.validationData(),
                request.clientMetadata());
        // Cognito ignores the trigger's answer for an invited user: the invitation confirms, and the administrator
        // sets email_verified and phone_number_verified among the attributes. Throwing still refuses the user.
        var user = new User(
                pool.id(),
                username,
                sub,
                attributes,
                UserStatus.FORCE_CHANGE_PASSWORD,
                true,
                now,
                now,
                this.passwords.temporaryCredential(pool, username, password),
                now,
                0);
        this.users.create(pool, user, "User account already exists", request.forceAliasCreation());
        if (!"SUPPRESS".equals(request.messageAction())) {
            sendInvitation(
                    pool,
                    user,
                    request.username(),
                    password,
                    request.desiredDeliveryMediums(),
                    request.clientMetadata());
        }
        return Map.of("User", UserShapes.userType(user, (name) -> true));
    }

    Map<String, Object> adminGetUser(UserRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        User user = requireUser(pool, request.username());
        Map<String, Object> response = UserShapes.adminGetUserResponse(user);
        response.putAll(this.mfa.of(user));
        return response;
    }

    @Nullable
    Object adminDeleteUser(UserRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        this.users.delete(pool, requireUser(pool, request.username()));
        return null;
    }

    /**
     * AdminDisableUser and AdminEnableUser: a disabled user can neither sign in nor use the tokens it holds. Disabling
     * revokes the user's tokens for good, as Cognito documents ("deactivates a user and revokes all access tokens for
     * the user"): enabling the user again signs nobody back in.
     */
    @Nullable
    Object setEnabled(UserRequest request, RequestContext context, boolean enabled) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        Instant now = this.clock.instant();
        User changed = this.users.modify(
                pool, requireUser(pool, request.username()).sub(), (user) -> user.withEnabled(enabled, now));
        if (!enabled) {
            // After the user is stored disabled, so that a sign-in racing with this either sees the disabled user or
            // issued tokens that are revoked here.
            this.revocation.revokeAll(pool.id(), changed.sub());
        }
        return null;
    }

    /** Ends every token a user holds: its sign-ins' refresh tokens and the access tokens issued from them. */
    @FunctionalInterface
    public interface TokenRevocation {

        void revokeAll(String userPoolId, String sub);
    }

    @Nullable
    Object adminSetUserPassword(AdminSetUserPasswordRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        PasswordChanges.checkPolicy(pool, request.password());
        User user = requireUser(pool, request.username());
        UserStatus status = request.permanent() ? UserStatus.CONFIRMED : UserStatus.FORCE_CHANGE_PASSWORD;
        this.passwords.setPassword(pool, user, request.password(), status);
        return null;
    }

    @Nullable
    Object adminUpdateUserAttributes(AdminUpdateUserAttributesRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        Instant now = this.clock.instant();
        this.users.modify(pool, requireUser(pool, request.username()).sub(), (user) -> {
            AttributeRules.check(pool, request.userAttributes(), user);
            return user.withAttributes(AttributeRules.apply(user, request.userAttributes()), now);
        });
        return null;
    }

    @Nullable
    Object adminDeleteUserAttributes(AdminDeleteUserAttributesRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        Instant now = this.clock.instant();
        this.users.modify(
                pool,
                requireUser(pool, request.username()).sub(),
                (user) -> user.withAttributes(AttributeRules.delete(pool, user, request.userAttributeNames()), now));
        return null;
    }

    /** Confirms a signed-up user without a code; its email address or phone number stays unverified. */
    @Nullable
    Object adminConfirmSignUp(AdminConfirmSignUpRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        Instant now = this.clock.instant();
        User confirmed =
                this.users.modify(pool, requireUser(pool, request.username()).sub(), (user) -> {
                    if (user.status() != UserStatus.UNCONFIRMED) {
                        throw ErrorType.NOT_AUTHORIZED.exception("User cannot be confirmed. Current status is "
                                + user.status().name());
                    }
                    return user.withStatus(UserStatus.CONFIRMED, now);
                });
        this.triggers.postConfirmation(
                pool, null, "PostConfirmation_ConfirmSignUp", confirmed, request.clientMetadata());
        return null;
    }

    private User resendInvitation(UserPool pool, AdminCreateUserRequest request) {
        User user = requireUser(pool, request.username());
        requireInvited(user);
        String password = request.temporaryPassword();
        if (password == null) {
            password = TemporaryPasswords.generate(pool.passwordPolicy(), this.ids);
        }
        User updated = this.passwords.setTemporaryPassword(pool, user, password, (current) -> {
            requireInvited(current);
            return current;
        });
        sendInvitation(
                pool,
                updated,
                request.username(),
                password,
                request.desiredDeliveryMediums(),
                request.clientMetadata());
        return updated;
    }

    private static void requireInvited(User user) {
        if (user.status() != UserStatus.FORCE_CHANGE_PASSWORD) {
            throw ErrorType.UNSUPPORTED_USER_STATE.exception(
                    "Resend not possible. " + user.username() + " status is not FORCE_CHANGE_PASSWORD.");
        }
    }

    /**
     * Sends the invitation with the temporary password by each requested medium the user has an address for, as
     * Cognito does.
     */
    private void sendInvitation(
            UserPool pool,
            User user,
            String signInName,
            String temporaryPassword,
            List<String> mediums,
            Map<String, String> clientMetadata) {
        for (String medium : mediums) {
            String attribute = medium.equals("EMAIL") ? "email" : "phone_number";
            String destination = user.attribute(attribute);
            if (destination != null) {
                MessageTemplates.Text text = this.triggers.customMessage(
                        pool,
                        null,
                        "AdminCreateUser",
                        user,
                        medium.equals("EMAIL"),
                        temporaryPassword,
                        signInName,
                        clientMetadata,
                        MessageTemplates.invitation(pool, medium.equals("EMAIL"), signInName, temporaryPassword));
                this.messages.send(
                        pool.id(),
                        user.username(),
                        "AdminCreateUser",
                        attribute,
                        destination,
                        text.subject(),
                        text.body(),
                        temporaryPassword);
            }
        }
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
     * @param validationData the {@code ValidationData}, for the pre sign-up trigger only
     * @param clientMetadata the {@code ClientMetadata}, for the triggers
     */
    record AdminCreateUserRequest(
            String userPoolId,
            String username,
            List<AttributeRules.Attribute> userAttributes,
            @Nullable String temporaryPassword,
            boolean forceAliasCreation,
            @Nullable String messageAction,
            List<String> desiredDeliveryMediums,
            Map<String, String> validationData,
            Map<String, String> clientMetadata) {

        static AdminCreateUserRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            String username = in.requiredString("Username", Shapes.USERNAME);
            List<AttributeRules.Attribute> attributes = AttributeRules.read(in, "UserAttributes");
            List<AttributeRules.Attribute> validationData = AttributeRules.read(in, "ValidationData");
            String temporaryPassword = in.string("TemporaryPassword", Shapes.PASSWORD);
            Boolean forceAlias = in.bool("ForceAliasCreation");
            String messageAction = in.string("MessageAction", StringShape.oneOf("RESEND", "SUPPRESS"));
            List<String> mediums = in.stringList("DesiredDeliveryMediums", StringShape.oneOf("SMS", "EMAIL"));
            Map<String, String> clientMetadata = in.stringMap("ClientMetadata");
            return new AdminCreateUserRequest(
                    userPoolId,
                    username,
                    (attributes != null) ? attributes : List.of(),
                    (temporaryPassword != null && !temporaryPassword.isEmpty()) ? temporaryPassword : null,
                    Boolean.TRUE.equals(forceAlias),
                    messageAction,
                    (mediums != null) ? mediums : List.of("SMS"),
                    Triggers.validationData(validationData),
                    (clientMetadata != null) ? clientMetadata : Map.of());
        }

        /** A description without the temporary password. */
        @Override
        public String toString() {
            return "AdminCreateUserRequest[userPoolId=" + this.userPoolId + ", username=" + this.username
                    + ", userAttributes=" + this.userAttributes + ", temporaryPassword="
                    + Redacted.secret(this.temporaryPassword) + ", forceAliasCreation=" + this.forceAliasCreation
                    + ", messageAction=" + this.messageAction + ", desiredDeliveryMediums="
                    + this.desiredDeliveryMediums + "]";
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

        /** A description without the password. */
        @Override
        public String toString() {
            return "AdminSetUserPasswordRequest[userPoolId=" + this.userPoolId + ", username=" + this.username
                    + ", password=" + Redacted.secret(this.password) + ", permanent=" + this.permanent + "]";
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

    /**
     * An AdminDeleteUserAttributes request.
     *
     * @param userPoolId the pool
     * @param username the username, alias or sub
     * @param userAttributeNames the attributes to delete
     */
    record AdminDeleteUserAttributesRequest(String userPoolId, String username, List<String> userAttributeNames) {

        static AdminDeleteUserAttributesRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            String username = in.requiredString("Username", Shapes.USERNAME);
            List<String> names = in.stringList("UserAttributeNames", Shapes.ATTRIBUTE_NAME);
            if (names == null) {
                in.missing("UserAttributeNames");
            }
            return new AdminDeleteUserAttributesRequest(userPoolId, username, (names != null) ? names : List.of());
        }
    }

    /**
     * An AdminConfirmSignUp request.
     *
     * @param userPoolId the pool
     * @param username the username, alias or sub
     * @param clientMetadata the {@code ClientMetadata}, for the post confirmation trigger
     */
    record AdminConfirmSignUpRequest(String userPoolId, String username, Map<String, String> clientMetadata) {

        AdminConfirmSignUpRequest(String userPoolId, String username) {
            this(userPoolId, username, Map.of());
        }

        static AdminConfirmSignUpRequest parse(RequestReader in) {
            String userPoolId = in.requiredString("UserPoolId", Shapes.USER_POOL_ID);
            String username = in.requiredString("Username", Shapes.USERNAME);
            Map<String, String> clientMetadata = in.stringMap("ClientMetadata");
            return new AdminConfirmSignUpRequest(
                    userPoolId, username, (clientMetadata != null) ? clientMetadata : Map.of());
        }
    }
}
