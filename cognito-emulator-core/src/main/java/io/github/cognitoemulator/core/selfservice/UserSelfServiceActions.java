package io.github.cognitoemulator.core.selfservice;

import io.github.cognitoemulator.core.client.UserPoolClient;
import io.github.cognitoemulator.core.code.CodeOperation;
import io.github.cognitoemulator.core.code.CodePurpose;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.support.Redacted;
import io.github.cognitoemulator.core.token.SignedInUsers.SignedInUser;
import io.github.cognitoemulator.core.user.AttributeRules;
import io.github.cognitoemulator.core.user.MfaMembers;
import io.github.cognitoemulator.core.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * What signed-in users do with their access token: GetUser, UpdateUserAttributes, DeleteUserAttributes,
 * GetUserAttributeVerificationCode, VerifyUserAttribute and DeleteUser.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUser.html">GetUser</a>
 */
public final class UserSelfServiceActions implements ActionFamily {

    private static final List<String> VERIFIABLE = List.of("email", "phone_number");

    private final SelfService service;

    private final Clock clock;

    private final MfaMembers mfa;

    public UserSelfServiceActions(SelfService service, Clock clock, MfaMembers mfa) {
        this.mfa = Objects.requireNonNull(mfa, "'mfa' must not be null");
        this.service = Objects.requireNonNull(service, "'service' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.addUnsigned("GetUser", AccessTokenRequest::parse, this::getUser);
        registry.addUnsigned("UpdateUserAttributes", UpdateUserAttributesRequest::parse, this::updateUserAttributes);
        registry.addUnsigned(
                "GetUserAttributeVerificationCode", AttributeRequest::parse, this::getUserAttributeVerificationCode);
        registry.addUnsigned("VerifyUserAttribute", VerifyUserAttributeRequest::parse, this::verifyUserAttribute);
        registry.addUnsigned("DeleteUser", AccessTokenRequest::parse, this::deleteUser);
        registry.addUnsigned("DeleteUserAttributes", DeleteUserAttributesRequest::parse, this::deleteUserAttributes);
    }

    Map<String, Object> getUser(AccessTokenRequest request, RequestContext context) {
        User user = this.service.authenticate(request.accessToken()).user();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("Username", user.username());
        response.put(
                "UserAttributes",
                user.attributes().entrySet().stream()
                        .map((entry) -> Map.of("Name", entry.getKey(), "Value", entry.getValue()))
                        .toList());
        response.putAll(this.mfa.of(user));
        return response;
    }

    Map<String, Object> updateUserAttributes(UpdateUserAttributesRequest request, RequestContext context) {
        SignedInUser caller = this.service.authenticate(request.accessToken());
        UserPool pool = caller.pool();
        List<String> writable = writableAttributes(caller);
        for (AttributeRules.Attribute attribute : request.userAttributes()) {
            if (attribute.name().startsWith("dev:") || (writable != null && !writable.contains(attribute.name()))) {
                throw ErrorType.NOT_AUTHORIZED.exception("A client attempted to write unauthorized attribute");
            }
        }
        List<Map<String, String>> deliveries = new ArrayList<>();
        Instant now = this.clock.instant();
        // The copy the stored change was made from, to tell which attributes it changed.
        AtomicReference<User> before = new AtomicReference<>(caller.user());
        User updated = this.service.users.modify(pool, caller.user().sub(), (user) -> {
            AttributeRules.check(pool, request.userAttributes(), user);
            before.set(user);
            return user.withAttributes(AttributeRules.apply(user, request.userAttributes()), now);
        });
        for (String attribute : VERIFIABLE) {
            boolean changed = !Objects.equals(before.get().attribute(attribute), updated.attribute(attribute));
            if (changed
                    && updated.attribute(attribute) != null
                    && !updated.isVerified(attribute)
                    && pool.autoVerifiedAttributes().contains(attribute)) {
                deliveries.add(this.service.sendCode(
                        pool, updated, CodePurpose.ATTRIBUTE_VERIFICATION, "UpdateUserAttribute", attribute));
            }
        }
        return deliveries.isEmpty() ? Map.of() : Map.of("CodeDeliveryDetailsList", deliveries);
    }

    Map<String, Object> getUserAttributeVerificationCode(AttributeRequest request, RequestContext context) {
        SignedInUser caller = this.service.authenticate(request.accessToken());
        String attribute = request.attributeName();
        if (!VERIFIABLE.contains(attribute)) {
            throw Errors.invalidParameter("Invalid attribute name. Only phone_number and email can be verified.");
        }
        if (caller.user().attribute(attribute) == null) {
            throw Errors.invalidParameter("Invalid attribute name. Only phone_number and email can be verified.");
        }
        this.service.codes.countRequest(
                caller.pool().id(), caller.user().sub(), CodeOperation.GET_USER_ATTRIBUTE_VERIFICATION_CODE);
        return Map.of(
                "CodeDeliveryDetails",
                this.service.sendCode(
                        caller.pool(),
                        caller.user(),
                        CodePurpose.ATTRIBUTE_VERIFICATION,
                        "VerifyUserAttribute",
                        attribute));
    }

    @Nullable
    Object verifyUserAttribute(VerifyUserAttributeRequest request, RequestContext context) {
        SignedInUser caller = this.service.authenticate(request.accessToken());
        UserPool pool = caller.pool();
        if (!VERIFIABLE.contains(request.attributeName())) {
            throw Errors.invalidParameter("Invalid attribute name. Only phone_number and email can be verified.");
        }
        this.service.codes.consume(pool.id(), caller.user().sub(), CodePurpose.ATTRIBUTE_VERIFICATION, request.code());
        Instant now = this.clock.instant();
        this.service.users.modify(pool, caller.user().sub(), (user) -> {
            Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
            attributes.put(request.attributeName() + "_verified", "true");
            return user.withAttributes(attributes, now);
        });
        return null;
    }

    @Nullable
    Object deleteUser(AccessTokenRequest request, RequestContext context) {
        SignedInUser caller = this.service.authenticate(request.accessToken());
        // The user's pending codes and sign-ins go with it.
        this.service.users.delete(caller.pool(), caller.user());
        return null;
    }

    /** The caller deletes some of its own attributes, within what its app client may write. */
    @Nullable
    Object deleteUserAttributes(DeleteUserAttributesRequest request, RequestContext context) {
        SignedInUser caller = this.service.authenticate(request.accessToken());
        UserPool pool = caller.pool();
        List<String> writable = writableAttributes(caller);
        for (String name : request.userAttributeNames()) {
            if (name.startsWith("dev:") || (writable != null && !writable.contains(name))) {
                throw ErrorType.NOT_AUTHORIZED.exception("A client attempted to write unauthorized attribute");
            }
        }
        Instant now = this.clock.instant();
        this.service.users.modify(
                pool,
                caller.user().sub(),
                (user) -> user.withAttributes(AttributeRules.delete(pool, user, request.userAttributeNames()), now));
        return null;
    }

    private @Nullable List<String> writableAttributes(SignedInUser caller) {
        return this.service
                .clients
                .find(caller.claims().clientId())
                .map(UserPoolClient::writeAttributes)
                .orElse(null);
    }

    /**
     * A request carrying only an access token.
     *
     * @param accessToken the user's access token
     */
    record AccessTokenRequest(String accessToken) {

        static AccessTokenRequest parse(RequestReader in) {
            return new AccessTokenRequest(in.requiredString("AccessToken", Shapes.ACCESS_TOKEN));
        }

        /** A description without the access token. */
        @Override
        public String toString() {
            return "AccessTokenRequest[accessToken=" + Redacted.secret(this.accessToken) + "]";
        }
    }

    /**
     * An UpdateUserAttributes request.
     *
     * @param userAttributes the attributes to set
     * @param accessToken the user's access token
     */
    record UpdateUserAttributesRequest(List<AttributeRules.Attribute> userAttributes, String accessToken) {

        static UpdateUserAttributesRequest parse(RequestReader in) {
            List<AttributeRules.Attribute> attributes = AttributeRules.read(in, "UserAttributes");
            if (attributes == null) {
                in.missing("UserAttributes");
            }
            String accessToken = in.requiredString("AccessToken", Shapes.ACCESS_TOKEN);
            in.stringMap("ClientMetadata");
            return new UpdateUserAttributesRequest((attributes != null) ? attributes : List.of(), accessToken);
        }

        /** A description without the access token. */
        @Override
        public String toString() {
            return "UpdateUserAttributesRequest[userAttributes=" + this.userAttributes + ", accessToken="
                    + Redacted.secret(this.accessToken) + "]";
        }
    }

    /**
     * A GetUserAttributeVerificationCode request.
     *
     * @param accessToken the user's access token
     * @param attributeName {@code email} or {@code phone_number}
     */
    record AttributeRequest(String accessToken, String attributeName) {

        static AttributeRequest parse(RequestReader in) {
            String accessToken = in.requiredString("AccessToken", Shapes.ACCESS_TOKEN);
            String attributeName = in.requiredString("AttributeName", Shapes.ATTRIBUTE_NAME);
            in.stringMap("ClientMetadata");
            return new AttributeRequest(accessToken, attributeName);
        }

        /** A description without the access token. */
        @Override
        public String toString() {
            return "AttributeRequest[accessToken=" + Redacted.secret(this.accessToken) + ", attributeName="
                    + this.attributeName + "]";
        }
    }

    /**
     * A VerifyUserAttribute request.
     *
     * @param accessToken the user's access token
     * @param attributeName {@code email} or {@code phone_number}
     * @param code the code the user received
     */
    record VerifyUserAttributeRequest(String accessToken, String attributeName, String code) {

        static VerifyUserAttributeRequest parse(RequestReader in) {
            String accessToken = in.requiredString("AccessToken", Shapes.ACCESS_TOKEN);
            String attributeName = in.requiredString("AttributeName", Shapes.ATTRIBUTE_NAME);
            String code = in.requiredString("Code", UserRegistrationActions.CONFIRMATION_CODE);
            return new VerifyUserAttributeRequest(accessToken, attributeName, code);
        }

        /** A description without the access token and the code. */
        @Override
        public String toString() {
            return "VerifyUserAttributeRequest[accessToken=" + Redacted.secret(this.accessToken) + ", attributeName="
                    + this.attributeName + ", code=" + Redacted.secret(this.code) + "]";
        }
    }

    /**
     * A DeleteUserAttributes request.
     *
     * @param userAttributeNames the attributes to delete
     * @param accessToken the user's access token
     */
    record DeleteUserAttributesRequest(List<String> userAttributeNames, String accessToken) {

        static DeleteUserAttributesRequest parse(RequestReader in) {
            List<String> names = in.stringList("UserAttributeNames", Shapes.ATTRIBUTE_NAME);
            if (names == null) {
                in.missing("UserAttributeNames");
            }
            String accessToken = in.requiredString("AccessToken", Shapes.ACCESS_TOKEN);
            return new DeleteUserAttributesRequest((names != null) ? names : List.of(), accessToken);
        }

        /** A description without the access token. */
        @Override
        public String toString() {
            return "DeleteUserAttributesRequest[userAttributeNames=" + this.userAttributeNames + ", accessToken="
                    + Redacted.secret(this.accessToken) + "]";
        }
    }
}
